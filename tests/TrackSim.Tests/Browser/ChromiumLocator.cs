namespace TrackSim.Tests.Browser;

/// <summary>
/// Finds the Chromium the browser tests drive: the system's package, not a browser Playwright
/// downloads (its download needs the internet; the distribution's package does not).
/// </summary>
internal static class ChromiumLocator
{
    /// <summary>The environment variable that names the Chromium executable, when it is not the default.</summary>
    public const string Variable = "TRACKSIM_CHROMIUM";

    /// <summary>Where Debian's <c>chromium</c> package puts its executable.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>What to do when no browser is found, for the failure message.</summary>
    public const string InstallHint =
        "The browser tests drive Chromium and none was found. Install it (on Debian or Ubuntu: apt-get install -y chromium) " +
        $"or set {Variable} to the path of a Chromium or Chrome executable.";

    /// <summary>
    /// The executable named by <see cref="Variable"/> if set, else <see cref="DebianPath"/> if it exists,
    /// else <c>chromium</c> on the <c>PATH</c>; null when there is none. A variable that names a
    /// missing file is an error, so that a typo is not covered by another browser.
    /// </summary>
    public static string? Find()
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named)
                ? named
                : throw new InvalidOperationException($"{Variable} names {named}, which does not exist. {InstallHint}");
        }

        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}

using System.Diagnostics;

namespace TrackSim.Tests.Examples;

/// <summary>The outcome of one run of an example script.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Out">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record ScriptRun(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the R and Python examples under <c>examples/</c> with the system's interpreters. A missing
/// interpreter fails the test with how to install it rather than skipping it: CI installs them
/// (<c>.ci/run</c>), so a skip would hide examples that nobody runs.
/// </summary>
internal static class ExampleTools
{
    /// <summary>What the Python examples import that Python itself does not have.</summary>
    private const string PythonHint =
        "The Python examples need python3 with pandas and matplotlib, and no python3 on the PATH has both. " +
        "Install them (on Debian or Ubuntu: apt-get install -y python3-pandas python3-matplotlib).";

    private const string RHint =
        "The R examples need Rscript, and there is none on the PATH. Install it (on Debian or Ubuntu: apt-get install -y r-base-core).";

    /// <summary>How long a script may take; the fixtures are small, so this only stops a hung interpreter.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string?> PythonPath = new(() => OnPath("python3").FirstOrDefault(HasPythonLibraries));

    private static readonly Lazy<string?> RscriptPath = new(() => OnPath("Rscript").FirstOrDefault());

    /// <summary>Runs <c>python3</c> with <paramref name="args"/> (a script and its arguments) in <c>examples/python</c>.</summary>
    public static ScriptRun Python(params string[] args) =>
        Run(PythonPath.Value ?? Fail(PythonHint), RepositoryFiles.PathOf("examples/python"), args);

    /// <summary>Runs <c>examples/r/<paramref name="script"/></c> with <paramref name="args"/>.</summary>
    public static ScriptRun R(string script, params string[] args) =>
        Run(RscriptPath.Value ?? Fail(RHint), RepositoryFiles.PathOf("examples/r"), [script, .. args]);

    /// <summary>
    /// Runs <c>examples/{language}/<paramref name="script"/></c>, language being "python", "r", or
    /// "python-stdlib": Python without site-packages (<c>python3 -S</c>), so without pandas, as the
    /// examples run where only the standard library is.
    /// </summary>
    public static ScriptRun Example(string language, string script, params string[] args) => language switch
    {
        "python" => Python([script + ".py", .. args]),
        "python-stdlib" => Python(["-S", script + ".py", .. args]),
        "r" => R(script + ".R", args),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "python or r"),
    };

    /// <summary>Every file named <paramref name="name"/> in the folders of the PATH, in PATH order.</summary>
    private static IEnumerable<string> OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .Where(File.Exists);

    /// <summary>
    /// Whether <paramref name="python"/> imports pandas and matplotlib. A PATH may list several
    /// Pythons (a version manager's before the system's, which has the Debian packages).
    /// </summary>
    private static bool HasPythonLibraries(string python)
    {
        try
        {
            return Run(python, Path.GetTempPath(), ["-c", "import pandas, matplotlib"]).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Fail(string message)
    {
        Assert.Fail(message);
        return string.Empty;
    }

    private static ScriptRun Run(string executable, string folder, string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Scripts print numbers and messages the same way whatever the machine's language.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANGUAGE"] = "en";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} {string.Join(' ', args)} did not finish in {Timeout.TotalMinutes} minutes");
        }

        return new ScriptRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

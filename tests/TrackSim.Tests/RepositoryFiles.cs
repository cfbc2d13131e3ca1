namespace TrackSim.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds <c>TrackSim.sln</c>, found by walking up from the test output folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Whether the run asks the tests to rewrite the generated files instead of only comparing them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1";

    /// <summary>The full path of a file given relative to the root with '/' separators.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    /// <summary>Reads a text file as UTF-8.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Writes a text file as UTF-8 without a byte-order mark.</summary>
    public static void Write(string relative, string text) =>
        File.WriteAllText(PathOf(relative), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Every shipped scenario (<c>*.yaml</c> and <c>*.yml</c> under <c>scenarios/</c>, recursively), in a stable order.</summary>
    public static IReadOnlyList<string> ShippedScenarios() =>
    [
        .. Directory.EnumerateFiles(PathOf("scenarios"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal),
    ];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrackSim.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds TrackSim.sln.");
    }
}

using NUnit.Framework;

namespace TrackSim.Tests.Scenarios;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds <c>TrackSim.sln</c>, found by walking up from the test output folder.</summary>
    public static string Root()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TrackSim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds TrackSim.sln.");
    }

    /// <summary>The path of a file given relative to the repository root with '/' separators.</summary>
    public static string PathOf(string relative) => Path.Combine([Root(), .. relative.Split('/')]);

    /// <summary>Every shipped scenario (<c>*.yaml</c> and <c>*.yml</c> under <c>scenarios/</c>, recursively), in a stable order.</summary>
    public static IReadOnlyList<string> ShippedScenarios()
    {
        string folder = Path.Combine(Root(), "scenarios");
        return
        [
            .. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal),
        ];
    }
}

using TrackSim.Scenarios.Loading;

namespace TrackSim.Cli.Commands;

/// <summary>
/// The scenarios that ship with TrackSim, copied beside the program (<c>scenarios/</c> in its folder,
/// in the repository's layout), so the installed tool has them too.
/// </summary>
internal static class ShippedScenarios
{
    /// <summary>The folder of the shipped scenarios beside the program.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>Every shipped scenario, by name (its path under <see cref="Folder"/> without <c>.yaml</c>, with <c>/</c>), in name order.</summary>
    public static IReadOnlyList<ShippedScenario> All()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => new ShippedScenario(Name(path), path))
            .OrderBy(s => s.Name.Contains('/', StringComparison.Ordinal))
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static string Name(string path) =>
        Path.ChangeExtension(Path.GetRelativePath(Folder, path), null).Replace(Path.DirectorySeparatorChar, '/');
}

/// <summary>A shipped scenario.</summary>
/// <param name="Name">Its name, the path under the shipped folder without <c>.yaml</c> (<c>teaching/transfer</c>).</param>
/// <param name="Path">Its file.</param>
internal sealed record ShippedScenario(string Name, string Path)
{
    /// <summary>The scenario's title, or its name when it has none or does not load.</summary>
    public string Title()
    {
        var loaded = ScenarioLoader.LoadFile(Path);
        return loaded.Scenario is { } scenario && !string.IsNullOrWhiteSpace(scenario.Title) ? scenario.Title : Name;
    }
}

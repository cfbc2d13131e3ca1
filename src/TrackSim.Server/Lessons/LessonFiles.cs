using TrackSim.Lessons;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Server.Lessons;

/// <summary>Which scenario files of a repository's <c>scenarios</c> folder are lessons.</summary>
public static class LessonFiles
{
    /// <summary>The historical scenario offered next to the teaching scenarios.</summary>
    public const string IndiaPakistan = "india-pakistan-1984-2021.yaml";

    /// <summary>
    /// The teaching scenarios (<c>teaching/*.yaml</c>, by name), the India-Pakistan scenario, then every
    /// <c>*.yaml</c> and <c>*.yml</c> directly in <paramref name="extraFolder"/> (by name); missing folders add nothing.
    /// </summary>
    /// <param name="scenariosFolder">The repository's <c>scenarios</c> folder, or null when none was found.</param>
    /// <param name="extraFolder">A folder of the user's scenarios, or null.</param>
    public static IReadOnlyList<string> In(string? scenariosFolder, string? extraFolder)
    {
        var files = new List<string>();
        if (scenariosFolder is not null)
        {
            files.AddRange(Yaml(Path.Combine(scenariosFolder, "teaching")));
            string indiaPakistan = Path.Combine(scenariosFolder, IndiaPakistan);
            if (File.Exists(indiaPakistan))
            {
                files.Add(indiaPakistan);
            }
        }

        if (extraFolder is not null)
        {
            files.AddRange(Yaml(extraFolder));
        }

        return files;
    }

    /// <summary>
    /// The <c>scenarios</c> folder of the repository that holds <paramref name="start"/>, found by walking up
    /// to a folder with <c>scenarios/teaching</c>; null when there is none.
    /// </summary>
    public static string? FindScenariosFolder(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "scenarios");
            if (Directory.Exists(Path.Combine(candidate, "teaching")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads <paramref name="files"/> once, when the server starts: the texts of those that load, and
    /// one line for each that does not (it is not offered). The server opens no file after this.
    /// </summary>
    public static (IReadOnlyList<LessonSource> Sources, IReadOnlyList<string> Skipped) Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sources = new List<LessonSource>();
        var skipped = new List<string>();
        foreach (string file in files)
        {
            // The loader reads with its size and encoding checks; a file that passes them is read as text.
            var loaded = ScenarioLoader.LoadFile(file);
            if (!loaded.IsValid)
            {
                skipped.Add(LessonCatalog.Skip(file, loaded.Errors.Length));
                continue;
            }

            sources.Add(new LessonSource(file, File.ReadAllText(file)));
        }

        return (sources, skipped);
    }

    private static IEnumerable<string> Yaml(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];
}

using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Results;

/// <summary>
/// Where results go, and whether a folder may receive them: an empty or missing folder, or the
/// results of an earlier run of the same scenario. A folder holding another scenario's results
/// or other files is refused unless the caller forces it, so a typo in <c>--out</c> never
/// overwrites someone's work.
/// </summary>
public static class ResultsFolder
{
    /// <summary>The folder under the current directory that results go to by default.</summary>
    public const string DefaultRoot = "results";

    private static readonly string[] DataFiles = [SeriesCsv.FileName, SummaryCsv.FileName, EventsCsv.FileName, ChartInputs.FileName, Manifest.FileName];

    /// <summary>The default folder for a scenario's results, <c>results/NAME</c>.</summary>
    public static string DefaultFor(string scenarioName)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioName);
        return Path.Combine(DefaultRoot, scenarioName);
    }

    /// <summary>
    /// Null when the results of <paramref name="scenarioName"/> may be written into <paramref name="folder"/>,
    /// else why not (one sentence, without the advice to force).
    /// </summary>
    public static string? Refusal(string folder, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(scenarioName);
        if (File.Exists(folder))
        {
            return $"{folder} is a file, not a folder";
        }

        if (!Directory.Exists(folder))
        {
            return null;
        }

        string manifestPath = Path.Combine(folder, Manifest.FileName);
        if (File.Exists(manifestPath))
        {
            Manifest manifest;
            try
            {
                manifest = ResultsJson.ReadManifest(File.ReadAllText(manifestPath));
            }
            catch (InvalidDataException)
            {
                return $"{folder} holds a {Manifest.FileName} that TrackSim cannot read";
            }

            return manifest.ScenarioName == scenarioName
                ? null
                : $"{folder} holds the results of another scenario ({manifest.ScenarioName})";
        }

        // Without a manifest, only the files of an interrupted run of TrackSim may be there.
        string? stranger = Strangers(folder).FirstOrDefault();
        return stranger is null ? null : $"{folder} holds files that are not TrackSim results (such as {stranger})";
    }

    private static IEnumerable<string> Strangers(string folder)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            if (Directory.Exists(entry))
            {
                if (name != ChartWriter.FolderName)
                {
                    yield return name + "/";
                    continue;
                }

                foreach (string chart in Directory.EnumerateFileSystemEntries(entry).Order(StringComparer.Ordinal))
                {
                    string chartName = Path.GetFileName(chart);
                    bool ours = File.Exists(chart) && (AtomicFile.IsTemporaryName(chartName) || chartName.EndsWith(".png", StringComparison.Ordinal) || chartName.EndsWith(".svg", StringComparison.Ordinal));
                    if (!ours)
                    {
                        yield return $"{name}/{chartName}";
                    }
                }
            }
            else if (!DataFiles.Contains(name) && !AtomicFile.IsTemporaryName(name))
            {
                yield return name;
            }
        }
    }
}

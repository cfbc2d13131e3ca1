using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Calibration;
using TrackSim.Reporting.Charts;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Distributions;
using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Networks;
using TrackSim.Reporting.Outcomes;
using TrackSim.Reporting.Sweeps;

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

    /// <summary>Every file name TrackSim writes at the top of a results folder.</summary>
    internal static readonly string[] DataFiles =
        [SeriesParquet.FileName, SeriesCsv.FileName, VariantsCsv.FileName, SummaryCsv.FileName, EventsCsv.FileName, ChartInputs.FileName, AgreementsCsv.FileName, AgreementTargetsCsv.FileName, DialogueCsv.FileName, EffectsCsv.FileName, RecoveryCsv.FileName, DistributionsCsv.FileName, Manifest.FileName];

    /// <summary>Every file name TrackSim writes at the top of a sweep or merge folder.</summary>
    internal static readonly string[] SweepFiles = [RunsCsv.FileName, SensitivityCsv.FileName, SweepManifest.FileName];

    /// <summary>Every file name TrackSim writes at the top of a calibration folder.</summary>
    public static readonly IReadOnlyList<string> CalibrationFiles =
        [
            ParticlesCsv.FileName, ParticlesCsv.GenerationsFileName, PosteriorSummary.FileName, TargetFitRow.FileName, CalibrationTables.PredictiveFileName,
            PredictiveRuns.SeriesFileName(SeriesFormat.Parquet)!, PredictiveRuns.SeriesFileName(SeriesFormat.Csv)!, PredictiveRuns.RunsFileName, CalibrationManifest.FileName,
        ];

    /// <summary>The folders of charts TrackSim writes (charts of runs and sweeps, effect charts of runs) and of network snapshots.</summary>
    internal static readonly string[] ChartFolders = [ChartWriter.FolderName, DifferenceCharts.FolderName, NetworkFiles.FolderName];

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
            if (FileKinds.Of(manifestPath) != FileKind.Regular)
            {
                return $"{manifestPath} is {FileKinds.Describe(FileKinds.Of(manifestPath))}, not a file TrackSim wrote";
            }

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

        return Foreign(folder, DataFiles, null);
    }

    /// <summary>
    /// Null when a sweep (or the merge of one) may be written into <paramref name="folder"/>: missing,
    /// empty, or holding only what TrackSim writes there; else why not.
    /// </summary>
    public static string? SweepRefusal(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            return $"{folder} is a file, not a folder";
        }

        return Directory.Exists(folder) ? Foreign(folder, SweepFiles, SweepManifest.FileName, sweep: true) : null;
    }

    /// <summary>
    /// Null when a calibration may be written into <paramref name="folder"/>: missing, empty, or
    /// holding only what TrackSim writes there; else why not.
    /// </summary>
    public static string? CalibrationRefusal(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            return $"{folder} is a file, not a folder";
        }

        return Directory.Exists(folder) ? Foreign(folder, [.. CalibrationFiles], CalibrationManifest.FileName) : null;
    }

    // Without a manifest, TrackSim's file names alone prove nothing (a user's own series.csv): they
    // count as TrackSim's only where TrackSim has worked before: its lock file is there, or the
    // manifest that sweeps and calibrations write as they go. A sweep folder may also hold the
    // series folder of point files.
    private static string? Foreign(string folder, string[] ours, string? manifest, bool sweep = false)
    {
        bool used = OutputFolder.WasUsed(folder) || (manifest is not null && FileKinds.Of(Path.Combine(folder, manifest)) == FileKind.Regular);
        string? stranger = Strangers(folder, ours, used, sweep).FirstOrDefault();
        return stranger is null ? null : $"{folder} holds files that TrackSim did not write (such as {stranger})";
    }

    private static IEnumerable<string> Strangers(string folder, string[] ours, bool used, bool sweep)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            var kind = FileKinds.Of(entry);
            if (name == OutputFolder.LockFileName || (kind == FileKind.Regular && OutputFolder.IsOwnTemporary(name)))
            {
                continue;
            }

            if (kind == FileKind.Directory && ChartFolders.Contains(name))
            {
                foreach (string chart in Directory.EnumerateFileSystemEntries(entry).Order(StringComparer.Ordinal))
                {
                    string chartName = Path.GetFileName(chart);
                    bool temporary = OutputFolder.IsOwnTemporary(chartName);
                    bool image = chartName.EndsWith(".png", StringComparison.Ordinal) || chartName.EndsWith(".svg", StringComparison.Ordinal) || chartName.EndsWith(".pdf", StringComparison.Ordinal)
                        || (name == DifferenceCharts.FolderName && chartName == DifferenceCharts.DataFileName)
                        || (name == NetworkFiles.FolderName && chartName.EndsWith(".csv", StringComparison.Ordinal));
                    if (FileKinds.Of(chart) != FileKind.Regular || !(temporary || (image && used)))
                    {
                        yield return $"{name}/{chartName}";
                    }
                }
            }
            else if (sweep && kind == FileKind.Directory && name == SweepSeries.FolderName)
            {
                foreach (string point in Directory.EnumerateFileSystemEntries(entry).Order(StringComparer.Ordinal))
                {
                    string pointName = Path.GetFileName(point);
                    if (FileKinds.Of(point) != FileKind.Regular || !(OutputFolder.IsOwnTemporary(pointName) || (SweepSeries.IsPointFileName(pointName) && used)))
                    {
                        yield return $"{name}/{pointName}";
                    }
                }
            }
            else if (kind != FileKind.Regular || !ours.Contains(name) || !used)
            {
                yield return kind == FileKind.Directory ? name + "/" : name;
            }
        }
    }
}

using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Finishes a complete sweep folder: sensitivity.csv from runs.csv, and the charts.</summary>
public static class SweepFolder
{
    /// <summary>
    /// Writes sensitivity.csv (and the charts unless <paramref name="charts"/> is null) from the
    /// folder's runs.csv; returns every file of the finished folder except sweep.json.
    /// </summary>
    public static IReadOnlyList<string> Finish(string folder, SweepPlan plan, ChartStyle? charts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(plan);
        var rows = RunsCsv.Read(Path.Combine(folder, RunsCsv.FileName), plan.Header);
        var sensitivity = Sensitivity.Compute(plan, rows);
        AtomicFile.WriteText(Path.Combine(folder, SensitivityCsv.FileName), w => SensitivityCsv.Write(w, sensitivity), cancellationToken);
        var files = new List<string> { RunsCsv.FileName, SensitivityCsv.FileName };
        if (charts is not null)
        {
            files.AddRange(SweepCharts.Write(folder, plan, rows, sensitivity, charts, cancellationToken));
        }

        return files;
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Effects;

/// <summary>
/// <c>difference-&lt;metric&gt;</c> charts: each variant minus the base, replicate by replicate, over
/// time. One panel per subject and one line per variant, drawn like the run charts: the median of
/// the paired differences with their 5-95% band (the mean for 0/1 metrics and counts per step), a
/// zero line, and the scenario's events.
/// </summary>
public static class DifferenceCharts
{
    /// <summary>
    /// Folder for the charts in the results folder. They need every run, which only <c>run</c> holds,
    /// so they live apart from <c>charts/</c>, which <c>tracksim plot</c> redraws from summary.csv.
    /// </summary>
    public const string FolderName = "effects";

    /// <summary>Draws a chart per metric in <paramref name="metrics"/> into <paramref name="folder"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string folder, EnsembleResult ensemble, IEnumerable<string> metrics, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(style);
        if (!ensemble.Variants.Contains(Scenario.BaseVariant) || ensemble.Variants.Length < 2)
        {
            return [];
        }

        var names = metrics.Distinct(StringComparer.Ordinal).Where(n => MetricCatalog.Find(n) is not null).ToList();
        var baseRuns = EffectsTable.Runs(ensemble, Scenario.BaseVariant);
        var variants = ensemble.Variants.Where(v => v != Scenario.BaseVariant).ToList();
        var differences = DifferenceTable.Of(baseRuns, variants.Select(v => (v, EffectsTable.Runs(ensemble, v))), names, cancellationToken);
        var inputs = ChartInputs.FromEnsemble(ensemble, style);
        var charts = new List<ChartDefinition>();
        foreach (string name in names)
        {
            var subjects = baseRuns[0].Series.Where(s => s.Key.Metric == name).Select(s => s.Key.Subject).ToList();
            if (ChartPlanner.Difference(MetricCatalog.Find(name)!, variants, subjects, differences, inputs) is { } chart)
            {
                charts.Add(chart);
            }
        }

        if (charts.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        var (family, _) = ChartFonts.Resolve(style.Font);
        return ChartWriter.Write(folder, charts, inputs, style, family, cancellationToken);
    }
}

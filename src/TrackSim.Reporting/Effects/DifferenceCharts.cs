using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Effects;

/// <summary>
/// <c>difference-&lt;metric&gt;</c> charts: each variant minus the base, replicate by replicate, over
/// time. Small multiples, one panel per variant (and subject) on its own y range, drawn like the
/// run charts: the median of the paired differences with their 5-95% band (the mean for 0/1
/// metrics and counts per step), a zero line, and the scenario's events. The statistics they draw
/// are kept in <c>effects/differences.csv</c>, so that <c>tracksim plot</c> redraws them.
/// </summary>
public static class DifferenceCharts
{
    /// <summary>
    /// Folder for the charts in the results folder. They need every run, which only <c>run</c> holds,
    /// so the statistics they draw are written beside them (<see cref="DataFileName"/>).
    /// </summary>
    public const string FolderName = "effects";

    /// <summary>
    /// The statistics over replicates of the paired differences, variant minus base, in the columns
    /// of <c>summary.csv</c>, in <see cref="FolderName"/>.
    /// </summary>
    public const string DataFileName = "differences.csv";

    /// <summary>
    /// Writes <see cref="DataFileName"/> and a chart per metric in <paramref name="metrics"/> into
    /// <paramref name="folder"/>; returns the file names and what a chart could not show as asked.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Notes) Write(string folder, EnsembleResult ensemble, IEnumerable<string> metrics, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(style);
        if (!ensemble.Variants.Contains(Scenario.BaseVariant) || ensemble.Variants.Length < 2)
        {
            return ([], []);
        }

        var names = metrics.Distinct(StringComparer.Ordinal).Where(n => MetricCatalog.Find(n) is not null).ToList();
        var baseRuns = EffectsTable.Runs(ensemble, Scenario.BaseVariant);
        var variants = ensemble.Variants.Where(v => v != Scenario.BaseVariant).ToList();
        var differences = DifferenceTable.Of(baseRuns, variants.Select(v => (v, EffectsTable.Runs(ensemble, v))), names, cancellationToken);
        if (differences.Series.IsDefaultOrEmpty)
        {
            return ([], []);
        }

        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, DataFileName), w => SummaryCsv.Write(w, differences, cancellationToken), cancellationToken);
        var inputs = ChartInputs.FromEnsemble(ensemble, style);
        var (files, notes) = Draw(folder, differences, names, inputs, style, cancellationToken);
        return ([DataFileName, .. files], notes);
    }

    /// <summary>
    /// Redraws the charts of <paramref name="folder"/> from its <see cref="DataFileName"/> and
    /// <paramref name="inputs"/> in <paramref name="style"/>; returns the chart files and notes.
    /// Throws <see cref="InvalidDataException"/> when the data file is malformed.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Notes) Redraw(string folder, ChartInputs inputs, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(style);
        SummaryTable differences;
        using (var reader = new StreamReader(Path.Combine(folder, DataFileName)))
        {
            try
            {
                differences = SummaryCsv.Read(reader, inputs.Replicates);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{FolderName}/{DataFileName}: {e.Message}", e);
            }
        }

        return Draw(folder, differences, inputs.Charts, inputs, style, cancellationToken);
    }

    private static (IReadOnlyList<string> Files, IReadOnlyList<string> Notes) Draw(
        string folder, SummaryTable differences, IEnumerable<string> metrics, ChartInputs inputs, ChartStyle style, CancellationToken cancellationToken)
    {
        var variants = differences.Variants.ToList();
        var charts = new List<ChartDefinition>();
        foreach (string name in metrics.Distinct(StringComparer.Ordinal))
        {
            var subjects = differences.SubjectsOf(name).ToList();
            if (MetricCatalog.Find(name) is { } metric && subjects.Count > 0
                && ChartPlanner.Difference(metric, variants, subjects, differences, inputs) is { } chart)
            {
                charts.Add(chart);
            }
        }

        if (charts.Count == 0)
        {
            return ([], []);
        }

        var (family, _) = ChartFonts.Resolve(style.Font);
        var notes = new List<string>();
        var files = ChartWriter.Write(folder, charts, inputs, style, family, notes, cancellationToken);
        return (files, [.. notes.Select(n => $"{FolderName}/: {n}")]);
    }
}

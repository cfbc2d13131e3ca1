using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Decides the charts of a results folder: for each metric the scenario charts, one chart of the
/// first variant run (the base scenario unless variants were picked), and, when several variants
/// ran, a <c>compare-</c> chart with one line per variant and one panel per subject.
/// </summary>
internal static class ChartPlanner
{
    /// <summary>Most subjects drawn as separate lines in one panel; more get a panel each.</summary>
    public const int MaxLinesPerPanel = 4;

    /// <summary>The charts to draw, and a note for each requested chart that has nothing to show.</summary>
    public static (IReadOnlyList<ChartDefinition> Charts, IReadOnlyList<string> Notes) Plan(SummaryTable summary, ChartInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(inputs);
        var charts = new List<ChartDefinition>();
        var notes = new List<string>();
        var variants = summary.Variants.ToList();
        foreach (string name in inputs.Charts.Distinct(StringComparer.Ordinal))
        {
            var metric = MetricCatalog.Find(name);
            if (metric is null)
            {
                notes.Add($"{name}: not a metric TrackSim records; chart skipped");
                continue;
            }

            var subjects = summary.SubjectsOf(name).ToList();
            if (subjects.Count == 0 || variants.Count == 0)
            {
                notes.Add($"{name}: nothing recorded ({Missing(metric)}); chart skipped");
                continue;
            }

            charts.Add(Single(metric, variants[0], subjects, summary, inputs));
            if (variants.Count > 1)
            {
                charts.Add(Comparison(metric, variants, subjects, summary, inputs));
            }
        }

        return (charts, notes);
    }

    /// <summary>Whether the metric is 0 or 1 in each run, so its share of runs says more than a median.</summary>
    public static bool IsBinary(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Unit == "0 or 1";
    }

    /// <summary>Whether the metric is a count per step, whose mean (the rate) reads better than its whole-number median.</summary>
    public static bool IsCountPerStep(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Unit == "count per step";
    }

    /// <summary>
    /// The <c>difference-</c> chart of <paramref name="metric"/>: one panel per subject, one line per
    /// variant of <paramref name="variants"/> (the base left out), in the colours and patterns the
    /// variant has in the <c>compare-</c> chart; null when no variant records the metric.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="variants">Variants other than the base, in run order.</param>
    /// <param name="subjects">Subjects in the order the base records them.</param>
    /// <param name="differences">Statistics of the paired differences, variant minus base, under each variant's name.</param>
    /// <param name="inputs">Names, events and replicates.</param>
    public static ChartDefinition? Difference(MetricDefinition metric, IReadOnlyList<string> variants, IReadOnlyList<string> subjects, SummaryTable differences, ChartInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(inputs);
        var panels = new List<(string Subject, ChartPanel Panel)>();
        foreach (string subject in subjects)
        {
            var lines = new List<ChartLine>();
            for (int v = 0; v < variants.Count; v++)
            {
                if (differences.Find(variants[v], metric.Name, subject) is { } series)
                {
                    // As in the compare- chart, where the base is line 0 and variant v is line v + 1.
                    lines.Add(new ChartLine(variants[v], series, ChartPalette.ColorAt(v), ChartPalette.PatternAt(v + 1), inputs.StartOf(subject)));
                }
            }

            if (lines.Count > 0)
            {
                panels.Add((subject, new ChartPanel(inputs.NameOf(subject), lines)));
            }
        }

        if (panels.Count == 0)
        {
            return null;
        }

        if (panels.Count == 1)
        {
            panels[0] = panels[0] with { Panel = panels[0].Panel with { Header = null } };
        }

        string title = panels.Count == 1
            ? $"{metric.Title}: {inputs.NameOf(panels[0].Subject)}, variant − base"
            : $"{metric.Title}, variant − base";
        return Define($"difference-{metric.Name}", metric, title, $"{metric.Title}, variant − base", [.. panels.Select(p => p.Panel)], comparison: true) with { IsDifference = true };
    }

    private static ChartDefinition Define(string stem, MetricDefinition metric, string title, string shortTitle, IReadOnlyList<ChartPanel> panels, bool comparison) =>
        new(stem, metric, title, shortTitle, panels, UsesMean: IsBinary(metric) || IsCountPerStep(metric), ShowsBand: !IsBinary(metric), comparison);

    private static ChartDefinition Single(MetricDefinition metric, string variant, List<string> subjects, SummaryTable summary, ChartInputs inputs)
    {
        var lines = new List<ChartLine>();
        foreach (string subject in subjects)
        {
            if (summary.Find(variant, metric.Name, subject) is { } series)
            {
                int i = lines.Count;
                lines.Add(new ChartLine(inputs.NameOf(subject), series, ChartPalette.ColorAt(i), ChartPalette.PatternAt(i), inputs.StartOf(subject)));
            }
        }

        string suffix = variant == Scenario.BaseVariant ? string.Empty : $" ({variant})";
        string title = (subjects.Count == 1 ? $"{metric.Title}: {inputs.NameOf(subjects[0])}" : metric.Title) + suffix;

        IReadOnlyList<ChartPanel> panels = lines.Count <= MaxLinesPerPanel
            ? [new ChartPanel(null, lines)]
            : [.. lines.Select(l => new ChartPanel(l.Label, [l with { Color = ChartPalette.ColorAt(0), Pattern = ChartPalette.PatternAt(0) }]))];
        return Define(metric.Name, metric, title, metric.Title + suffix, panels, comparison: false);
    }

    private static ChartDefinition Comparison(MetricDefinition metric, List<string> variants, List<string> subjects, SummaryTable summary, ChartInputs inputs)
    {
        var panels = new List<ChartPanel>();
        foreach (string subject in subjects)
        {
            var lines = new List<ChartLine>();
            for (int v = 0; v < variants.Count; v++)
            {
                if (summary.Find(variants[v], metric.Name, subject) is { } series)
                {
                    // The base is the reference: black and solid; variants take the palette in order.
                    var color = v == 0 ? ChartPalette.Black : ChartPalette.ColorAt(v - 1);
                    lines.Add(new ChartLine(variants[v], series, color, ChartPalette.PatternAt(v), inputs.StartOf(subject), IsReference: v == 0));
                }
            }

            panels.Add(new ChartPanel(subjects.Count > 1 ? inputs.NameOf(subject) : null, lines));
        }

        string title = subjects.Count == 1 ? $"{metric.Title}: {inputs.NameOf(subjects[0])}, by variant" : $"{metric.Title}, by variant";
        return Define($"compare-{metric.Name}", metric, title, $"{metric.Title}, by variant", panels, comparison: true);
    }

    private static string Missing(MetricDefinition metric) => metric.Level switch
    {
        MetricLevel.Initiative => "the scenario has no Track II initiative",
        MetricLevel.State => "the scenario has no state",
        MetricLevel.Public or MetricLevel.PublicPair => "the scenario has no state with citizens",
        MetricLevel.ThirdParty => "the scenario has no third party",
        _ => "the scenario has no dyad",
    };
}

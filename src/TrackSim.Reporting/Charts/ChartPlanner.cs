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

            bool rolling = SumsYearly(metric, inputs);
            var counts = rolling ? RollingYear(summary) : summary;
            charts.Add(Yearly(Single(metric, variants[0], subjects, counts, inputs), rolling));
            if (variants.Count > 1)
            {
                charts.Add(Yearly(Comparison(metric, variants, subjects, counts, inputs), rolling));
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
    /// Whether the metric is drawn as a sum over the past 12 months (a count per month): on the
    /// run's charts and on the difference charts alike.
    /// </summary>
    private static bool SumsYearly(MetricDefinition metric, ChartInputs inputs) => IsCountPerStep(metric) && inputs.Step == StepUnit.Month;

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
        // Small multiples: a panel per variant (and subject), each on its own y range, so that a
        // large effect of one variant does not flatten the others onto the zero line.
        // A count per month is drawn as on the run's charts: the mean (here of the paired differences,
        // the difference of the means) summed over the past 12 months, without a band.
        bool rolling = SumsYearly(metric, inputs);
        var panels = new List<(string Subject, ChartPanel Panel)>();
        for (int v = 0; v < variants.Count; v++)
        {
            foreach (string subject in subjects)
            {
                if (differences.Find(variants[v], metric.Name, subject) is { } found)
                {
                    var series = rolling ? RollingYear(found) : found;
                    // As in the compare- chart, where the base is line 0 and variant v is line v + 1.
                    string label = inputs.LabelOf(variants[v]);
                    var line = new ChartLine(label, series, ChartPalette.ColorAt(v), ChartPalette.PatternAt(v + 1), inputs.StartOf(subject));
                    string header = subjects.Count > 1 ? $"{inputs.NameOf(subject)}: {label}" : label;
                    panels.Add((subject, new ChartPanel(header, [line])));
                }
            }
        }

        if (panels.Count == 0)
        {
            return null;
        }

        string title = subjects.Count == 1
            ? $"{metric.Title}: {inputs.NameOf(subjects[0])}, variant − base"
            : $"{metric.Title}, variant − base";
        var chart = Define($"difference-{metric.Name}", metric, title, $"{metric.Title}, variant − base", [.. panels.Select(p => p.Panel)], comparison: true) with { IsDifference = true, OwnScales = true };
        return Yearly(chart, rolling);
    }

    /// <summary>Months in the rolling sum of a monthly count.</summary>
    public const int RollingMonths = 12;

    /// <summary>
    /// Each series' mean replaced by its sum over the past <see cref="RollingMonths"/> steps (the
    /// mean over runs of each run's 12-month count), defined from step 12, so that steps 1 to 12
    /// are the first whole window (step 0 is the initial state); earlier points are NaN, and the
    /// quantiles, which cannot be summed, are the same sums.
    /// </summary>
    public static SummaryTable RollingYear(SummaryTable summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SummaryTable(summary.Replicates, [.. summary.Series.Select(RollingYear)]);
    }

    /// <summary>One series as <see cref="RollingYear(SummaryTable)"/> makes each of a table.</summary>
    public static SummarySeries RollingYear(SummarySeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sums = new double[s.Mean.Length];
        for (int t = 0; t < sums.Length; t++)
        {
            // Summed afresh over each window, so no rounding error is carried along the run.
            double sum = 0;
            for (int k = Math.Max(1, t - RollingMonths + 1); k <= t; k++)
            {
                sum += s.Mean[k];
            }

            sums[t] = t >= RollingMonths ? sum : double.NaN;
        }

        return s with { Mean = [.. sums], P05 = [.. sums], P50 = [.. sums], P95 = [.. sums] };
    }

    private static ChartDefinition Yearly(ChartDefinition chart, bool rolling) =>
        rolling ? chart with { ShowsBand = false, UsesMean = true, RollingYear = true } : chart;

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
        // Small multiples: a panel per variant (and subject) holding the base and that variant alone,
        // on one y range; six overlapping bands in one panel hide each other where variants coincide.
        var panels = new List<ChartPanel>();
        for (int v = 1; v < variants.Count; v++)
        {
            foreach (string subject in subjects)
            {
                var lines = new List<ChartLine>();
                foreach (int w in new[] { 0, v })
                {
                    if (summary.Find(variants[w], metric.Name, subject) is { } series)
                    {
                        // The base is the reference: black and solid; variants take the palette in order.
                        var color = w == 0 ? ChartPalette.Black : ChartPalette.ColorAt(w - 1);
                        lines.Add(new ChartLine(inputs.LabelOf(variants[w]), series, color, ChartPalette.PatternAt(w), inputs.StartOf(subject), IsReference: w == 0));
                    }
                }

                if (lines.Count > 0)
                {
                    string label = inputs.LabelOf(variants[v]);
                    panels.Add(new ChartPanel(subjects.Count > 1 ? $"{inputs.NameOf(subject)}: {label}" : label, lines));
                }
            }
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

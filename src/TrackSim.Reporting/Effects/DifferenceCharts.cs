using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Analysis;
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
        var differences = Differences(baseRuns, variants.Select(v => (v, EffectsTable.Runs(ensemble, v))), names, cancellationToken);
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

    /// <summary>
    /// Statistics over replicates of variant minus base, pair by pair, for every series of
    /// <paramref name="metrics"/> that the base and a variant both record, under the variant's name.
    /// </summary>
    internal static SummaryTable Differences(
        RunResult[] baseRuns, IEnumerable<(string Variant, RunResult[] Runs)> variants, IReadOnlyCollection<string> metrics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseRuns);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(metrics);
        var series = ImmutableArray.CreateBuilder<SummarySeries>();
        var dates = baseRuns[0].Dates;
        foreach (var (variant, runs) in variants)
        {
            if (runs.Length != baseRuns.Length)
            {
                throw new InvalidOperationException($"Variant {variant} has {runs.Length} runs and the base {baseRuns.Length}; they cannot be paired.");
            }

            foreach (var key in baseRuns[0].Series.Select(s => s.Key).Where(k => metrics.Contains(k.Metric)))
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A variant may drop an initiative; it then has nothing to compare for it.
                if (runs[0].Series.All(s => s.Key != key))
                {
                    continue;
                }

                var b = baseRuns.Select(r => r.Get(key.Metric, key.Subject).Values).ToArray();
                var v = runs.Select(r => r.Get(key.Metric, key.Subject).Values).ToArray();
                series.Add(Summarise(variant, key.Metric, key.Subject, dates, b, v));
            }
        }

        return new SummaryTable(baseRuns.Length, series.ToImmutable());
    }

    // Per recorded point: mean, SD and the 5th, 50th and 95th percentiles of variant minus base over paired replicates.
    private static SummarySeries Summarise(string variant, string metric, string subject, ImmutableArray<DateOnly> dates, ImmutableArray<double>[] baseline, ImmutableArray<double>[] values)
    {
        int points = Math.Min(dates.Length, baseline[0].Length);
        var mean = new double[points];
        var sd = new double[points];
        var low = new double[points];
        var mid = new double[points];
        var high = new double[points];
        var d = new double[baseline.Length];
        for (int t = 0; t < points; t++)
        {
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = values[i][t] - baseline[i][t];
            }

            (mean[t], sd[t]) = SummaryTable.MeanAndSd(d);
            Array.Sort(d);
            low[t] = Quantiles.Type7(d, 0.05);
            mid[t] = Quantiles.Type7(d, 0.50);
            high[t] = Quantiles.Type7(d, 0.95);
        }

        return new SummarySeries(variant, metric, subject, dates[..points], [.. mean], [.. sd], [.. low], [.. mid], [.. high]);
    }
}

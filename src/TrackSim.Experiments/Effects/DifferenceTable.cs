using System.Collections.Immutable;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Effects;

/// <summary>
/// The paired differences of each variant from the base over time: replicate by replicate
/// (common random numbers), summarised per recorded point like <c>summary.csv</c>. The difference
/// charts draw them.
/// </summary>
public static class DifferenceTable
{
    /// <summary>
    /// Statistics over replicates of variant minus base, pair by pair, for every series of
    /// <paramref name="metrics"/> that the base and a variant both record, under the variant's name.
    /// </summary>
    public static SummaryTable Of(
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

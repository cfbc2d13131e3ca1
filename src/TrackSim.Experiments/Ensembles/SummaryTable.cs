using System.Collections.Immutable;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Experiments.Ensembles;

/// <summary>
/// The statistics over replicates of every variant, metric and subject of an ensemble: computed
/// from the runs, written to <c>summary.csv</c>, and read back from it to redraw charts.
/// </summary>
/// <param name="Replicates">Replicates each statistic is over.</param>
/// <param name="Series">Every series, by variant (in run order) and then in the order the engine records them.</param>
public sealed record SummaryTable(int Replicates, ImmutableArray<SummarySeries> Series)
{
    /// <summary>Variant names in order of first appearance.</summary>
    public IEnumerable<string> Variants => Series.Select(s => s.Variant).Distinct(StringComparer.Ordinal);

    /// <summary>The series of a variant, metric and subject, or null when that variant did not record it.</summary>
    public SummarySeries? Find(string variant, string metric, string subject) =>
        Series.FirstOrDefault(s => s.Variant == variant && s.Metric == metric && s.Subject == subject);

    /// <summary>The subjects recorded for <paramref name="metric"/> in any variant, in order of first appearance.</summary>
    public IEnumerable<string> SubjectsOf(string metric) =>
        Series.Where(s => s.Metric == metric).Select(s => s.Subject).Distinct(StringComparer.Ordinal);

    /// <summary>Computes the statistics of every series of <paramref name="ensemble"/> over its replicates.</summary>
    public static SummaryTable FromEnsemble(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var series = ImmutableArray.CreateBuilder<SummarySeries>();
        foreach (string variant in ensemble.Variants)
        {
            var runs = ensemble.RunsOf(variant).OrderBy(r => r.Replicate).ToArray();
            if (runs.Length == 0)
            {
                continue;
            }

            var first = runs[0];
            int points = first.Dates.Length;
            var values = new double[runs.Length];
            for (int k = 0; k < first.Series.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = first.Series[k].Key;
                var columns = runs.Select(r => r.Series[k]).ToArray();
                if (columns.Any(c => c.Key != key))
                {
                    throw new InvalidOperationException($"The runs of variant {variant} recorded different series.");
                }

                var mean = new double[points];
                var sd = new double[points];
                var p05 = new double[points];
                var p50 = new double[points];
                var p95 = new double[points];
                for (int t = 0; t < points; t++)
                {
                    for (int r = 0; r < runs.Length; r++)
                    {
                        values[r] = columns[r].Values[t];
                    }

                    (mean[t], sd[t]) = MeanAndSd(values);
                    Array.Sort(values);
                    p05[t] = Quantiles.Type7(values, 0.05);
                    p50[t] = Quantiles.Type7(values, 0.50);
                    p95[t] = Quantiles.Type7(values, 0.95);
                }

                series.Add(new SummarySeries(variant, key.Metric, key.Subject, first.Dates, [.. mean], [.. sd], [.. p05], [.. p50], [.. p95]));
            }
        }

        return new SummaryTable(ensemble.Replicates, series.ToImmutable());
    }

    /// <summary>The mean and the sample standard deviation (n - 1 denominator; 0 for one value), in two passes for accuracy.</summary>
    /// <remarks>
    /// Written out, as NumPy computes <c>mean()</c> and <c>std(ddof=1)</c>, rather than by MathNet.Numerics:
    /// its running mean and one-pass variance differ from these in the last bits, and for replicates that
    /// agree to six digits its standard deviation differed in the eleventh significant digit (SummaryTableTests shows such a sample).
    /// </remarks>
    public static (double Mean, double Sd) MeanAndSd(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        if (values.Length < 2)
        {
            return (mean, 0);
        }

        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / (values.Length - 1)));
    }
}

using MathNet.Numerics.Distributions;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// The paired difference of a variant against a baseline over replicates that share their random
/// streams (common random numbers): replicate r of the variant is compared with replicate r of
/// the baseline, so the noise both share cancels and the interval is that of the effect.
/// </summary>
/// <param name="N">The number of pairs.</param>
/// <param name="MeanVariant">The mean of the variant's values.</param>
/// <param name="MeanBaseline">The mean of the baseline's values.</param>
/// <param name="MeanDifference">The mean of <c>variant - baseline</c> over the pairs.</param>
/// <param name="StandardDeviation">The sample standard deviation of the differences (n - 1 denominator); null for a single pair, where it is undefined.</param>
/// <param name="Low">The lower end of the 95 % Student-t interval of the mean difference; null for a single pair.</param>
/// <param name="High">The upper end of that interval; null for a single pair.</param>
/// <param name="FractionHigher">The share of pairs in which the variant is strictly higher.</param>
/// <param name="FractionLower">The share of pairs in which the variant is strictly lower; the rest are ties, which common random numbers make common when a variant does not touch a metric.</param>
public sealed record PairedDifference(
    int N,
    double MeanVariant,
    double MeanBaseline,
    double MeanDifference,
    double? StandardDeviation,
    double? Low,
    double? High,
    double FractionHigher,
    double FractionLower)
{
    /// <summary>The confidence level of <see cref="Low"/> and <see cref="High"/>.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>
    /// The paired difference of <paramref name="variant"/> against <paramref name="baseline"/>,
    /// value i of one paired with value i of the other. The interval is
    /// <c>mean +/- t(0.975, n - 1) sd / sqrt(n)</c> with the Student-t quantile from Math.NET.
    /// </summary>
    /// <param name="variant">The variant's value in each replicate; finite.</param>
    /// <param name="baseline">The baseline's value in the same replicates, in the same order; finite.</param>
    public static PairedDifference Of(IReadOnlyList<double> variant, IReadOnlyList<double> baseline)
    {
        double[] v = AnalysisGuards.Finite(variant, nameof(variant));
        double[] b = AnalysisGuards.Finite(baseline, nameof(baseline));
        if (v.Length != b.Length)
        {
            throw new ArgumentException($"The variant has {v.Length} values and the baseline {b.Length}; pairs need equal counts.", nameof(baseline));
        }

        int n = v.Length;
        if (n == 0)
        {
            throw new ArgumentException("At least one pair is needed.", nameof(variant));
        }

        double sumV = 0;
        double sumB = 0;
        double sumD = 0;
        int higher = 0;
        int lower = 0;
        for (int i = 0; i < n; i++)
        {
            sumV += v[i];
            sumB += b[i];
            sumD += v[i] - b[i];
            higher += v[i] > b[i] ? 1 : 0;
            lower += v[i] < b[i] ? 1 : 0;
        }

        double mean = sumD / n;
        double? sd = null;
        double? low = null;
        double? high = null;
        if (n >= 2)
        {
            double squares = 0;
            for (int i = 0; i < n; i++)
            {
                double d = v[i] - b[i] - mean;
                squares += d * d;
            }

            double s = Math.Sqrt(squares / (n - 1));
            double half = StudentT.InvCDF(0, 1, n - 1, 0.5 + (ConfidenceLevel / 2)) * s / Math.Sqrt(n);
            sd = s;
            low = mean - half;
            high = mean + half;
        }

        return new PairedDifference(n, sumV / n, sumB / n, mean, sd, low, high, (double)higher / n, (double)lower / n);
    }
}

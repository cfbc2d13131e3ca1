using System.Collections.Immutable;

namespace TrackSim.Experiments.Calibration;

/// <summary>One calibrated parameter's posterior, from the weighted particles of the last generation.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="PriorLow">The prior's low bound.</param>
/// <param name="PriorHigh">The prior's high bound.</param>
/// <param name="Mean">The weighted mean.</param>
/// <param name="StandardDeviation">The weighted standard deviation.</param>
/// <param name="Q05">The weighted 5 % quantile.</param>
/// <param name="Median">The weighted median: the posterior's central value.</param>
/// <param name="Q95">The weighted 95 % quantile.</param>
public sealed record PosteriorSummary(string Parameter, double PriorLow, double PriorHigh, double Mean, double StandardDeviation, double Q05, double Median, double Q95)
{
    /// <summary>The header of posterior-summary.csv.</summary>
    public const string Header = "parameter,prior_low,prior_high,mean,sd,q05,median,q95";

    /// <summary>The file name of the summary.</summary>
    public const string FileName = "posterior-summary.csv";

    /// <summary>The summary of every parameter of <paramref name="generation"/>.</summary>
    public static ImmutableArray<PosteriorSummary> Of(IReadOnlyList<UniformPrior> priors, AbcGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(generation);
        double[] weights = [.. generation.Particles.Select(p => p.Weight)];
        return [.. priors.Select((prior, k) =>
        {
            double[] values = [.. generation.Particles.Select(p => p.Parameters[k])];
            return new PosteriorSummary(
                prior.Name,
                prior.Low,
                prior.High,
                generation.Mean(k),
                generation.StandardDeviation(k),
                WeightedQuantile(values, weights, 0.05),
                WeightedQuantile(values, weights, 0.5),
                WeightedQuantile(values, weights, 0.95));
        })];
    }

    /// <summary>
    /// The weighted quantile: the smallest value whose cumulative weight, in increasing order of the
    /// values, reaches <paramref name="p"/> of the total (the inverse of the weighted empirical
    /// distribution function; with equal weights, NumPy's "inverted_cdf" method).
    /// </summary>
    public static double WeightedQuantile(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count == 0 || values.Count != weights.Count)
        {
            throw new ArgumentException($"Values and weights must be as many and at least one ({values.Count} and {weights.Count}).", nameof(weights));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        int[] order = [.. Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i)];
        double total = weights.Sum();
        double cumulative = 0;
        foreach (int i in order)
        {
            cumulative += weights[i];

            // A little slack for the rounding of the running sum, so that p = 1 reaches the last value.
            if (cumulative >= (p * total) - (1e-12 * total) && weights[i] > 0)
            {
                return values[i];
            }
        }

        return values[order[^1]];
    }
}

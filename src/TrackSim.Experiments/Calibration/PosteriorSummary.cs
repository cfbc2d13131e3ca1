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
    /// The <paramref name="p"/>-quantile of <paramref name="values"/> weighted by
    /// <paramref name="weights"/> (non-negative, any positive sum): the weighted analogue of Hazen's
    /// definition (type 5 of Hyndman and Fan 1996, "Sample quantiles in statistical packages", The
    /// American Statistician 50(4)). Values of positive weight are sorted and each stands at the
    /// middle of its weight on the cumulative scale, c_i = (w_1 + ... + w_(i-1) + w_i / 2) / Σw; the
    /// quantile interpolates linearly between them and is the smallest or largest value beyond them.
    /// With equal weights it is the type-5 quantile (the median of 1..100 is 50.5); with all the
    /// weight on one value it is that value.
    /// </summary>
    public static double WeightedQuantile(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count != weights.Count)
        {
            throw new ArgumentException($"There are {values.Count} values and {weights.Count} weights; each value needs one weight.", nameof(weights));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability of a quantile must be 0 to 1.");
        }

        var sorted = Enumerable.Range(0, values.Count)
            .Where(i => weights[i] > 0)
            .Select(i => (Value: values[i], Weight: weights[i]))
            .OrderBy(x => x.Value)
            .ToArray();
        if (sorted.Length == 0 || weights.Any(w => !(w >= 0) || double.IsPositiveInfinity(w)))
        {
            throw new ArgumentException("The weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        double total = sorted.Sum(x => x.Weight);
        double below = 0;
        double previousMiddle = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double middle = (below + (sorted[i].Weight / 2)) / total;
            if (p <= middle)
            {
                if (i == 0)
                {
                    return sorted[0].Value;
                }

                double t = (p - previousMiddle) / (middle - previousMiddle);
                return sorted[i - 1].Value + (t * (sorted[i].Value - sorted[i - 1].Value));
            }

            below += sorted[i].Weight;
            previousMiddle = middle;
        }

        return sorted[^1].Value;
    }
}

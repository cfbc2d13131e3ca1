namespace TrackSim.Reporting.Calibration;

/// <summary>Statistics of a weighted sample, as the posterior charts mark them.</summary>
public static class WeightedStatistics
{
    /// <summary>
    /// The <paramref name="p"/>-quantile of <paramref name="values"/> with normalised
    /// <paramref name="weights"/>, after checking them (the arithmetic is
    /// <see cref="Experiments.Calibration.PosteriorSummary.WeightedQuantile"/>): the weighted analogue of Hazen's definition (type 5 of Hyndman
    /// and Fan 1996, "Sample quantiles in statistical packages", The American Statistician 50(4)).
    /// Values of positive weight are sorted and each stands at the middle of its weight on the
    /// cumulative scale, c_i = w_1 + ... + w_(i-1) + w_i / 2; the quantile interpolates linearly
    /// between them and is the smallest or largest value beyond them. With equal weights it is the
    /// type-5 quantile (the median of 1..100 is 50.5); with all the weight on one value it is that value.
    /// </summary>
    /// <param name="values">The values, finite.</param>
    /// <param name="weights">Their weights, non-negative, summing to 1.</param>
    /// <param name="p">The probability, 0 to 1.</param>
    public static double Quantile(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability of a quantile must be 0 to 1.");
        }

        PosteriorInput.CheckWeights(weights);
        if (values.Count != weights.Count)
        {
            throw new ArgumentException($"There are {values.Count} values and {weights.Count} weights; each value needs one weight.", nameof(weights));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value of a weighted quantile must be a finite number.", nameof(values));
        }

        return Experiments.Calibration.PosteriorSummary.WeightedQuantile(values, weights, p);
    }

    /// <summary>The weighted median and the 5% and 95% quantiles of one parameter: what the posterior charts mark.</summary>
    public static MarkedInterval Summarise(PosteriorParameter parameter, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new MarkedInterval(
            Quantile(parameter.Values, weights, 0.5),
            Quantile(parameter.Values, weights, 0.05),
            Quantile(parameter.Values, weights, 0.95));
    }

    /// <summary>The effective sample size of normalised weights, 1 / Σ w² (Kish 1965, Survey Sampling, Wiley).</summary>
    public static double EffectiveSampleSize(IReadOnlyList<double> weights)
    {
        PosteriorInput.CheckWeights(weights);
        return 1 / weights.Sum(w => w * w);
    }

    /// <summary>
    /// The weighted Pearson correlation of <paramref name="x"/> and <paramref name="y"/>, or null
    /// when either does not vary among the particles of positive weight.
    /// </summary>
    public static double? Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        PosteriorInput.CheckWeights(weights);
        if (x.Count != weights.Count || y.Count != weights.Count)
        {
            throw new ArgumentException($"A correlation needs as many values of each parameter ({x.Count} and {y.Count}) as weights ({weights.Count}).", nameof(weights));
        }

        double mx = 0;
        double my = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            mx += weights[i] * x[i];
            my += weights[i] * y[i];
        }

        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            sxy += weights[i] * (x[i] - mx) * (y[i] - my);
            sxx += weights[i] * (x[i] - mx) * (x[i] - mx);
            syy += weights[i] * (y[i] - my) * (y[i] - my);
        }

        // A parameter whose particles of positive weight share one value has no correlation.
        bool Varies(IReadOnlyList<double> v) => Enumerable.Range(0, v.Count).Where(i => weights[i] > 0).Select(i => v[i]).Distinct().Skip(1).Any();
        return !Varies(x) || !Varies(y) || sxx <= 0 || syy <= 0 ? null : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}

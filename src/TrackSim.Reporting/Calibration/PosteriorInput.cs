using System.Globalization;

namespace TrackSim.Reporting.Calibration;

/// <summary>Checks of the data handed to the calibration charts, each failure an <see cref="ArgumentException"/> naming what is wrong and where.</summary>
internal static class PosteriorInput
{
    /// <summary>How far from 1 the sum of normalised weights may be: rounding of a few thousand additions, not a forgotten normalisation.</summary>
    public const double WeightSumTolerance = 1e-6;

    /// <summary>Refuses an empty list of weights, a negative or non-finite weight, no positive weight, and weights whose sum is not 1.</summary>
    public static void CheckWeights(IReadOnlyList<double>? weights)
    {
        if (weights is null || weights.Count == 0)
        {
            throw new ArgumentException("The weights are empty; a posterior sample needs at least one particle.", nameof(weights));
        }

        for (int i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException(Invariant($"The weight of particle {i} is {weights[i]}; weights must be finite and not negative."), nameof(weights));
            }
        }

        double sum = weights.Sum();
        if (Math.Abs(sum - 1) > WeightSumTolerance)
        {
            throw new ArgumentException(Invariant($"The weights sum to {sum}, not 1; normalise them (divide each by their sum)."), nameof(weights));
        }
    }

    /// <summary>
    /// Refuses no parameter, a parameter with no key, a prior whose low bound is not below its high
    /// bound, a parameter with a different number of values than there are weights, and a value
    /// that is not finite or lies outside its prior's range.
    /// </summary>
    public static void Check(IReadOnlyList<PosteriorParameter>? parameters, IReadOnlyList<double>? weights)
    {
        if (parameters is null || parameters.Count == 0)
        {
            throw new ArgumentException("There are no parameters to chart.", nameof(parameters));
        }

        CheckWeights(weights);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < parameters.Count; k++)
        {
            var parameter = parameters[k] ?? throw new ArgumentException(Invariant($"Parameter {k} is null."), nameof(parameters));
            if (string.IsNullOrWhiteSpace(parameter.Key))
            {
                throw new ArgumentException(Invariant($"Parameter {k} has no key."), nameof(parameters));
            }

            if (!keys.Add(parameter.Key))
            {
                throw new ArgumentException($"The parameter '{parameter.Key}' is given twice.", nameof(parameters));
            }

            if (parameter.Unit is null)
            {
                throw new ArgumentException($"The unit of '{parameter.Key}' is null; use an empty string for none.", nameof(parameters));
            }

            if (!double.IsFinite(parameter.PriorLow) || !double.IsFinite(parameter.PriorHigh) || !(parameter.PriorLow < parameter.PriorHigh))
            {
                throw new ArgumentException(
                    Invariant($"The prior of '{parameter.Key}' is [{parameter.PriorLow}, {parameter.PriorHigh}]; its low bound must be finite and below its finite high bound."),
                    nameof(parameters));
            }

            if (parameter.Values.IsDefault || parameter.Values.Length != weights!.Count)
            {
                int count = parameter.Values.IsDefault ? 0 : parameter.Values.Length;
                throw new ArgumentException(
                    Invariant($"'{parameter.Key}' has {count} values and there are {weights!.Count} weights; every parameter needs one value per particle."),
                    nameof(parameters));
            }

            for (int i = 0; i < parameter.Values.Length; i++)
            {
                double value = parameter.Values[i];
                if (!double.IsFinite(value) || value < parameter.PriorLow || value > parameter.PriorHigh)
                {
                    throw new ArgumentException(
                        Invariant($"The value of '{parameter.Key}' for particle {i} is {value}, outside its prior [{parameter.PriorLow}, {parameter.PriorHigh}]."),
                        nameof(parameters));
                }
            }
        }
    }

    /// <summary>
    /// Refuses a series with no title or metric, no dates, dates not strictly increasing, bands of
    /// another length than the dates, a value that is not finite, a band whose low end is above its
    /// high end, and an observation that is not finite or lies outside its own range.
    /// </summary>
    public static void Check(PredictiveChartInput? series)
    {
        if (series is null)
        {
            throw new ArgumentException("The predictive series is null.", nameof(series));
        }

        if (string.IsNullOrWhiteSpace(series.Title) || string.IsNullOrWhiteSpace(series.Metric) || series.Unit is null)
        {
            throw new ArgumentException("A predictive chart needs a title, a metric name and a unit (empty for none).", nameof(series));
        }

        var band = series.Band ?? throw new ArgumentException("The predictive band is null.", nameof(series));
        if (band.Dates.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The predictive band has no dates.", nameof(series));
        }

        for (int t = 1; t < band.Dates.Length; t++)
        {
            if (band.Dates[t] <= band.Dates[t - 1])
            {
                throw new ArgumentException(Invariant($"The dates of the predictive band must increase; {band.Dates[t]:yyyy-MM-dd} follows {band.Dates[t - 1]:yyyy-MM-dd}."), nameof(series));
            }
        }

        var columns = new (string Name, System.Collections.Immutable.ImmutableArray<double> Values)[]
        {
            ("Median", band.Median), ("Low", band.Low), ("High", band.High), ("NoiseLow", band.NoiseLow), ("NoiseHigh", band.NoiseHigh),
        };
        foreach (var (name, values) in columns)
        {
            int count = values.IsDefault ? 0 : values.Length;
            if (count != band.Dates.Length)
            {
                throw new ArgumentException(Invariant($"The predictive band's {name} has {count} values for {band.Dates.Length} dates."), nameof(series));
            }

            for (int t = 0; t < count; t++)
            {
                if (!double.IsFinite(values[t]))
                {
                    throw new ArgumentException(Invariant($"The predictive band's {name} on {band.Dates[t]:yyyy-MM-dd} is {values[t]}, not a finite number."), nameof(series));
                }
            }
        }

        for (int t = 0; t < band.Dates.Length; t++)
        {
            if (band.Low[t] > band.High[t] || band.NoiseLow[t] > band.NoiseHigh[t])
            {
                throw new ArgumentException(Invariant($"On {band.Dates[t]:yyyy-MM-dd} a band of the predictive chart has its low end above its high end."), nameof(series));
            }
        }

        if (series.Observed.IsDefault)
        {
            throw new ArgumentException("The observations are missing; give an empty list for none.", nameof(series));
        }

        foreach (var point in series.Observed)
        {
            if (point is null)
            {
                throw new ArgumentException("An observation is null.", nameof(series));
            }

            bool finite = double.IsFinite(point.Value) && (point.Low is not { } l || double.IsFinite(l)) && (point.High is not { } h || double.IsFinite(h));
            if (!finite || point.Low > point.Value || point.High < point.Value || point.Label is null)
            {
                throw new ArgumentException(
                    Invariant($"The observation of {point.Date:yyyy-MM-dd} ({point.Value}, range {point.Low}–{point.High}) must be finite, lie within its range and have a label (empty for none)."),
                    nameof(series));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

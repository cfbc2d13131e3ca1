namespace TrackSim.Experiments.Calibration;

/// <summary>
/// The prior of one calibrated parameter: uniform on the closed interval [<see cref="Low"/>,
/// <see cref="High"/>]. The priors of different parameters are independent.
/// </summary>
public sealed record UniformPrior
{
    /// <summary>Creates a prior, refusing an empty name, non-finite bounds and a low bound not below the high one.</summary>
    /// <param name="name">The parameter's name (for a scenario, its path as for <c>--set</c>).</param>
    /// <param name="low">The lowest value, finite.</param>
    /// <param name="high">The highest value, finite and above <paramref name="low"/>.</param>
    public UniformPrior(string name, double low, double high)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(low))
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"The low bound of '{name}' must be a finite number.");
        }

        if (!double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The high bound of '{name}' must be a finite number.");
        }

        // A point prior has no density to weight by and nothing to infer: refuse it rather than divide by zero.
        if (!(low < high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The high bound of '{name}' must be above its low bound {low}.");
        }

        Name = name;
        Low = low;
        High = high;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The lowest value.</summary>
    public double Low { get; }

    /// <summary>The highest value.</summary>
    public double High { get; }

    /// <summary>The width of the range, <c>High - Low</c>.</summary>
    public double Width => High - Low;

    /// <summary>Whether <paramref name="value"/> lies in the closed range (the prior's density there is positive).</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The value at position <paramref name="unit"/> in [0, 1] of the range.</summary>
    public double At(double unit) => (Low * (1 - unit)) + (High * unit);
}

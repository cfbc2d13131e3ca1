namespace TrackSim.Experiments.Analysis;

/// <summary>
/// One parameter of a sweep: a numeric scenario path and the closed interval it is varied over.
/// The designs work in the unit cube and map each coordinate onto this range with <see cref="At"/>.
/// </summary>
public sealed record ParameterRange
{
    /// <summary>Creates a range, refusing an empty path, non-finite bounds, a low bound above the high one and a grid count below one.</summary>
    /// <param name="path">The scenario path, as for <c>--set</c> (for example <c>parameters.t2_contact.rate</c>).</param>
    /// <param name="low">The lowest value, finite.</param>
    /// <param name="high">The highest value, finite and at least <paramref name="low"/>.</param>
    /// <param name="count">The number of grid levels (used by <see cref="Grid"/> only); at least 2, or 1 when <paramref name="low"/> equals <paramref name="high"/>; null for the design's default.</param>
    public ParameterRange(string path, double low, double high, int? count = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!double.IsFinite(low))
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"The low bound of '{path}' must be a finite number.");
        }

        if (!double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The high bound of '{path}' must be a finite number.");
        }

        if (low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The high bound of '{path}' must be at least its low bound {low}.");
        }

        if (count is { } levels && (levels < 1 || (levels == 1 && low != high)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"The grid count of '{path}' must be at least 2 (or 1 when low equals high).");
        }

        Path = path;
        Low = low;
        High = high;
        Count = count;
    }

    /// <summary>The scenario path.</summary>
    public string Path { get; }

    /// <summary>The lowest value.</summary>
    public double Low { get; }

    /// <summary>The highest value.</summary>
    public double High { get; }

    /// <summary>The number of grid levels, or null for the grid's default.</summary>
    public int? Count { get; }

    /// <summary>The width of the range, <c>High - Low</c>.</summary>
    public double Width => High - Low;

    /// <summary>The value at position <paramref name="unit"/> in [0, 1] of the range.</summary>
    /// <remarks>
    /// Written as <c>Low (1 - u) + High u</c> rather than <c>Low + u (High - Low)</c> so that the
    /// ends map exactly onto <see cref="Low"/> and <see cref="High"/>: a grid's endpoints are the
    /// values the user typed, not values one rounding away from them.
    /// </remarks>
    public double At(double unit) => (Low * (1 - unit)) + (High * unit);
}

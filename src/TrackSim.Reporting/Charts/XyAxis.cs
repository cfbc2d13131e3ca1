namespace TrackSim.Reporting.Charts;

/// <summary>
/// One axis of an <see cref="XyChart"/>: numbers from <paramref name="Low"/> to <paramref name="High"/>
/// with "nice" ticks kept within <paramref name="Floor"/> and <paramref name="Ceiling"/>, or named
/// categories at positions 0, 1, 2...
/// </summary>
/// <param name="Low">Smallest value to show.</param>
/// <param name="High">Largest value to show.</param>
/// <param name="Floor">The axis never goes below this (0 for a quantity that cannot be negative).</param>
/// <param name="Ceiling">The axis never goes above this.</param>
/// <param name="Categories">Names of the categories, at positions 0 to n - 1, or null for a numeric axis.</param>
/// <param name="Tight">
/// Whether the axis ends just beyond the data (a parameter's range, like the calendar of a run chart)
/// rather than at the nearest ticks outside it (an outcome, like a run chart's y axis).
/// </param>
/// <param name="Whole">Whether ticks fall on whole numbers only (a calendar in fractional years).</param>
internal sealed record XyAxis(double Low, double High, double Floor, double Ceiling, IReadOnlyList<string>? Categories = null, bool Tight = false, bool Whole = false)
{
    /// <summary>A numeric axis over <paramref name="values"/>, unbounded unless <paramref name="floor"/> or <paramref name="ceiling"/> say otherwise.</summary>
    public static XyAxis Over(IEnumerable<double> values, double floor = double.NegativeInfinity, double ceiling = double.PositiveInfinity, bool tight = false)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0
            ? new XyAxis(0, 1, floor, ceiling, null, tight)
            : new XyAxis(finite.Min(), finite.Max(), floor, ceiling, null, tight);
    }

    /// <summary>A categorical axis.</summary>
    public static XyAxis Of(IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return new XyAxis(0, categories.Count - 1, double.NegativeInfinity, double.PositiveInfinity, categories);
    }
}

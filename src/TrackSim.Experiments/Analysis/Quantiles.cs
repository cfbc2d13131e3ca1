namespace TrackSim.Experiments.Analysis;

/// <summary>
/// Sample quantiles by Hyndman and Fan's (1996) definition 7, the default of R's
/// <c>quantile()</c> and NumPy's <c>quantile()</c> (method "linear"), so numbers in TrackSim's
/// reports match what a user recomputes from the data files.
/// </summary>
public static class Quantiles
{
    /// <summary>
    /// The type-7 quantile of an ascending sample: with <c>h = (n - 1) p</c>, the linear
    /// interpolation between the order statistics at <c>floor(h)</c> and <c>floor(h) + 1</c>
    /// (zero-based). For <c>[1, 2, 3, 4]</c>, p = 0.05 gives 1.15 and p = 0.5 gives 2.5.
    /// </summary>
    /// <param name="sorted">The sample in ascending order, at least one finite value.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A quantile of an empty sample is undefined.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        // An unsorted or NaN-holding sample would give a plausible-looking wrong number; the
        // check is linear, cheaper than the sort the caller already did.
        for (int i = 0; i < sorted.Count; i++)
        {
            if (double.IsNaN(sorted[i]) || (i > 0 && sorted[i] < sorted[i - 1]))
            {
                throw new ArgumentException($"The sample must be sorted ascending without NaN (index {i}).", nameof(sorted));
            }
        }

        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1)
        {
            return sorted[^1];
        }

        double below = sorted[lo];
        double above = sorted[lo + 1];
        double t = h - lo;
        double difference = above - below;

        // Written out rather than MathNet's SortedArrayStatistics.QuantileCustom(..., R7): that is the
        // same definition with other arithmetic, a unit in the last place away from NumPy on some
        // samples (QuantilesTests shows two). NumPy's interpolation, to the last bit: from the nearer end, which keeps the result
        // inside [below, above] and monotone in p despite rounding.
        return t >= 0.5 ? above - (difference * (1 - t)) : below + (difference * t);
    }

    /// <summary>The type-7 quantile of a sample in any order (it is copied and sorted).</summary>
    /// <param name="values">The sample, at least one value, no NaN.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    public static double Type7Unsorted(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return Type7(sorted, p);
    }
}

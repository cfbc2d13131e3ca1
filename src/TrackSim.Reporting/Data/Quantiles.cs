namespace TrackSim.Reporting.Data;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's type 7,
/// the default of NumPy (<c>numpy.quantile</c>), R (<c>quantile</c>) and Excel (<c>PERCENTILE.INC</c>),
/// so a reader recomputing <c>summary.csv</c> in any of them gets the same numbers.
/// </summary>
public static class Quantiles
{
    /// <summary>
    /// The <paramref name="p"/>-quantile of <paramref name="sorted"/> (ascending, not empty):
    /// with h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
    /// </summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        double h = (sorted.Length - 1) * p;
        int low = (int)Math.Floor(h);
        if (low >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double fraction = h - low;
        return fraction == 0 ? sorted[low] : sorted[low] + (fraction * (sorted[low + 1] - sorted[low]));
    }
}

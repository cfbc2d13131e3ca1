namespace TrackSim.Core.Recording;

/// <summary>
/// The histogram and the opinion clusters of a public's trust: what <c>distributions.csv</c>
/// records. Both only read the trust values they are given; nothing is drawn.
/// </summary>
public static class Distributions
{
    /// <summary>
    /// Smallest share of a public that a group must hold to count as a cluster: smaller groups
    /// are stragglers (an assumption of this output, after the distinction between major and
    /// minor clusters in bounded-confidence models; Lorenz 2007).
    /// </summary>
    public const double MinClusterShare = 0.01;

    /// <summary>The bin of trust <paramref name="trust"/> among <paramref name="bins"/> equal bins of [0,1]; trust 1 falls in the last.</summary>
    public static int BinOf(double trust, int bins) => Math.Clamp((int)(trust * bins), 0, bins - 1);

    /// <summary>Counts the values of <paramref name="trust"/> into the equal bins of [0,1] that <paramref name="counts"/> holds (cleared first).</summary>
    public static void Histogram(ReadOnlySpan<float> trust, Span<int> counts)
    {
        if (counts.Length < 1)
        {
            throw new ArgumentException("At least one bin is needed.", nameof(counts));
        }

        counts.Clear();
        foreach (float value in trust)
        {
            counts[BinOf(value, counts.Length)]++;
        }
    }

    /// <summary>
    /// The number of opinion clusters in <paramref name="trust"/>: the values are split wherever
    /// two neighbours in sorted order differ by at least the confidence bound
    /// <paramref name="bound"/> (citizens on either side of such a gap can no longer influence each
    /// other, Deffuant et al. 2000; Lorenz 2007), and the groups holding at least
    /// <paramref name="minShare"/> of the values are counted. Exact on the values, not on bins.
    /// </summary>
    /// <remarks>
    /// Found without sorting, in one pass: the values are put in buckets of width
    /// <paramref name="bound"/> from the smallest, keeping each bucket's count, least and
    /// greatest value. Two values in one bucket differ by less than the bound, so a gap of the
    /// bound or more can only lie between the greatest value of a bucket and the least of the
    /// next bucket that holds any, and those are exactly the neighbours in sorted order there.
    /// Where rounding puts two values a bound apart into one bucket, or the bound is so small
    /// that the buckets would outnumber the values, the values are sorted instead (
    /// <see cref="ClustersBySorting"/>), which gives the same answer.
    /// </remarks>
    /// <param name="trust">The trust of one public in one layer; not changed.</param>
    /// <param name="bound">The confidence bound, above 0.</param>
    /// <param name="minShare">Smallest share of the values that a group must hold to count.</param>
    public static int Clusters(ReadOnlySpan<float> trust, double bound, double minShare = MinClusterShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (trust.IsEmpty)
        {
            return 0;
        }

        float least = float.PositiveInfinity, greatest = float.NegativeInfinity;
        foreach (float value in trust)
        {
            least = Math.Min(least, value);
            greatest = Math.Max(greatest, value);
        }

        double span = ((double)greatest - least) / bound;
        if (!(span < trust.Length))
        {
            return ClustersBySorting(trust, bound, minShare);
        }

        int buckets = (int)span + 1;
        int[] counts = new int[buckets];
        float[] lows = new float[buckets];
        float[] highs = new float[buckets];
        lows.AsSpan().Fill(float.PositiveInfinity);
        highs.AsSpan().Fill(float.NegativeInfinity);
        foreach (float value in trust)
        {
            int k = Math.Min((int)(((double)value - least) / bound), buckets - 1);
            counts[k]++;
            lows[k] = Math.Min(lows[k], value);
            highs[k] = Math.Max(highs[k], value);
        }

        double smallest = minShare * trust.Length;
        int clusters = 0;
        int group = 0;
        float previous = float.NaN;
        for (int k = 0; k < buckets; k++)
        {
            if (counts[k] == 0)
            {
                continue;
            }

            if ((double)highs[k] - lows[k] >= bound)
            {
                return ClustersBySorting(trust, bound, minShare);
            }

            if (group > 0 && (double)lows[k] - previous >= bound)
            {
                clusters += group >= smallest ? 1 : 0;
                group = 0;
            }

            group += counts[k];
            previous = highs[k];
        }

        return clusters + (group >= smallest ? 1 : 0);
    }

    /// <summary>
    /// <see cref="Clusters"/> by sorting a copy of the values and walking them in order: the
    /// definition itself, used where the buckets do not apply.
    /// </summary>
    internal static int ClustersBySorting(ReadOnlySpan<float> trust, double bound, double minShare = MinClusterShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (trust.IsEmpty)
        {
            return 0;
        }

        float[] sorted = trust.ToArray();
        Array.Sort(sorted);
        double smallest = minShare * sorted.Length;
        int clusters = 0;
        int start = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || (double)sorted[i] - sorted[i - 1] >= bound)
            {
                if (i - start >= smallest)
                {
                    clusters++;
                }

                start = i;
            }
        }

        return clusters;
    }
}

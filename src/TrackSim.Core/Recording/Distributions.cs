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
    /// The number of opinion clusters in <paramref name="trust"/>, which it sorts in place: the
    /// values are split wherever two neighbours in sorted order differ by at least the confidence
    /// bound <paramref name="bound"/> (citizens on either side of such a gap can no longer
    /// influence each other, Deffuant et al. 2000; Lorenz 2007), and the groups holding at least
    /// <paramref name="minShare"/> of the values are counted. Exact on the values, not on bins.
    /// </summary>
    /// <param name="trust">The trust of one public in one layer; sorted on return.</param>
    /// <param name="bound">The confidence bound, above 0.</param>
    /// <param name="minShare">Smallest share of the values that a group must hold to count.</param>
    public static int Clusters(Span<float> trust, double bound, double minShare = MinClusterShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (trust.IsEmpty)
        {
            return 0;
        }

        trust.Sort();
        double least = minShare * trust.Length;
        int clusters = 0;
        int start = 0;
        for (int i = 1; i <= trust.Length; i++)
        {
            if (i == trust.Length || (double)trust[i] - trust[i - 1] >= bound)
            {
                if (i - start >= least)
                {
                    clusters++;
                }

                start = i;
            }
        }

        return clusters;
    }
}

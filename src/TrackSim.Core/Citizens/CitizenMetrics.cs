namespace TrackSim.Core.Citizens;

/// <summary>Per-state summaries of citizens' trust: mean, SD and the share who are hostile.</summary>
public static class CitizenMetrics
{
    /// <summary>Citizens whose trust is below this count as hostile.</summary>
    public const float HostileThreshold = 0.25f;

    /// <summary>
    /// Writes, for each state, the mean trust, the population SD of trust (two passes, so a
    /// narrow distribution keeps its precision) and the share of citizens with trust below
    /// <see cref="HostileThreshold"/>.
    /// </summary>
    /// <remarks>
    /// Each sum is taken in double precision in citizen order, so its rounding, and the
    /// result, do not depend on how the work is arranged. That order makes every addition wait
    /// for the one before, so a single sum runs at the latency of an addition rather than the
    /// machine's throughput; the states are therefore summed two at a time in one loop, two
    /// independent chains the processor overlaps, each still in citizen order.
    /// </remarks>
    public static void Compute(CitizenPopulation population, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        RuleGuards.RequirePerState(population, sdTrust.Length, nameof(sdTrust));
        RuleGuards.RequirePerState(population, hostileShare.Length, nameof(hostileShare));
        int perState = population.PerState;
        int s = 0;
        for (; s + 1 < population.StateCount; s += 2)
        {
            var first = population.Trust.AsSpan(s * perState, perState);
            var second = population.Trust.AsSpan((s + 1) * perState, perState);
            var (sum1, sum2, hostile1, hostile2) = SumPair(first, second);
            double mean1 = sum1 / perState;
            double mean2 = sum2 / perState;
            var (squares1, squares2) = SquaresPair(first, second, mean1, mean2);
            meanTrust[s] = mean1;
            meanTrust[s + 1] = mean2;
            sdTrust[s] = Math.Sqrt(squares1 / perState);
            sdTrust[s + 1] = Math.Sqrt(squares2 / perState);
            hostileShare[s] = (double)hostile1 / perState;
            hostileShare[s + 1] = (double)hostile2 / perState;
        }

        if (s < population.StateCount)
        {
            var trust = population.Trust.AsSpan(s * perState, perState);
            var (sum, _, hostile, _) = SumPair(trust, trust);
            double mean = sum / perState;
            var (squares, _) = SquaresPair(trust, [], mean, 0);
            meanTrust[s] = mean;
            sdTrust[s] = Math.Sqrt(squares / perState);
            hostileShare[s] = (double)hostile / perState;
        }
    }

    /// <summary>
    /// Writes the mean trust of each state, and nothing else: one pass instead of
    /// <see cref="Compute"/>'s two, for callers that need only the means (turnover).
    /// </summary>
    /// <remarks>
    /// The sums are those of <see cref="Compute"/>, taken by the same code in the same order,
    /// so each mean is bit-identical to the one <see cref="Compute"/> writes.
    /// </remarks>
    public static void Means(CitizenPopulation population, Span<double> meanTrust)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        int perState = population.PerState;
        int s = 0;
        for (; s + 1 < population.StateCount; s += 2)
        {
            var (sum1, sum2, _, _) = SumPair(population.Trust.AsSpan(s * perState, perState), population.Trust.AsSpan((s + 1) * perState, perState));
            meanTrust[s] = sum1 / perState;
            meanTrust[s + 1] = sum2 / perState;
        }

        if (s < population.StateCount)
        {
            var trust = population.Trust.AsSpan(s * perState, perState);
            var (sum, _, _, _) = SumPair(trust, trust);
            meanTrust[s] = sum / perState;
        }
    }

    /// <summary>Sums and hostile counts of two states of the same size, side by side (for one state, pass it twice).</summary>
    private static (double Sum1, double Sum2, int Hostile1, int Hostile2) SumPair(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        double sum1 = 0;
        double sum2 = 0;
        int hostile1 = 0;
        int hostile2 = 0;
        second = second[..first.Length];
        for (int i = 0; i < first.Length; i++)
        {
            float x = first[i];
            float y = second[i];
            sum1 += x;
            sum2 += y;
            hostile1 += x < HostileThreshold ? 1 : 0;
            hostile2 += y < HostileThreshold ? 1 : 0;
        }

        return (sum1, sum2, hostile1, hostile2);
    }

    /// <summary>Sums of squared deviations of two states side by side; an empty second state gives 0 for it.</summary>
    private static (double Squares1, double Squares2) SquaresPair(ReadOnlySpan<float> first, ReadOnlySpan<float> second, double mean1, double mean2)
    {
        double squares1 = 0;
        double squares2 = 0;
        if (second.IsEmpty)
        {
            foreach (float x in first)
            {
                double d = x - mean1;
                squares1 += d * d;
            }

            return (squares1, 0);
        }

        second = second[..first.Length];
        for (int i = 0; i < first.Length; i++)
        {
            double d1 = first[i] - mean1;
            double d2 = second[i] - mean2;
            squares1 += d1 * d1;
            squares2 += d2 * d2;
        }

        return (squares1, squares2);
    }
}

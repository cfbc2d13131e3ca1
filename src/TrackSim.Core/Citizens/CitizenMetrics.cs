using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    public static void Compute(CitizenPopulation population, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare) =>
        Compute(population, 0, meanTrust, sdTrust, hostileShare);

    /// <summary>
    /// Writes the summaries of <see cref="Compute(CitizenPopulation, Span{double}, Span{double}, Span{double})"/>
    /// for the trust of one layer (see <see cref="CitizenPopulation.TrustIn"/>).
    /// </summary>
    public static void Compute(CitizenPopulation population, int layer, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare)
    {
        ArgumentNullException.ThrowIfNull(population);
        float[] all = population.TrustIn(layer);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        RuleGuards.RequirePerState(population, sdTrust.Length, nameof(sdTrust));
        RuleGuards.RequirePerState(population, hostileShare.Length, nameof(hostileShare));
        int perState = population.PerState;
        int s = 0;
        for (; s + 1 < population.StateCount; s += 2)
        {
            var first = all.AsSpan(s * perState, perState);
            var second = all.AsSpan((s + 1) * perState, perState);
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
            var trust = all.AsSpan(s * perState, perState);
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
    /// <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double})"/>'s two, for callers that need only the means (turnover).
    /// </summary>
    /// <remarks>
    /// The sums are those of <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double})"/>, taken by the same code in the same order,
    /// so each mean is bit-identical to the one <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double})"/> writes.
    /// </remarks>
    public static void Means(CitizenPopulation population, Span<double> meanTrust) => Means(population, 0, meanTrust);

    /// <summary>Writes the mean trust of each state in one layer (see <see cref="CitizenPopulation.TrustIn"/>).</summary>
    public static void Means(CitizenPopulation population, int layer, Span<double> meanTrust)
    {
        ArgumentNullException.ThrowIfNull(population);
        float[] all = population.TrustIn(layer);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        int perState = population.PerState;
        int s = 0;
        for (; s + 1 < population.StateCount; s += 2)
        {
            var (sum1, sum2, _, _) = SumPair(all.AsSpan(s * perState, perState), all.AsSpan((s + 1) * perState, perState));
            meanTrust[s] = sum1 / perState;
            meanTrust[s + 1] = sum2 / perState;
        }

        if (s < population.StateCount)
        {
            var trust = all.AsSpan(s * perState, perState);
            var (sum, _, _, _) = SumPair(trust, trust);
            meanTrust[s] = sum / perState;
        }
    }

    /// <summary>Sums and hostile counts of two states of the same size, side by side (for one state, pass it twice).</summary>
    /// <remarks>
    /// Four citizens of each state at a time are widened to double together (see
    /// <see cref="Widen"/>) and then added one by one, in citizen order, so the sums are those
    /// of the plain loop that finishes the span, to the bit.
    /// </remarks>
    private static (double Sum1, double Sum2, int Hostile1, int Hostile2) SumPair(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        double sum1 = 0;
        double sum2 = 0;
        int hostile1 = 0;
        int hostile2 = 0;
        second = second[..first.Length];
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref float x0 = ref MemoryMarshal.GetReference(first);
            ref float y0 = ref MemoryMarshal.GetReference(second);
            var threshold = Vector128.Create(HostileThreshold);
            var hostileX = Vector128<int>.Zero;
            var hostileY = Vector128<int>.Zero;
            for (; i <= first.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var x = Vector128.LoadUnsafe(ref x0, (nuint)i);
                var y = Vector128.LoadUnsafe(ref y0, (nuint)i);
                var (xLow, xHigh) = Widen(x);
                var (yLow, yHigh) = Widen(y);
                sum1 += xLow.GetElement(0);
                sum2 += yLow.GetElement(0);
                sum1 += xLow.GetElement(1);
                sum2 += yLow.GetElement(1);
                sum1 += xHigh.GetElement(0);
                sum2 += yHigh.GetElement(0);
                sum1 += xHigh.GetElement(1);
                sum2 += yHigh.GetElement(1);

                // A true lane is all ones, -1 as an integer.
                hostileX -= Vector128.LessThan(x, threshold).AsInt32();
                hostileY -= Vector128.LessThan(y, threshold).AsInt32();
            }

            hostile1 = Vector128.Sum(hostileX);
            hostile2 = Vector128.Sum(hostileY);
        }

        for (; i < first.Length; i++)
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
    /// <remarks>
    /// As in <see cref="SumPair"/>, four citizens of each state are widened, their deviations
    /// taken and squared together, lane by lane exactly as the scalar operations would, and the
    /// squares added one by one in citizen order.
    /// </remarks>
    private static (double Squares1, double Squares2) SquaresPair(ReadOnlySpan<float> first, ReadOnlySpan<float> second, double mean1, double mean2)
    {
        double squares1 = 0;
        double squares2 = 0;
        bool single = second.IsEmpty;
        second = single ? first : second[..first.Length];
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref float x0 = ref MemoryMarshal.GetReference(first);
            ref float y0 = ref MemoryMarshal.GetReference(second);
            var m1 = Vector128.Create(mean1);
            var m2 = Vector128.Create(mean2);
            for (; i <= first.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var (xLow, xHigh) = Widen(Vector128.LoadUnsafe(ref x0, (nuint)i));
                var (yLow, yHigh) = Widen(Vector128.LoadUnsafe(ref y0, (nuint)i));
                xLow -= m1;
                xHigh -= m1;
                yLow -= m2;
                yHigh -= m2;
                xLow *= xLow;
                xHigh *= xHigh;
                yLow *= yLow;
                yHigh *= yHigh;
                squares1 += xLow.GetElement(0);
                squares2 += yLow.GetElement(0);
                squares1 += xLow.GetElement(1);
                squares2 += yLow.GetElement(1);
                squares1 += xHigh.GetElement(0);
                squares2 += yHigh.GetElement(0);
                squares1 += xHigh.GetElement(1);
                squares2 += yHigh.GetElement(1);
            }
        }

        for (; i < first.Length; i++)
        {
            double d1 = first[i] - mean1;
            double d2 = second[i] - mean2;
            squares1 += d1 * d1;
            squares2 += d2 * d2;
        }

        return (squares1, single ? 0 : squares2);
    }

    /// <summary>
    /// Four floats as two pairs of doubles, exactly (every float is a double). Converting one
    /// value at a time compiles to an instruction that keeps the rest of its target register,
    /// and so waits for whatever last wrote that register: often the previous citizen's
    /// arithmetic, which chained every citizen's conversion to the one before and made the SD
    /// pass several times slower than its additions need. Widening four at once writes whole
    /// registers and has no such wait.
    /// </summary>
    private static (Vector128<double> Low, Vector128<double> High) Widen(Vector128<float> values) =>
        (Vector128.WidenLower(values), Vector128.WidenUpper(values));
}

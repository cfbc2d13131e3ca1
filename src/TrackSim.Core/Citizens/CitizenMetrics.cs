using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TrackSim.Core.Citizens;

/// <summary>Per-state summaries of citizens' trust: mean, SD and the share who are hostile.</summary>
public static class CitizenMetrics
{
    /// <summary>Citizens whose trust is below this count as hostile.</summary>
    public const float HostileThreshold = 0.25f;

    [ThreadStatic]
    private static SummaryChunks? t_chunks;

    /// <summary>
    /// Writes, for each state, the mean trust, the population SD of trust (two passes, so a
    /// narrow distribution keeps its precision) and the share of citizens with trust below
    /// <see cref="HostileThreshold"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each state's citizens are cut into chunks of <see cref="CitizenTeam.ChunkSize"/> from its
    /// first citizen (see <see cref="StateChunks"/>). Each chunk's sum is taken in double
    /// precision in citizen order, and a state's sum is its chunks' sums added in chunk order,
    /// starting from 0. The cut depends on the population alone, so the result is the same
    /// double however many threads take the chunks; a state of at most one chunk is summed in
    /// plain citizen order.
    /// </para>
    /// <para>
    /// Citizen order makes every addition wait for the one before, so a single sum runs at the
    /// latency of an addition rather than the machine's throughput; the same piece of two states
    /// is therefore summed in one loop, two independent chains the processor overlaps, each still
    /// in citizen order.
    /// </para>
    /// </remarks>
    public static void Compute(CitizenPopulation population, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare) =>
        Compute(population, 0, meanTrust, sdTrust, hostileShare);

    /// <summary>
    /// Writes the summaries of <see cref="Compute(CitizenPopulation, Span{double}, Span{double}, Span{double})"/>
    /// for the trust of one layer (see <see cref="CitizenPopulation.TrustIn"/>), on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (0, the default, lets the population's size
    /// choose; the result is the same double for any number).
    /// </summary>
    public static void Compute(CitizenPopulation population, int layer, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        RuleGuards.RequirePerState(population, sdTrust.Length, nameof(sdTrust));
        RuleGuards.RequirePerState(population, hostileShare.Length, nameof(hostileShare));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var chunks = Prepare(population, layer);
        try
        {
            int threads = CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism);
            chunks.Run(SummaryChunks.Pass.Sums, threads);
            int perState = population.PerState;
            for (int s = 0; s < population.StateCount; s++)
            {
                chunks.Means[s] = chunks.Total(chunks.Sums, s) / perState;
                meanTrust[s] = chunks.Means[s];
                hostileShare[s] = (double)chunks.HostileCount(s) / perState;
            }

            chunks.Run(SummaryChunks.Pass.Squares, threads);
            for (int s = 0; s < population.StateCount; s++)
            {
                sdTrust[s] = Math.Sqrt(chunks.Total(chunks.Squares, s) / perState);
            }
        }
        finally
        {
            chunks.Trust = [];
        }
    }

    /// <summary>
    /// Writes the mean trust of each state, and nothing else: one pass instead of
    /// <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double}, int)"/>'s two, for callers that need only the means (turnover).
    /// </summary>
    /// <remarks>
    /// The sums are those of <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double}, int)"/>, taken by the same code in the same order,
    /// so each mean is bit-identical to the one <see cref="Compute(CitizenPopulation, int, Span{double}, Span{double}, Span{double}, int)"/> writes.
    /// </remarks>
    public static void Means(CitizenPopulation population, Span<double> meanTrust) => Means(population, 0, meanTrust);

    /// <summary>
    /// Writes the mean trust of each state in one layer (see <see cref="CitizenPopulation.TrustIn"/>),
    /// on up to <paramref name="maxDegreeOfParallelism"/> threads (0, the default, lets the
    /// population's size choose; the result is the same double for any number).
    /// </summary>
    public static void Means(CitizenPopulation population, int layer, Span<double> meanTrust, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var chunks = Prepare(population, layer);
        try
        {
            chunks.Run(SummaryChunks.Pass.Sums, CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism));
            for (int s = 0; s < population.StateCount; s++)
            {
                meanTrust[s] = chunks.Total(chunks.Sums, s) / population.PerState;
            }
        }
        finally
        {
            chunks.Trust = [];
        }
    }

    /// <summary>The calling thread's reusable chunks, set up for one layer of the population (arrays grow only when the population does).</summary>
    private static SummaryChunks Prepare(CitizenPopulation population, int layer)
    {
        var chunks = t_chunks ??= new SummaryChunks();
        chunks.Layout = new StateChunks(population);
        chunks.States = population.StateCount;
        chunks.PerState = population.PerState;
        chunks.Sums = RuleGuards.PerStateScratch(chunks.Sums, chunks.Layout.Count);
        chunks.Squares = RuleGuards.PerStateScratch(chunks.Squares, chunks.Layout.Count);
        chunks.Hostile = RuleGuards.PerStateScratch(chunks.Hostile, chunks.Layout.Count);
        chunks.Means = RuleGuards.PerStateScratch(chunks.Means, population.StateCount);
        chunks.Trust = population.TrustIn(layer);
        return chunks;
    }

    /// <summary>
    /// The partial sums of the summaries, one per chunk, in chunk order (chunk
    /// <c>s * PerStateChunks + piece</c>). A work item is one piece of a pair of states
    /// (2p, 2p + 1), summed side by side; an odd last state is summed alone.
    /// </summary>
    private sealed class SummaryChunks : IChunkedWork
    {
        /// <summary>What a pass over the chunks computes.</summary>
        public enum Pass
        {
            /// <summary>Sums and hostile counts.</summary>
            Sums,

            /// <summary>Sums of squared deviations from <see cref="Means"/>.</summary>
            Squares,
        }

        public float[] Trust = [];
        public double[] Sums = [];
        public double[] Squares = [];
        public int[] Hostile = [];
        public double[] Means = [];
        public StateChunks Layout;
        public int States;
        public int PerState;
        private Pass _pass;

        /// <summary>Runs one pass over every chunk.</summary>
        public void Run(Pass pass, int threads)
        {
            _pass = pass;
            CitizenTeam.Run(this, ((States + 1) / 2) * Layout.PerStateChunks, threads);
        }

        /// <summary>State <paramref name="state"/>'s chunk values of <paramref name="partials"/> added in chunk order.</summary>
        public double Total(double[] partials, int state)
        {
            double total = 0;
            int first = state * Layout.PerStateChunks;
            for (int c = first; c < first + Layout.PerStateChunks; c++)
            {
                total += partials[c];
            }

            return total;
        }

        /// <summary>The citizens of state <paramref name="state"/> below the hostile threshold.</summary>
        public int HostileCount(int state)
        {
            int count = 0;
            int first = state * Layout.PerStateChunks;
            for (int c = first; c < first + Layout.PerStateChunks; c++)
            {
                count += Hostile[c];
            }

            return count;
        }

        public void RunChunk(int chunk)
        {
            int piece = chunk % Layout.PerStateChunks;
            int s1 = 2 * (chunk / Layout.PerStateChunks);
            int s2 = s1 + 1;
            int offset = StateChunks.OffsetOf(piece);
            int length = Layout.LengthOf(piece);
            var first = Trust.AsSpan((s1 * PerState) + offset, length);
            int at1 = (s1 * Layout.PerStateChunks) + piece;
            int at2 = at1 + Layout.PerStateChunks;
            bool pair = s2 < States;
            var second = pair ? Trust.AsSpan((s2 * PerState) + offset, length) : first;
            if (_pass == Pass.Sums)
            {
                var (sum1, sum2, hostile1, hostile2) = SumPair(first, second);
                Sums[at1] = sum1;
                Hostile[at1] = hostile1;
                if (pair)
                {
                    Sums[at2] = sum2;
                    Hostile[at2] = hostile2;
                }
            }
            else
            {
                var (squares1, squares2) = SquaresPair(first, pair ? second : [], Means[s1], pair ? Means[s2] : 0);
                Squares[at1] = squares1;
                if (pair)
                {
                    Squares[at2] = squares2;
                }
            }
        }
    }

    /// <summary>Sums and hostile counts of two pieces of the same size, side by side (for one piece, pass it twice).</summary>
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

    /// <summary>Sums of squared deviations of two pieces side by side; an empty second piece gives 0 for it.</summary>
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

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// The inner loop of CIT-INFLUENCE: one round for a range of citizens, reading the snapshot of
/// the round's start and writing the new trust elsewhere. What it needs is gathered once per
/// step, so a round costs no allocation and no lookup.
/// </summary>
/// <remarks>
/// Four choices make it fast without changing a bit of the result (a test keeps it equal to a
/// plain loop written from the model description):
/// <list type="bullet">
/// <item>eight citizens at a time where 256-bit vectors are fast: their eight hashes, partner
/// slots, gaps and moves are computed side by side, and only the loads of the partners'
/// trust are made one by one. Vector arithmetic rounds exactly like scalar arithmetic, the
/// 64-bit high product of the slot is built exactly from 32-bit halves, and the compiler
/// fuses no multiply into an add, so each citizen's result is the scalar one;</item>
/// <item>the range is cut at state borders, so the state of the listener, and with it the
/// confidence bound of its public, is fixed in the inner loop instead of being tracked citizen by
/// citizen;</item>
/// <item>the index term <c>i * 0xD6E8FEB86659FD93</c> of the partner hash grows by one addition
/// per citizen instead of a multiplication (both modulo 2^64);</item>
/// <item>the move is computed for every citizen and kept or dropped with a mask. About half
/// the partners are within the confidence bound, so a branch on it is mispredicted every other
/// citizen, and each miss also stalls the loads of the next partners behind a cache miss on the
/// partner's trust.</item>
/// </list>
/// </remarks>
internal readonly struct InfluencePass
{
    private const ulong IndexMultiplier = VectorHash.IndexMultiplier;
    private const byte Dormant = (byte)CitizenTraits.CrossBorderDormant;

    private readonly byte[] _flags;
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly int _perState;
    private readonly bool _wellMixed;
    private readonly double _epsilon;
    private readonly double[]? _epsilonOf;
    private readonly int[]? _roundsOf;
    private readonly double _mu;

    /// <param name="population">The citizens.</param>
    /// <param name="network">Their network.</param>
    /// <param name="epsilon">The confidence bound of every listener.</param>
    /// <param name="mu">The convergence.</param>
    public InfluencePass(CitizenPopulation population, SocialNetwork network, double epsilon, double mu)
    {
        _flags = population.Flags;
        _offsets = network.Offsets;
        _targets = network.Targets;
        _perState = population.PerState;
        _wellMixed = network.IsWellMixed;
        _epsilon = epsilon;
        _mu = mu;
        Count = population.Count;
    }

    /// <summary>A pass in which each listener has the confidence bound of its state and listens only in its state's first rounds.</summary>
    /// <param name="population">The citizens.</param>
    /// <param name="network">Their network.</param>
    /// <param name="epsilonOf">The confidence bound of each state's listeners, one per state (read, not copied).</param>
    /// <param name="roundsOf">The rounds in which each state's citizens listen, one per state (read, not copied).</param>
    /// <param name="mu">The convergence.</param>
    public InfluencePass(CitizenPopulation population, SocialNetwork network, double[] epsilonOf, int[] roundsOf, double mu)
        : this(population, network, 0, mu)
    {
        _epsilonOf = epsilonOf;
        _roundsOf = roundsOf;
    }

    /// <summary>Number of citizens.</summary>
    public int Count { get; }

    /// <summary>
    /// Computes the new trust of citizens [from, to) in round <paramref name="round"/> of the step
    /// from the snapshot <paramref name="x"/> into <paramref name="next"/>; a citizen whose state
    /// has no more rounds in this step keeps its trust.
    /// </summary>
    public void Run(float[] x, float[] next, ulong roundKey, int round, int from, int to)
    {
        // Cut at state borders: within a piece every listener has the same block of compatriots
        // and the same confidence bound.
        while (from < to)
        {
            int state = from / _perState;
            int blockStart = state * _perState;
            int end = Math.Min(to, blockStart + _perState);
            if (_roundsOf is not null && round >= _roundsOf[state])
            {
                Array.Copy(x, from, next, from, end - from);
            }
            else if (_wellMixed)
            {
                RunWellMixed(x, next, roundKey, from, end, blockStart, EpsilonOf(state));
            }
            else
            {
                RunNetwork(x, next, roundKey, from, end, blockStart, EpsilonOf(state));
            }

            from = end;
        }
    }

    private double EpsilonOf(int state) => _epsilonOf is { } values ? values[state] : _epsilon;

    /// <summary>Whether the rounds use 256-bit vectors; tests switch them off to check the scalar loop on its own.</summary>
    internal static bool VectorsEnabled { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>The partner slot a hash picks out of <paramref name="choices"/>: floor(hash * choices / 2^64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Pick(ulong hash, int choices) =>
        Bmi2.X64.IsSupported ? (int)Bmi2.X64.MultiplyNoFlags(hash, (ulong)choices) : (int)Math.BigMul(hash, (ulong)choices, out _);

    /// <summary>
    /// Keeps <paramref name="moved"/> where the mask <paramref name="listens"/> (the low lane of
    /// a double comparison) is set and <paramref name="kept"/> otherwise, without a branch; a
    /// bitwise choice, so even a -0 is kept as it was.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Select(Vector128<double> listens, float moved, float kept) =>
        Vector128.ConditionalSelect(listens.AsSingle(), Vector128.CreateScalarUnsafe(moved), Vector128.CreateScalarUnsafe(kept)).ToScalar();

    /// <summary>
    /// <see cref="Pick"/> on four hashes at once, for <paramref name="choices"/> below 2^32:
    /// with h = a 2^32 + b, floor(h c / 2^64) = floor((a c + floor(b c / 2^32)) / 2^32), and
    /// neither product nor the sum leaves 64 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> PickSlots(Vector256<ulong> hash, Vector256<ulong> choices) =>
        (((hash >>> 32) * choices) + (((hash & Vector256.Create(0xFFFF_FFFFUL)) * choices) >>> 32)) >>> 32;

    private void RunNetwork(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart, double bound)
    {
        if (VectorsEnabled)
        {
            from = RunNetworkVectors(x, next, roundKey, from, to, blockStart, bound);
        }

        RunNetworkScalar(x, next, roundKey, from, to, blockStart, bound);
    }

    /// <summary>The citizens of [from, to) eight at a time; returns where the scalar loop takes over.</summary>
    private int RunNetworkVectors(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart, double bound)
    {
        int[] offsets = _offsets;
        int[] targets = _targets;
        byte[] flags = _flags;
        var epsilon = Vector256.Create(bound);
        var mu = Vector256.Create(_mu);
        var key = Vector256.Create(roundKey);
        var home = Vector256.Create(blockStart);
        var perState = Vector256.Create((uint)_perState);
        var eight = Vector256.Create(unchecked(8 * IndexMultiplier));
        var indexLow = Vector256.Create(0UL, 1, 2, 3) * IndexMultiplier + Vector256.Create(unchecked((ulong)from * IndexMultiplier));
        var indexHigh = indexLow + Vector256.Create(unchecked(4 * IndexMultiplier));
        int i = from;
        for (; i <= to - 8; i += 8, indexLow += eight, indexHigh += eight)
        {
            var starts = Vector256.Create(new ReadOnlySpan<int>(offsets, i, 8));
            var degrees = Vector256.Create(new ReadOnlySpan<int>(offsets, i + 1, 8)) - starts;
            if (Vector256.EqualsAny(degrees, Vector256<int>.Zero))
            {
                // A citizen without ties: rare, and simplest left to the scalar loop.
                RunNetworkScalar(x, next, roundKey, i, i + 8, blockStart, bound);
                continue;
            }

            var (degreesLow, degreesHigh) = Vector256.Widen(degrees);
            var picks = Vector256.Narrow(
                PickSlots(VectorHash.Mix(key ^ indexLow), degreesLow.AsUInt64()),
                PickSlots(VectorHash.Mix(key ^ indexHigh), degreesHigh.AsUInt64()));
            var slots = starts + picks.AsInt32();
            int j0 = targets[slots.GetElement(0)];
            int j1 = targets[slots.GetElement(1)];
            int j2 = targets[slots.GetElement(2)];
            int j3 = targets[slots.GetElement(3)];
            int j4 = targets[slots.GetElement(4)];
            int j5 = targets[slots.GetElement(5)];
            int j6 = targets[slots.GetElement(6)];
            int j7 = targets[slots.GetElement(7)];
            var own = Vector256.Create(new ReadOnlySpan<float>(x, i, 8));
            var (ownLow, ownHigh) = Vector256.Widen(own);
            var (partnerLow, partnerHigh) = Vector256.Widen(Vector256.Create(x[j0], x[j1], x[j2], x[j3], x[j4], x[j5], x[j6], x[j7]));
            var gapLow = partnerLow - ownLow;
            var gapHigh = partnerHigh - ownHigh;
            var listens = Vector256.Narrow(
                Vector256.LessThan(Vector256.Abs(gapLow), epsilon).AsInt64(),
                Vector256.LessThan(Vector256.Abs(gapHigh), epsilon).AsInt64());
            var moved = Vector256.Narrow(ownLow + (mu * gapLow), ownHigh + (mu * gapHigh));

            // Partners abroad are a few per cent: check their dormant flags one by one.
            var partners = Vector256.Create(j0, j1, j2, j3, j4, j5, j6, j7);
            var abroad = Vector256.GreaterThanOrEqual((partners - home).AsUInt32(), perState);
            if (abroad != Vector256<uint>.Zero)
            {
                for (int lane = 0; lane < 8; lane++)
                {
                    if (abroad.GetElement(lane) != 0 && ((flags[i + lane] | flags[partners.GetElement(lane)]) & Dormant) != 0)
                    {
                        listens = listens.WithElement(lane, 0);
                    }
                }
            }

            Vector256.ConditionalSelect(listens.AsSingle(), moved, own).CopyTo(new Span<float>(next, i, 8));
        }

        return i;
    }

    private void RunNetworkScalar(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart, double bound)
    {
        // Arrays rather than spans: one register each instead of two, which keeps the loop's
        // values in registers; the bounds checks left are compares with well-predicted branches.
        int[] offsets = _offsets;
        int[] targets = _targets;
        byte[] flags = _flags;
        var epsilon = Vector128.CreateScalarUnsafe(bound);
        double mu = _mu;
        uint perState = (uint)_perState;
        ulong indexTerm = unchecked((ulong)from * IndexMultiplier);
        int start = from < to ? offsets[from] : 0;
        for (int i = from; i < to; i++, indexTerm += IndexMultiplier)
        {
            float xi = x[i];
            int end = offsets[i + 1];
            int degree = end - start;
            if (degree == 0)
            {
                next[i] = xi;
                continue;
            }

            int j = targets[start + Pick(StableHash.Mix(roundKey ^ indexTerm), degree)];
            start = end;
            double gap = (double)x[j] - xi;
            var listens = Vector128.LessThan(Vector128.Abs(Vector128.CreateScalarUnsafe(gap)), epsilon);

            // Rare (a few per cent of ties cross the border), so a branch that is almost never taken.
            if ((uint)(j - blockStart) >= perState && ((flags[i] | flags[j]) & Dormant) != 0)
            {
                listens = Vector128<double>.Zero;
            }

            next[i] = Select(listens, (float)(xi + (mu * gap)), xi);
        }
    }

    private void RunWellMixed(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart, double bound)
    {
        byte[] flags = _flags;
        var epsilon = Vector128.CreateScalarUnsafe(bound);
        double mu = _mu;
        uint perState = (uint)_perState;
        int others = Count - 1;
        ulong indexTerm = unchecked((ulong)from * IndexMultiplier);
        for (int i = from; i < to; i++, indexTerm += IndexMultiplier)
        {
            float xi = x[i];
            int j = Pick(StableHash.Mix(roundKey ^ indexTerm), others);
            j += j >= i ? 1 : 0;
            double gap = (double)x[j] - xi;
            var listens = Vector128.LessThan(Vector128.Abs(Vector128.CreateScalarUnsafe(gap)), epsilon);

            // Under full mixing about half the partners of a two-state population are abroad,
            // so the border test is a coin toss: evaluated whole (&, not &&) and applied as a
            // mask (all ones unless blocked), it needs no branch.
            bool blocked = ((uint)(j - blockStart) >= perState) & (((flags[i] | flags[j]) & Dormant) != 0);
            long open = Unsafe.BitCast<bool, byte>(blocked) - 1L;
            listens &= Vector128.CreateScalarUnsafe(open).AsDouble();
            next[i] = Select(listens, (float)(xi + (mu * gap)), xi);
        }
    }
}

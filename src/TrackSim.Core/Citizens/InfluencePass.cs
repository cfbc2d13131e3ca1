using System.Runtime.CompilerServices;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// The inner loop of CIT-INFLUENCE: one round for a range of citizens, reading the snapshot of
/// the round's start and writing the new trust elsewhere. What it needs is gathered once per
/// step, so a round costs no allocation and no lookup.
/// </summary>
/// <remarks>
/// Three choices make it fast without changing a bit of the result (a test keeps it equal to a
/// plain loop written from the model description):
/// <list type="bullet">
/// <item>the range is cut at state borders, so the state of the listener is fixed in the inner
/// loop instead of being tracked citizen by citizen;</item>
/// <item>the index term <c>i * 0xD6E8FEB86659FD93</c> of the partner hash grows by one addition
/// per citizen instead of a multiplication (both modulo 2^64);</item>
/// <item>the move is computed for every citizen and kept or dropped with a bit mask. About half
/// the partners are within the confidence bound, so a branch on it is mispredicted every other
/// citizen, and each miss also stalls the loads of the next partners behind a cache miss on the
/// partner's trust.</item>
/// </list>
/// </remarks>
internal readonly struct InfluencePass
{
    private const ulong IndexMultiplier = 0xD6E8FEB86659FD93UL;
    private const byte Dormant = (byte)CitizenTraits.CrossBorderDormant;

    private readonly byte[] _flags;
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly int _perState;
    private readonly bool _wellMixed;
    private readonly double _epsilon;
    private readonly double _mu;

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

    /// <summary>Number of citizens.</summary>
    public int Count { get; }

    /// <summary>Computes the new trust of citizens [from, to) from the snapshot <paramref name="x"/> into <paramref name="next"/>.</summary>
    public void Run(float[] x, float[] next, ulong roundKey, int from, int to)
    {
        // Cut at state borders: within a piece every listener has the same block of compatriots.
        while (from < to)
        {
            int blockStart = from - (from % _perState);
            int end = Math.Min(to, blockStart + _perState);
            if (_wellMixed)
            {
                RunWellMixed(x, next, roundKey, from, end, blockStart);
            }
            else
            {
                RunNetwork(x, next, roundKey, from, end, blockStart);
            }

            from = end;
        }
    }

    /// <summary>Keeps <paramref name="moved"/> where <paramref name="listens"/> holds and <paramref name="kept"/> otherwise, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Select(bool listens, float moved, float kept)
    {
        // The mask is all ones or all zeros; choosing bits, not values, keeps even a -0 as it was.
        int mask = -Unsafe.BitCast<bool, byte>(listens);
        return BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(moved) & mask) | (BitConverter.SingleToInt32Bits(kept) & ~mask));
    }

    private void RunNetwork(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart)
    {
        // Spans over the piece let the JIT drop the bounds checks of the sequential accesses;
        // the partner's trust and flags are random accesses and keep theirs.
        ReadOnlySpan<float> trust = x;
        ReadOnlySpan<float> own = x.AsSpan(from, to - from);
        Span<float> result = next.AsSpan(from, to - from);
        ReadOnlySpan<int> offsets = _offsets.AsSpan(from, to - from + 1);
        ReadOnlySpan<byte> ownFlags = _flags.AsSpan(from, to - from);
        ReadOnlySpan<int> targets = _targets;
        ReadOnlySpan<byte> flags = _flags;
        double epsilon = _epsilon;
        double mu = _mu;
        uint perState = (uint)_perState;
        ulong indexTerm = (ulong)from * IndexMultiplier;
        for (int k = 0; k < result.Length; k++, indexTerm += IndexMultiplier)
        {
            float xi = own[k];
            int start = offsets[k];
            int degree = offsets[k + 1] - start;
            if (degree == 0)
            {
                result[k] = xi;
                continue;
            }

            ulong hash = StableHash.Mix(roundKey ^ indexTerm);
            int j = targets[start + SocialInfluence.Pick(hash, degree)];
            double gap = (double)trust[j] - xi;
            bool listens = Math.Abs(gap) < epsilon;

            // Rare (a few per cent of ties cross the border), so a branch that is almost never taken.
            if ((uint)(j - blockStart) >= perState && ((ownFlags[k] | flags[j]) & Dormant) != 0)
            {
                listens = false;
            }

            result[k] = Select(listens, (float)(xi + (mu * gap)), xi);
        }
    }

    private void RunWellMixed(float[] x, float[] next, ulong roundKey, int from, int to, int blockStart)
    {
        ReadOnlySpan<float> trust = x;
        ReadOnlySpan<float> own = x.AsSpan(from, to - from);
        Span<float> result = next.AsSpan(from, to - from);
        ReadOnlySpan<byte> ownFlags = _flags.AsSpan(from, to - from);
        ReadOnlySpan<byte> flags = _flags;
        double epsilon = _epsilon;
        double mu = _mu;
        uint perState = (uint)_perState;
        int others = Count - 1;
        ulong indexTerm = (ulong)from * IndexMultiplier;
        for (int k = 0; k < result.Length; k++, indexTerm += IndexMultiplier)
        {
            int i = from + k;
            float xi = own[k];
            ulong hash = StableHash.Mix(roundKey ^ indexTerm);
            int j = SocialInfluence.Pick(hash, others);
            j += j >= i ? 1 : 0;
            double gap = (double)trust[j] - xi;
            bool listens = Math.Abs(gap) < epsilon;

            // Under full mixing about half the partners of a two-state population are abroad,
            // so the border test is a coin toss: evaluated whole (&, not &&), it needs no branch.
            bool blocked = ((uint)(j - blockStart) >= perState) & (((ownFlags[k] | flags[j]) & Dormant) != 0);
            listens &= !blocked;

            result[k] = Select(listens, (float)(xi + (mu * gap)), xi);
        }
    }
}

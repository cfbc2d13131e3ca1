using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// The citizens' social network in compressed sparse rows: the ties of citizen <c>i</c> are
/// <c>Targets[Offsets[i] .. Offsets[i + 1]]</c>, sorted, without self-ties or repeats. Ties are
/// undirected and stored both ways. A well-mixed network stores no ties at all: each
/// interaction draws its partner from the whole population.
/// </summary>
public sealed class SocialNetwork
{
    private SocialNetwork(int perState, int stateCount, int[] offsets, int[] targets, bool wellMixed)
    {
        PerState = perState;
        StateCount = stateCount;
        Count = perState * stateCount;
        Offsets = offsets;
        Targets = targets;
        IsWellMixed = wellMixed;
    }

    /// <summary>Number of citizens.</summary>
    public int Count { get; }

    /// <summary>Citizens per state (each state is a contiguous block of citizens).</summary>
    public int PerState { get; }

    /// <summary>Number of states.</summary>
    public int StateCount { get; }

    /// <summary>Whether partners are drawn from the whole population instead of from stored ties.</summary>
    public bool IsWellMixed { get; }

    /// <summary>Row starts, <see cref="Count"/> + 1 of them; empty for a well-mixed network.</summary>
    public int[] Offsets { get; }

    /// <summary>
    /// Tie ends, row by row. Only the first <c>Offsets[Count]</c> entries are used: the builder
    /// removes the few repeated ties in place rather than copy the whole array.
    /// </summary>
    public int[] Targets { get; }

    /// <summary>Number of undirected ties (each stored twice).</summary>
    public long TieCount => IsWellMixed ? 0 : Offsets[Count] / 2;

    /// <summary>Mean number of ties per citizen.</summary>
    public double MeanDegree => IsWellMixed ? 0 : (double)Offsets[Count] / Count;

    /// <summary>Number of ties of a citizen (zero in a well-mixed network).</summary>
    public int Degree(int citizen) => IsWellMixed ? 0 : Offsets[citizen + 1] - Offsets[citizen];

    /// <summary>The citizens tied to a citizen, in increasing order.</summary>
    public ReadOnlySpan<int> Neighbours(int citizen) =>
        IsWellMixed ? [] : Targets.AsSpan(Offsets[citizen], Offsets[citizen + 1] - Offsets[citizen]);

    /// <summary>Whether a tie joins citizens of different states.</summary>
    public bool IsCrossBorder(int citizen, int other) => citizen / PerState != other / PerState;

    /// <summary>Builds the network a scenario describes.</summary>
    /// <param name="spec">The network settings.</param>
    /// <param name="perState">Citizens per state.</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="rng">The stream the network's one seed is taken from.</param>
    /// <param name="threads">Threads to build on, 0 for the processor count; the network does not depend on it.</param>
    public static SocialNetwork Build(NetworkSpec spec, int perState, int stateCount, Xoshiro256 rng, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            NetworkKind.SmallWorld => SmallWorld(perState, stateCount, spec.MeanDegree, spec.Rewiring, spec.CrossBorderShare, rng, threads),
            NetworkKind.Random => ErdosRenyi(perState, stateCount, spec.MeanDegree, spec.CrossBorderShare, rng, threads),
            NetworkKind.WellMixed => WellMixed(perState, stateCount),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown network kind."),
        };
    }

    /// <summary>Full mixing: no stored ties.</summary>
    public static SocialNetwork WellMixed(int perState, int stateCount)
    {
        CheckSizes(perState, stateCount, 0);
        return new SocialNetwork(perState, stateCount, [], [], wellMixed: true);
    }

    /// <summary>
    /// A Watts and Strogatz (1998) small world in each state plus cross-border ties. Each state's
    /// citizens sit on a ring, each tied to the <c>k/2</c> nearest on either side, with
    /// <c>k</c> = <paramref name="meanDegree"/> rounded down to even (and below the state's
    /// size). Then each lattice tie, owned by its left end, is moved with probability
    /// <paramref name="crossBorderShare"/> to a uniform citizen of another state, and otherwise
    /// with probability <paramref name="rewiring"/> to a uniform citizen of the same state outside
    /// the owner's lattice neighbourhood. A citizen loses as many ties in expectation as it gains,
    /// so the mean degree stays <c>k</c> and about <paramref name="crossBorderShare"/> of each
    /// citizen's ties cross the border. With one state there are no cross-border ties. Each
    /// lattice tie draws from its own counter-based stream, keyed by the seed and the tie.
    /// </summary>
    /// <param name="perState">Citizens per state.</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="meanDegree">Ties per citizen before rounding down to even.</param>
    /// <param name="rewiring">Probability that a tie that stays in the state is moved.</param>
    /// <param name="crossBorderShare">Probability that a tie is moved across the border.</param>
    /// <param name="rng">The stream the network's one seed is taken from.</param>
    /// <param name="threads">Threads to build on, 0 for the processor count; the network does not depend on it.</param>
    public static SocialNetwork SmallWorld(int perState, int stateCount, int meanDegree, double rewiring, double crossBorderShare, Xoshiro256 rng, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckProbability(rewiring, nameof(rewiring));
        CheckProbability(crossBorderShare, nameof(crossBorderShare));
        ArgumentOutOfRangeException.ThrowIfNegative(meanDegree);
        ArgumentOutOfRangeException.ThrowIfLessThan(perState, 1);
        int k = Math.Min(meanDegree, perState - 1) & ~1;
        CheckSizes(perState, stateCount, k);
        var edges = new SmallWorldEdges(perState, stateCount, k, rewiring, stateCount > 1 ? crossBorderShare : 0, rng.NextUInt64());
        return FromEdges(perState, stateCount, edges, threads);
    }

    /// <summary>
    /// An Erdős–Rényi random graph in each state plus cross-border ties: each state draws
    /// <c>perState * k / 2</c> ties, each from a uniform citizen of the state to, with
    /// probability <paramref name="crossBorderShare"/>, a uniform citizen of another state and
    /// otherwise a uniform other citizen of the same state. Degrees are close to Poisson with
    /// mean <c>k</c> = <paramref name="meanDegree"/>. Each tie draws from its own counter-based
    /// stream, keyed by the seed and the tie.
    /// </summary>
    /// <param name="perState">Citizens per state.</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="meanDegree">Mean ties per citizen.</param>
    /// <param name="crossBorderShare">Probability that a tie crosses the border.</param>
    /// <param name="rng">The stream the network's one seed is taken from.</param>
    /// <param name="threads">Threads to build on, 0 for the processor count; the network does not depend on it.</param>
    public static SocialNetwork ErdosRenyi(int perState, int stateCount, int meanDegree, double crossBorderShare, Xoshiro256 rng, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckProbability(crossBorderShare, nameof(crossBorderShare));
        ArgumentOutOfRangeException.ThrowIfNegative(meanDegree);
        CheckSizes(perState, stateCount, meanDegree);

        // A lone citizen of a state has no one to tie to at home, and a lone state no one abroad.
        double across = stateCount == 1 ? 0 : perState == 1 ? 1 : crossBorderShare;
        int k = perState == 1 && stateCount == 1 ? 0 : meanDegree;
        var edges = new RandomEdges(perState, stateCount, k, across, rng.NextUInt64());
        return FromEdges(perState, stateCount, edges, threads);
    }

    /// <summary>A network with exactly the given ties (repeats are merged); for hand-made examples and tests.</summary>
    /// <param name="perState">Citizens per state.</param>
    /// <param name="stateCount">Number of states.</param>
    /// <param name="ties">Pairs of distinct citizens, each tie once in either order.</param>
    public static SocialNetwork FromTies(int perState, int stateCount, IEnumerable<(int A, int B)> ties)
    {
        ArgumentNullException.ThrowIfNull(ties);
        CheckSizes(perState, stateCount, 0);
        int count = perState * stateCount;
        var list = ties.ToArray();
        foreach (var (a, b) in list)
        {
            if ((uint)a >= (uint)count || (uint)b >= (uint)count || a == b)
            {
                throw new ArgumentException($"The tie ({a}, {b}) must join two different citizens in [0, {count}).", nameof(ties));
            }
        }

        return FromEdges(perState, stateCount, new ListedEdges(list), threads: 1);
    }

    /// <summary>Assembles the rows from the blocks of an edge generator (see <see cref="NetworkAssembly"/>).</summary>
    private static SocialNetwork FromEdges<TEdges>(int perState, int stateCount, TEdges edges, int threads)
        where TEdges : struct, NetworkAssembly.IBlockedEdges
    {
        var (offsets, targets) = NetworkAssembly.Build(perState * stateCount, edges, threads);
        return new SocialNetwork(perState, stateCount, offsets, targets, wellMixed: false);
    }

    /// <summary>A uniform integer in [0, <paramref name="range"/>) by Lemire's multiply-shift with rejection (unbiased).</summary>
    private static int Below(ref CounterStream stream, int range)
    {
        if (range <= 1)
        {
            return 0;
        }

        ulong bound = (ulong)range;
        ulong high = Math.BigMul(stream.NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(stream.NextUInt64(), bound, out low);
            }
        }

        return (int)high;
    }

    private static void CheckSizes(int perState, int stateCount, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perState, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateCount, 1);
        if ((long)perState * stateCount * Math.Max(degree, 1) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(perState),
                perState,
                $"{stateCount} states of {perState} citizens with {degree} ties each need more than {Array.MaxLength} stored tie ends.");
        }
    }

    private static void CheckProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a probability in [0,1].");
        }
    }

    /// <summary>
    /// The small world's ties in blocks of citizens of one state. Lattice tie <c>j</c> of owner
    /// <c>u</c> draws its fate from counter <c>u * k/2 + j - 1</c> of a stream keyed by the seed,
    /// so both ends of a tie can tell whether it stayed without talking to each other; a moved
    /// tie draws its new end from a stream keyed by that draw.
    /// </summary>
    private readonly struct SmallWorldEdges : NetworkAssembly.IBlockedEdges
    {
        /// <summary>Owners per block.</summary>
        private const int Block = 1 << 14;

        /// <summary>Largest half-degree whose recent fates fit one 64-bit mask per owner.</summary>
        private const int MaskBits = 64;

        private const ulong Golden = 0x9E3779B97F4A7C15UL;

        private readonly int _perState;
        private readonly int _half;
        private readonly int _others;
        private readonly int _outside;
        private readonly double _moveAcross;
        private readonly double _moveWithin;
        private readonly ulong _seed;
        private readonly int _blocksPerState;

        public SmallWorldEdges(int perState, int stateCount, int k, double rewiring, double crossBorderShare, ulong seed)
        {
            _perState = perState;
            _half = k / 2;
            _others = perState * (stateCount - 1);

            // Drawn from outside the owner's lattice neighbourhood, so a rewired tie never repeats a lattice tie.
            _outside = perState - k - 1;
            _moveAcross = crossBorderShare;
            _moveWithin = crossBorderShare + ((1 - crossBorderShare) * (_outside > 0 ? rewiring : 0));
            _seed = seed;
            _blocksPerState = (perState + Block - 1) / Block;
            BlockCount = _blocksPerState * stateCount;
        }

        public int BlockCount { get; }

        public void Emit<TSink>(int block, ref TSink sink)
            where TSink : struct, NetworkAssembly.IRowSink
        {
            int perState = _perState;
            int half = _half;
            int start = block / _blocksPerState * perState;
            int lo = block % _blocksPerState * Block;
            int length = Math.Min(lo + Block, perState) - lo;
            Span<int> row = half <= MaskBits ? stackalloc int[2 * MaskBits] : new int[2 * half];

            // Whether the lattice ties of the last 64 owners stayed, bit j - 1 for tie j, by
            // position in the block modulo 64; only when every tie of an owner has a bit.
            bool cached = half <= MaskBits;
            Span<ulong> recent = stackalloc ulong[MaskBits];
            for (int p = cached ? -half : 0; p < 0; p++)
            {
                recent[p & (MaskBits - 1)] = KeptMask(start, Wrap(lo + p));
            }

            for (int p = 0; p < length; p++)
            {
                int local = lo + p;
                int u = start + local;
                int n = 0;

                // The lattice ties from the left stay where their owners kept them; in increasing order.
                for (int j = half; j >= 1; j--)
                {
                    int owner = Wrap(local - j);
                    bool kept = cached
                        ? ((recent[(p - j) & (MaskBits - 1)] >> (j - 1)) & 1) != 0
                        : StableHash.ToUnit(StableHash.Mix(Key(start + owner, j))) >= _moveWithin;
                    if (kept)
                    {
                        row[n++] = start + owner;
                    }
                }

                ulong mask = 0;
                for (int j = 1; j <= half; j++)
                {
                    ulong h = StableHash.Mix(Key(u, j));
                    double draw = StableHash.ToUnit(h);
                    int v;
                    if (draw >= _moveWithin)
                    {
                        v = start + Wrap(local + j);
                        mask |= j <= MaskBits ? 1UL << (j - 1) : 0;
                    }
                    else
                    {
                        var stream = new CounterStream(h);
                        if (draw < _moveAcross)
                        {
                            v = Below(ref stream, _others);
                            v += v >= start ? perState : 0;
                        }
                        else
                        {
                            v = start + (int)((local + half + 1 + (long)Below(ref stream, _outside)) % perState);
                        }

                        sink.Add(v, u);
                    }

                    row[n++] = v;
                }

                if (cached)
                {
                    recent[p & (MaskBits - 1)] = mask;
                }

                sink.AddRow(u, row[..n]);
            }
        }

        /// <summary>The counter of lattice tie <paramref name="j"/> of citizen <paramref name="owner"/>, as a stream position.</summary>
        private ulong Key(int owner, int j) => _seed + ((((ulong)owner * (ulong)_half) + (ulong)(j - 1)) * Golden);

        /// <summary>Bit <c>j - 1</c> set where lattice tie <c>j</c> of the citizen at <paramref name="local"/> stays.</summary>
        private ulong KeptMask(int start, int local)
        {
            ulong mask = 0;
            for (int j = 1; j <= _half; j++)
            {
                if (StableHash.ToUnit(StableHash.Mix(Key(start + local, j))) >= _moveWithin)
                {
                    mask |= 1UL << (j - 1);
                }
            }

            return mask;
        }

        /// <summary>A local index moved onto the ring [0, per state); off by less than one turn.</summary>
        private int Wrap(int local) => local < 0 ? local + _perState : local >= _perState ? local - _perState : local;
    }

    /// <summary>Given ties in blocks of the list.</summary>
    private readonly struct ListedEdges((int A, int B)[] ties) : NetworkAssembly.IBlockedEdges
    {
        private const int Block = 1 << 16;

        public int BlockCount => (ties.Length + Block - 1) / Block;

        public void Emit<TSink>(int block, ref TSink sink)
            where TSink : struct, NetworkAssembly.IRowSink
        {
            int end = Math.Min(ties.Length, (block + 1) * Block);
            for (int e = block * Block; e < end; e++)
            {
                var (a, b) = ties[e];
                sink.Add(a, b);
                sink.Add(b, a);
            }
        }
    }

    /// <summary>The random network's ties in blocks of one state's ties; tie <c>e</c> draws from a stream keyed by the seed and <c>e</c>.</summary>
    private readonly struct RandomEdges : NetworkAssembly.IBlockedEdges
    {
        /// <summary>Ties per block.</summary>
        private const int Block = 1 << 16;

        private readonly int _perState;
        private readonly long _edgesPerState;
        private readonly int _others;
        private readonly double _crossBorderShare;
        private readonly ulong _seed;
        private readonly int _blocksPerState;

        public RandomEdges(int perState, int stateCount, int k, double crossBorderShare, ulong seed)
        {
            _perState = perState;
            _edgesPerState = (long)perState * k / 2;
            _others = perState * (stateCount - 1);
            _crossBorderShare = crossBorderShare;
            _seed = seed;
            _blocksPerState = (int)((_edgesPerState + Block - 1) / Block);
            BlockCount = _blocksPerState * stateCount;
        }

        public int BlockCount { get; }

        public void Emit<TSink>(int block, ref TSink sink)
            where TSink : struct, NetworkAssembly.IRowSink
        {
            int s = block / _blocksPerState;
            int start = s * _perState;
            long first = (long)(block % _blocksPerState) * Block;
            long end = Math.Min(_edgesPerState, first + Block);
            for (long e = first; e < end; e++)
            {
                var stream = new CounterStream(StableHash.Combine(_seed, (ulong)((s * _edgesPerState) + e)));
                int local = Below(ref stream, _perState);
                int v;
                if (stream.NextDouble() < _crossBorderShare)
                {
                    v = Below(ref stream, _others);
                    v += v >= start ? _perState : 0;
                }
                else
                {
                    int other = Below(ref stream, _perState - 1);
                    v = start + other + (other >= local ? 1 : 0);
                }

                sink.Add(start + local, v);
                sink.Add(v, start + local);
            }
        }
    }
}

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
    public static SocialNetwork Build(NetworkSpec spec, int perState, int stateCount, Xoshiro256 rng)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            NetworkKind.SmallWorld => SmallWorld(perState, stateCount, spec.MeanDegree, spec.Rewiring, spec.CrossBorderShare, rng),
            NetworkKind.Random => ErdosRenyi(perState, stateCount, spec.MeanDegree, spec.CrossBorderShare, rng),
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
    /// citizen's ties cross the border. With one state there are no cross-border ties.
    /// </summary>
    public static SocialNetwork SmallWorld(int perState, int stateCount, int meanDegree, double rewiring, double crossBorderShare, Xoshiro256 rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckProbability(rewiring, nameof(rewiring));
        CheckProbability(crossBorderShare, nameof(crossBorderShare));
        ArgumentOutOfRangeException.ThrowIfNegative(meanDegree);
        ArgumentOutOfRangeException.ThrowIfLessThan(perState, 1);
        int k = Math.Min(meanDegree, perState - 1) & ~1;
        CheckSizes(perState, stateCount, k);
        var generator = new SmallWorldEdges(perState, stateCount, k, rewiring, stateCount > 1 ? crossBorderShare : 0);
        return FromEdges(perState, stateCount, ref generator, rng.NextUInt64());
    }

    /// <summary>
    /// An Erdős–Rényi random graph in each state plus cross-border ties: each state draws
    /// <c>perState * k / 2</c> ties, each from a uniform citizen of the state to, with
    /// probability <paramref name="crossBorderShare"/>, a uniform citizen of another state and
    /// otherwise a uniform other citizen of the same state. Degrees are close to Poisson with
    /// mean <c>k</c> = <paramref name="meanDegree"/>.
    /// </summary>
    public static SocialNetwork ErdosRenyi(int perState, int stateCount, int meanDegree, double crossBorderShare, Xoshiro256 rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckProbability(crossBorderShare, nameof(crossBorderShare));
        ArgumentOutOfRangeException.ThrowIfNegative(meanDegree);
        CheckSizes(perState, stateCount, meanDegree);

        // A lone citizen of a state has no one to tie to at home, and a lone state no one abroad.
        double across = stateCount == 1 ? 0 : perState == 1 ? 1 : crossBorderShare;
        int k = perState == 1 && stateCount == 1 ? 0 : meanDegree;
        var generator = new RandomEdges(perState, stateCount, k, across);
        return FromEdges(perState, stateCount, ref generator, rng.NextUInt64());
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

        var generator = new ListedEdges(list);
        return FromEdges(perState, stateCount, ref generator, 0);
    }

    /// <summary>
    /// Builds the rows from an edge generator in two passes over the same random numbers: the
    /// first counts degrees, the second writes each edge into both rows (a counting sort). No
    /// edge list is kept, so the peak memory is the network itself: O(n k) time and memory.
    /// </summary>
    private static SocialNetwork FromEdges<TGenerator>(int perState, int stateCount, ref TGenerator generator, ulong seed)
        where TGenerator : struct, IEdgeGenerator
    {
        int count = perState * stateCount;
        int[] offsets = new int[count + 1];
        var counter = new DegreeCounter(offsets);
        generator.Generate(new Xoshiro256(seed), ref counter);

        // offsets[i] becomes the end of row i; filling moves it back to the row's start.
        int total = 0;
        for (int i = 0; i < count; i++)
        {
            total += offsets[i];
            offsets[i] = total;
        }

        offsets[count] = total;
        int[] targets = new int[total];
        var filler = new RowFiller(offsets, targets);
        generator.Generate(new Xoshiro256(seed), ref filler);

        SortAndRemoveRepeats(offsets, targets);
        return new SocialNetwork(perState, stateCount, offsets, targets, wellMixed: false);
    }

    /// <summary>Sorts each row and drops repeated ties in place (repeats are symmetric, so the rows stay symmetric).</summary>
    private static void SortAndRemoveRepeats(int[] offsets, int[] targets)
    {
        int count = offsets.Length - 1;
        int write = 0;
        int readStart = offsets[0];
        for (int i = 0; i < count; i++)
        {
            int readEnd = offsets[i + 1];
            var row = targets.AsSpan(readStart, readEnd - readStart);
            row.Sort();
            offsets[i] = write;
            int previous = -1;
            foreach (int j in row)
            {
                if (j != previous)
                {
                    targets[write++] = j;
                    previous = j;
                }
            }

            readStart = readEnd;
        }

        offsets[count] = write;
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

    /// <summary>Receives the edges of a generator.</summary>
    private interface IEdgeSink
    {
        void Add(int u, int v);
    }

    /// <summary>Emits the same edges for the same generator, so the rows can be built in two passes.</summary>
    private interface IEdgeGenerator
    {
        void Generate<TSink>(Xoshiro256 rng, ref TSink sink)
            where TSink : struct, IEdgeSink;
    }

    private readonly struct DegreeCounter(int[] degrees) : IEdgeSink
    {
        public void Add(int u, int v)
        {
            degrees[u]++;
            degrees[v]++;
        }
    }

    private readonly struct RowFiller(int[] rowEnds, int[] targets) : IEdgeSink
    {
        public void Add(int u, int v)
        {
            targets[--rowEnds[u]] = v;
            targets[--rowEnds[v]] = u;
        }
    }

    private readonly struct SmallWorldEdges(int perState, int stateCount, int k, double rewiring, double crossBorderShare) : IEdgeGenerator
    {
        public void Generate<TSink>(Xoshiro256 rng, ref TSink sink)
            where TSink : struct, IEdgeSink
        {
            int half = k / 2;
            int others = perState * (stateCount - 1);

            // Drawn from outside the owner's lattice neighbourhood, so a rewired tie never repeats a lattice tie.
            int outside = perState - k - 1;
            double moveAcross = crossBorderShare;
            double moveWithin = crossBorderShare + ((1 - crossBorderShare) * (outside > 0 ? rewiring : 0));
            for (int s = 0; s < stateCount; s++)
            {
                int start = s * perState;
                for (int local = 0; local < perState; local++)
                {
                    int u = start + local;
                    for (int j = 1; j <= half; j++)
                    {
                        double draw = rng.NextDouble();
                        int v;
                        if (draw < moveAcross)
                        {
                            v = (int)rng.NextInt64(others);
                            v += v >= start ? perState : 0;
                        }
                        else if (draw < moveWithin)
                        {
                            v = start + (int)((local + half + 1 + rng.NextInt64(outside)) % perState);
                        }
                        else
                        {
                            v = start + ((local + j) % perState);
                        }

                        sink.Add(u, v);
                    }
                }
            }
        }
    }

    private readonly struct ListedEdges((int A, int B)[] ties) : IEdgeGenerator
    {
        public void Generate<TSink>(Xoshiro256 rng, ref TSink sink)
            where TSink : struct, IEdgeSink
        {
            foreach (var (a, b) in ties)
            {
                sink.Add(a, b);
            }
        }
    }

    private readonly struct RandomEdges(int perState, int stateCount, int k, double crossBorderShare) : IEdgeGenerator
    {
        public void Generate<TSink>(Xoshiro256 rng, ref TSink sink)
            where TSink : struct, IEdgeSink
        {
            long edgesPerState = (long)perState * k / 2;
            int others = perState * (stateCount - 1);
            for (int s = 0; s < stateCount; s++)
            {
                int start = s * perState;
                for (long e = 0; e < edgesPerState; e++)
                {
                    int local = (int)rng.NextInt64(perState);
                    int v;
                    if (rng.NextDouble() < crossBorderShare)
                    {
                        v = (int)rng.NextInt64(others);
                        v += v >= start ? perState : 0;
                    }
                    else
                    {
                        int other = (int)rng.NextInt64(perState - 1);
                        v = start + other + (other >= local ? 1 : 0);
                    }

                    sink.Add(start + local, v);
                }
            }
        }
    }
}

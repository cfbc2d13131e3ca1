using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// The citizens of every state as columns of arrays (structure of arrays): citizen <c>i</c>
/// belongs to state <c>i / PerState</c>, so each state is one contiguous block. About 15 bytes
/// per citizen and trust layer; the social network is held apart in a <see cref="SocialNetwork"/>.
/// </summary>
/// <remarks>
/// Trust is directed: each citizen holds one trust value toward each actor its state relates
/// to (its <see cref="TargetsOf">targets</see>), in <see cref="Layers"/> arrays: layer
/// <c>k</c> of a citizen of state <c>s</c> is its trust toward <c>TargetsOf(s)[k]</c>. With two
/// states there is one layer, each public's trust in the other. A state with fewer targets than
/// there are layers leaves its block of the extra layers unused.
/// </remarks>
public sealed class CitizenPopulation
{
    /// <summary>
    /// Concentration <c>alpha + beta</c> of the Beta distribution of media exposure: with mean
    /// 0.6 it gives an SD of about 0.22, so some citizens follow the news closely and some hardly.
    /// </summary>
    public const double ExposureConcentration = 4.0;

    /// <summary>Citizens drawn from one counter stream when a population is created.</summary>
    public const int CreationChunk = 65_536;

    private readonly float[][] _trust;
    private readonly ushort[][] _ties;
    private readonly int[][] _targets;
    private readonly int[] _layerOf;
    private float[] _scratch;

    /// <summary>
    /// Creates a population with every value zero and no flag set, and one trust layer: each
    /// citizen's trust toward the other states together (every cross-border tie counts in it).
    /// </summary>
    /// <param name="perState">Citizens per state, at least 1.</param>
    /// <param name="stateCount">Number of states, at least 1.</param>
    public CitizenPopulation(int perState, int stateCount)
        : this(perState, stateCount, null)
    {
    }

    /// <summary>
    /// Creates a population with every value zero and no flag set, whose citizens hold trust
    /// toward the actors <paramref name="targets"/> names for their state.
    /// </summary>
    /// <param name="perState">Citizens per state, at least 1.</param>
    /// <param name="stateCount">Number of states, at least 1.</param>
    /// <param name="targets">
    /// For each state, the actors its citizens hold trust toward, as actor indices (the states
    /// are actors 0 to <paramref name="stateCount"/> - 1; non-state parties follow them), each
    /// at least one; null for one layer toward the other states together.
    /// </param>
    public CitizenPopulation(int perState, int stateCount, int[][]? targets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perState, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateCount, 1);
        long count = (long)perState * stateCount;
        if (count > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(perState), perState, $"At most {Array.MaxLength} citizens in all: {perState} per state for {stateCount} states is too many.");
        }

        PerState = perState;
        StateCount = stateCount;
        Count = (int)count;
        _layerOf = new int[stateCount * stateCount];
        if (targets is null)
        {
            _targets = [.. Enumerable.Range(0, stateCount).Select(s => Enumerable.Range(0, stateCount).Where(t => t != s).ToArray())];
            Array.Fill(_layerOf, 0);
            Layers = 1;
        }
        else
        {
            if (targets.Length != stateCount || targets.Any(t => t.Length == 0))
            {
                throw new ArgumentException($"Expected at least one target for each of the {stateCount} states.", nameof(targets));
            }

            _targets = [.. targets.Select(t => (int[])t.Clone())];
            Array.Fill(_layerOf, -1);
            for (int s = 0; s < stateCount; s++)
            {
                for (int k = 0; k < _targets[s].Length; k++)
                {
                    int t = _targets[s][k];
                    if (t == s || t < 0)
                    {
                        throw new ArgumentException($"State {s} cannot hold trust toward actor {t}.", nameof(targets));
                    }

                    if (t < stateCount)
                    {
                        _layerOf[(s * stateCount) + t] = k;
                    }
                }
            }

            Layers = _targets.Max(t => t.Length);
        }

        _trust = new float[Layers][];
        _ties = new ushort[Layers][];
        for (int k = 0; k < Layers; k++)
        {
            _trust[k] = new float[Count];
            _ties[k] = new ushort[Count];
        }

        _scratch = new float[Count];
        Flags = new byte[Count];
        Exposure = new float[Count];
    }

    /// <summary>Trust layers: the most actors any state's citizens hold trust toward.</summary>
    public int Layers { get; }

    /// <summary>The actors (indices) the citizens of a state hold trust toward, in layer order.</summary>
    public ReadOnlySpan<int> TargetsOf(int state) => _targets[state];

    /// <summary>The layer in which citizens of state <paramref name="state"/> hold trust toward state <paramref name="target"/>, or -1.</summary>
    public int LayerOf(int state, int target) => target < StateCount ? _layerOf[(state * StateCount) + target] : Array.IndexOf(_targets[state], target);

    /// <summary>Trust of every citizen in layer <paramref name="layer"/> (see the remarks on the class), in [0,1].</summary>
    /// <remarks>Read it afresh after a rule has run: a synchronous rule swaps it with <see cref="Scratch"/>.</remarks>
    public float[] TrustIn(int layer) => _trust[layer];

    /// <summary>
    /// Cross-border ties in layer <paramref name="layer"/> that are active: those to citizens of
    /// the layer's target state who are not dormant; zero for a dormant citizen.
    /// </summary>
    public ushort[] ActiveTiesIn(int layer) => _ties[layer];

    /// <summary>Number of citizens over all states.</summary>
    public int Count { get; }

    /// <summary>Citizens per state.</summary>
    public int PerState { get; }

    /// <summary>Number of states, in the scenario's order.</summary>
    public int StateCount { get; }

    /// <summary>Trust in the first layer (with two states, in the other nation), in [0,1].</summary>
    /// <remarks>
    /// A synchronous rule writes the new trust into <see cref="Scratch"/> and then swaps the two
    /// arrays (<see cref="SwapTrustAndScratch(int)"/>) rather than copying, so read this property
    /// afresh after a rule has run instead of keeping the array it returned before.
    /// </remarks>
    public float[] Trust => _trust[0];

    /// <summary>Working space for synchronous updates; its content between rule calls means nothing.</summary>
    public float[] Scratch => _scratch;

    /// <summary>
    /// Makes the scratch array the trust array and the other way round: how a synchronous rule
    /// that has written every citizen's new trust into <see cref="Scratch"/> commits it,
    /// without copying. The old trust is left in <see cref="Scratch"/>, untouched.
    /// </summary>
    internal void SwapTrustAndScratch() => SwapTrustAndScratch(0);

    /// <summary>Makes the scratch array the trust array of <paramref name="layer"/> and the other way round.</summary>
    internal void SwapTrustAndScratch(int layer) => (_trust[layer], _scratch) = (_scratch, _trust[layer]);

    /// <summary>The <see cref="CitizenTraits"/> of each citizen as bytes.</summary>
    public byte[] Flags { get; }

    /// <summary>Media exposure in [0,1]: the share of a media shock the citizen takes in.</summary>
    public float[] Exposure { get; }

    /// <summary>
    /// Cross-border ties in the first layer that are active: zero for a dormant citizen,
    /// otherwise the ties to citizens of the layer's target (with one layer toward the others
    /// together, of any other state) who are not dormant. Set by <see cref="CountCrossBorderTies"/>
    /// and kept current by <see cref="Turnover"/>.
    /// </summary>
    public ushort[] ActiveCrossBorderTies => _ties[0];

    /// <summary>The state (index in the scenario's order) of a citizen.</summary>
    public int StateOf(int citizen) => citizen / PerState;

    /// <summary>The citizens of one state.</summary>
    public Range StateRange(int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(state, StateCount);
        return new Range(state * PerState, (state + 1) * PerState);
    }

    /// <summary>Whether a citizen has a flag.</summary>
    public bool Has(int citizen, CitizenTraits flag) => (Flags[citizen] & (byte)flag) != 0;

    /// <summary>
    /// Draws a population: trust from each state's initial Beta distribution, the shared
    /// language with probability <see cref="CitizenSpec.SharedLanguage"/>, and media exposure
    /// from a Beta distribution with mean <paramref name="meanExposure"/> and concentration
    /// <see cref="ExposureConcentration"/>. Nobody is dormant at the start.
    /// </summary>
    /// <remarks>
    /// One number is taken from <paramref name="rng"/>; each block of <see cref="CreationChunk"/>
    /// citizens then draws from its own counter stream keyed by that number and the block's
    /// index, so large populations are drawn on several threads with the same result.
    /// </remarks>
    /// <param name="spec">The citizen layer of the scenario.</param>
    /// <param name="stateIds">The state ids in the scenario's order; their number is the number of states.</param>
    /// <param name="meanExposure">Mean media exposure in [0,1].</param>
    /// <param name="rng">The citizens' random stream.</param>
    public static CitizenPopulation Create(CitizenSpec spec, IReadOnlyList<string> stateIds, double meanExposure, Xoshiro256 rng)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stateIds);
        ArgumentNullException.ThrowIfNull(rng);
        RequireExposure(meanExposure);
        return Create(spec, stateIds, meanExposure, rng.NextUInt64());
    }

    /// <summary>
    /// Draws a population as <see cref="Create(CitizenSpec, IReadOnlyList{string}, double, Xoshiro256)"/>
    /// does with the number it takes from its stream already drawn: <paramref name="seed"/>.
    /// </summary>
    /// <remarks>
    /// The engine draws the number itself, so that it knows the state of the stream the network
    /// is then built from without looking inside the generator (see <see cref="Model.NetworkCache"/>).
    /// </remarks>
    internal static CitizenPopulation Create(CitizenSpec spec, IReadOnlyList<string> stateIds, double meanExposure, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(stateIds);
        return Create(spec, stateIds, [.. stateIds.Select(_ => meanExposure)], seed);
    }

    /// <summary>
    /// Draws a population whose media exposure has a mean of its own in each state (how widely a
    /// public follows the news); with the same mean for every state, the population of
    /// <see cref="Create(CitizenSpec, IReadOnlyList{string}, double, ulong)"/>.
    /// </summary>
    /// <param name="spec">The citizen layer of the scenario.</param>
    /// <param name="stateIds">The state ids in the scenario's order.</param>
    /// <param name="meanExposure">Mean media exposure of each state's citizens, one per state, each in [0,1].</param>
    /// <param name="seed">The number taken from the citizens' random stream.</param>
    internal static CitizenPopulation Create(CitizenSpec spec, IReadOnlyList<string> stateIds, double[] meanExposure, ulong seed) =>
        Create(spec, stateIds, null, meanExposure, seed);

    /// <summary>
    /// Draws a population whose citizens hold trust toward the actors <paramref name="targets"/>
    /// names: the first layer as <see cref="Create(CitizenSpec, IReadOnlyList{string}, double[], ulong)"/>
    /// draws it (so with one layer the populations are the same), every further layer after the
    /// citizen's other values, each from the directed pair's initial distribution
    /// (<see cref="CitizenSpec.TrustOf(string, string)"/>).
    /// </summary>
    /// <param name="spec">The citizen layer of the scenario.</param>
    /// <param name="actorIds">The ids of every actor: the states first (their number is the number of states given by <paramref name="meanExposure"/>), then the non-state parties.</param>
    /// <param name="targets">For each state, the actors its citizens hold trust toward (see <see cref="CitizenPopulation(int, int, int[][])"/>); null for one layer toward the others together.</param>
    /// <param name="meanExposure">Mean media exposure of each state's citizens, one per state, each in [0,1].</param>
    /// <param name="seed">The number taken from the citizens' random stream.</param>
    internal static CitizenPopulation Create(CitizenSpec spec, IReadOnlyList<string> actorIds, int[][]? targets, double[] meanExposure, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(meanExposure);
        int stateCount = targets?.Length ?? actorIds.Count;
        if (meanExposure.Length != stateCount || actorIds.Count < stateCount)
        {
            throw new ArgumentException($"Expected one mean exposure per state ({stateCount}), got {meanExposure.Length}.", nameof(meanExposure));
        }

        foreach (double mean in meanExposure)
        {
            RequireExposure(mean);
        }

        var population = new CitizenPopulation(spec.PerState, stateCount, targets);

        // distributions[s][k]: the initial trust of state s's citizens in layer k.
        var distributions = new TrustDistribution[stateCount][];
        for (int s = 0; s < stateCount; s++)
        {
            distributions[s] = targets is null
                ? [spec.TrustOf(actorIds[s])]
                : [.. targets[s].Select(t => spec.TrustOf(actorIds[s], actorIds[t]))];
        }

        // Beta shapes with concentration alpha + beta = ExposureConcentration give this SD.
        double[] exposureSd = [.. meanExposure.Select(m => Math.Sqrt(m * (1 - m) / (ExposureConcentration + 1)))];
        int chunks = (int)(((long)population.Count + CreationChunk - 1) / CreationChunk);
        void Fill(int chunk)
        {
            var stream = new CounterStream(StableHash.Combine(seed, (ulong)chunk));
            int end = (int)Math.Min((long)(chunk + 1) * CreationChunk, population.Count);
            for (int i = chunk * CreationChunk; i < end; i++)
            {
                int state = population.StateOf(i);
                var layers = distributions[state];
                population.Trust[i] = (float)BetaSampler.Sample(ref stream, layers[0].Mean, layers[0].Sd);
                population.Flags[i] = stream.NextDouble() < spec.SharedLanguage ? (byte)CitizenTraits.SharedLanguage : (byte)0;
                population.Exposure[i] = (float)BetaSampler.Sample(ref stream, meanExposure[state], exposureSd[state]);
                for (int k = 1; k < layers.Length; k++)
                {
                    population._trust[k][i] = (float)BetaSampler.Sample(ref stream, layers[k].Mean, layers[k].Sd);
                }
            }
        }

        // Each chunk draws from its own stream, so where it runs does not change a value. A
        // single chunk (up to 65,536 citizens) runs on the calling thread: handing it to the
        // thread pool cost more than drawing a small population.
        if (chunks == 1)
        {
            Fill(0);
        }
        else
        {
            Parallel.For(0, chunks, Fill);
        }

        return population;
    }

    private static void RequireExposure(double meanExposure)
    {
        if (!(meanExposure >= 0 && meanExposure <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(meanExposure), meanExposure, "The mean exposure must be in [0,1].");
        }
    }

    /// <summary>
    /// Counts each citizen's active cross-border ties in <paramref name="network"/> into
    /// <see cref="ActiveTiesIn"/> of each layer (capped at 65535). Call it once the network is
    /// built; a well-mixed network has no ties, so every count is zero.
    /// </summary>
    public void CountCrossBorderTies(SocialNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        RequireMatching(network);
        foreach (var ties in _ties)
        {
            Array.Clear(ties);
        }

        if (network.IsWellMixed)
        {
            return;
        }

        for (int i = 0; i < Count; i++)
        {
            CountActiveCrossBorderTies(network, i);
        }
    }

    /// <summary>Throws unless the network has the same states and citizens as this population.</summary>
    internal void RequireMatching(SocialNetwork network)
    {
        if (network.PerState != PerState || network.StateCount != StateCount)
        {
            throw new ArgumentException(
                $"The network has {network.StateCount} states of {network.PerState} citizens; the population has {StateCount} of {PerState}.",
                nameof(network));
        }
    }

    /// <summary>
    /// Counts the active cross-border ties of one citizen from the network and the dormant
    /// flags into each layer's <see cref="ActiveTiesIn"/>: a tie to a citizen of state t counts
    /// in the layer of t (a tie to a state the citizen's state has no relations with counts nowhere).
    /// </summary>
    internal void CountActiveCrossBorderTies(SocialNetwork network, int citizen)
    {
        const byte dormant = (byte)CitizenTraits.CrossBorderDormant;
        for (int k = 0; k < Layers; k++)
        {
            _ties[k][citizen] = 0;
        }

        if ((Flags[citizen] & dormant) != 0)
        {
            return;
        }

        int state = StateOf(citizen);
        int blockStart = state * PerState;
        int end = network.Offsets[citizen + 1];
        for (int e = network.Offsets[citizen]; e < end; e++)
        {
            int j = network.Targets[e];
            if ((uint)(j - blockStart) >= (uint)PerState && (Flags[j] & dormant) == 0)
            {
                int layer = _layerOf[(state * StateCount) + StateOf(j)];
                if (layer >= 0 && _ties[layer][citizen] < ushort.MaxValue)
                {
                    _ties[layer][citizen]++;
                }
            }
        }
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// The citizens of every state as columns of arrays (structure of arrays): citizen <c>i</c>
/// belongs to state <c>i / PerState</c>, so each state is one contiguous block. About 15 bytes
/// per citizen; the social network is held apart in a <see cref="SocialNetwork"/>.
/// </summary>
public sealed class CitizenPopulation
{
    /// <summary>
    /// Concentration <c>alpha + beta</c> of the Beta distribution of media exposure: with mean
    /// 0.6 it gives an SD of about 0.22, so some citizens follow the news closely and some hardly.
    /// </summary>
    public const double ExposureConcentration = 4.0;

    /// <summary>Citizens drawn from one counter stream when a population is created.</summary>
    public const int CreationChunk = 65_536;

    private float[] _trust;
    private float[] _scratch;

    /// <summary>Creates a population with every value zero and no flag set.</summary>
    /// <param name="perState">Citizens per state, at least 1.</param>
    /// <param name="stateCount">Number of states, at least 1.</param>
    public CitizenPopulation(int perState, int stateCount)
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
        _trust = new float[Count];
        _scratch = new float[Count];
        Flags = new byte[Count];
        Exposure = new float[Count];
        ActiveCrossBorderTies = new ushort[Count];
    }

    /// <summary>Number of citizens over all states.</summary>
    public int Count { get; }

    /// <summary>Citizens per state.</summary>
    public int PerState { get; }

    /// <summary>Number of states, in the scenario's order.</summary>
    public int StateCount { get; }

    /// <summary>Trust in the other nation, in [0,1].</summary>
    /// <remarks>
    /// A synchronous rule writes the new trust into <see cref="Scratch"/> and then swaps the two
    /// arrays (<see cref="SwapTrustAndScratch"/>) rather than copying, so read this property
    /// afresh after a rule has run instead of keeping the array it returned before.
    /// </remarks>
    public float[] Trust => _trust;

    /// <summary>Working space for synchronous updates; its content between rule calls means nothing.</summary>
    public float[] Scratch => _scratch;

    /// <summary>
    /// Makes the scratch array the trust array and the other way round: how a synchronous rule
    /// that has written every citizen's new trust into <see cref="Scratch"/> commits it,
    /// without copying. The old trust is left in <see cref="Scratch"/>, untouched.
    /// </summary>
    internal void SwapTrustAndScratch() => (_trust, _scratch) = (_scratch, _trust);

    /// <summary>The <see cref="CitizenTraits"/> of each citizen as bytes.</summary>
    public byte[] Flags { get; }

    /// <summary>Media exposure in [0,1]: the share of a media shock the citizen takes in.</summary>
    public float[] Exposure { get; }

    /// <summary>
    /// Cross-border ties that are active: zero for a dormant citizen, otherwise the ties to
    /// citizens of other states who are not dormant. Set by <see cref="CountCrossBorderTies"/>
    /// and kept current by <see cref="Turnover"/>.
    /// </summary>
    public ushort[] ActiveCrossBorderTies { get; }

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
    internal static CitizenPopulation Create(CitizenSpec spec, IReadOnlyList<string> stateIds, double[] meanExposure, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stateIds);
        ArgumentNullException.ThrowIfNull(meanExposure);
        if (meanExposure.Length != stateIds.Count)
        {
            throw new ArgumentException($"Expected one mean exposure per state ({stateIds.Count}), got {meanExposure.Length}.", nameof(meanExposure));
        }

        foreach (double mean in meanExposure)
        {
            RequireExposure(mean);
        }

        var population = new CitizenPopulation(spec.PerState, stateIds.Count);
        var trust = stateIds.Select(spec.TrustOf).ToArray();

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
                var distribution = trust[state];
                population.Trust[i] = (float)BetaSampler.Sample(ref stream, distribution.Mean, distribution.Sd);
                population.Flags[i] = stream.NextDouble() < spec.SharedLanguage ? (byte)CitizenTraits.SharedLanguage : (byte)0;
                population.Exposure[i] = (float)BetaSampler.Sample(ref stream, meanExposure[state], exposureSd[state]);
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
    /// <see cref="ActiveCrossBorderTies"/> (capped at 65535). Call it once the network is built;
    /// a well-mixed network has no ties, so every count is zero.
    /// </summary>
    public void CountCrossBorderTies(SocialNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        RequireMatching(network);
        if (network.IsWellMixed)
        {
            Array.Clear(ActiveCrossBorderTies);
            return;
        }

        for (int i = 0; i < Count; i++)
        {
            ActiveCrossBorderTies[i] = CountActiveCrossBorderTies(network, i);
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

    /// <summary>The active cross-border ties of one citizen, counted from the network and the dormant flags.</summary>
    internal ushort CountActiveCrossBorderTies(SocialNetwork network, int citizen)
    {
        const byte dormant = (byte)CitizenTraits.CrossBorderDormant;
        if ((Flags[citizen] & dormant) != 0)
        {
            return 0;
        }

        int blockStart = citizen - (citizen % PerState);
        int count = 0;
        int end = network.Offsets[citizen + 1];
        for (int e = network.Offsets[citizen]; e < end; e++)
        {
            int j = network.Targets[e];
            if ((uint)(j - blockStart) >= (uint)PerState && (Flags[j] & dormant) == 0)
            {
                count++;
            }
        }

        return (ushort)Math.Min(count, ushort.MaxValue);
    }
}

using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Model;

/// <summary>
/// The citizens of a run: the population and its network, with the per-state buffers the
/// citizen rules share and those into which each rule reads its parameters of a state once per
/// step (so a step allocates nothing). The rules themselves (CIT-INFLUENCE, CIT-NOISE, CIT-MEDIA, CIT-CONTACT,
/// T2-OUTREACH, CIT-TURNOVER, CIT-PUBLIC) live in <c>Rules/</c> and call the kernels of
/// <c>Citizens/</c> on this state.
/// </summary>
internal sealed class CitizenLayer
{
    /// <param name="world">The run's world (its states and seeds).</param>
    /// <param name="meanExposure">Mean media exposure of each state's citizens, one per state.</param>
    /// <param name="threads">Threads for the citizen rules: 0 lets them choose, 1 keeps them on the calling thread.</param>
    /// <param name="networks">Networks shared with the other runs of an ensemble; null builds the run's own.</param>
    public CitizenLayer(World world, double[] meanExposure, int threads, NetworkCache? networks)
    {
        var spec = world.Scenario.Citizens;
        var rng = new Xoshiro256(world.CitizenSeed);
        string[] actors = [.. world.States.Select(s => s.Id)];

        // The states with citizens come first among the actors; non-state parties have none.
        int publics = world.Scenario.PublicCount;
        string[] ids = actors[..publics];
        int[][] targets = [.. Enumerable.Range(0, publics).Select(world.Scenario.TargetsOf)];
        Actors = actors.Length;

        // The population takes exactly one number from the stream, whatever its parameters, so
        // the network below is drawn from a state fixed by the seed alone (what NetworkCache relies on).
        Population = CitizenPopulation.Create(spec, actors, targets, meanExposure[..publics], rng.NextUInt64());
        Network = networks is null
            ? SocialNetwork.Build(spec.Network, spec.PerState, ids.Length, rng)
            : networks.Take(NetworkCache.KeyOf(world.Scenario, world.CitizenSeed), spec.Network, rng);
        Population.CountCrossBorderTies(Network);
        int n = ids.Length;
        int layers = Population.Layers;
        Mean = new double[n * layers];
        Sd = new double[n * layers];
        Hostile = new double[n * layers];
        InitialSd = new double[n * layers];
        for (int k = 0; k < layers; k++)
        {
            for (int s = 0; s < n; s++)
            {
                var own = Population.TargetsOf(s);
                InitialSd[(k * n) + s] = k < own.Length ? spec.TrustOf(ids[s], actors[own[k]]).Sd : spec.TrustOf(ids[s]).Sd;
            }
        }

        TrustToward = new double[n, Actors];
        LayerValues = new double[n];
        Bound = new double[n];
        Rounds = new int[n];
        NoiseSd = new double[n];
        Replace = new double[n];
        ContactRate = new double[n];
        ContactEffect = new double[n];
        Threads = threads;
    }

    /// <summary>The citizens.</summary>
    public CitizenPopulation Population { get; }

    /// <summary>Their social network.</summary>
    public SocialNetwork Network { get; }

    /// <summary>The number of actors (states, then non-state parties); the citizens' states are the first <see cref="CitizenPopulation.StateCount"/>.</summary>
    public int Actors { get; }

    /// <summary>Mean trust per state and trust layer, layer-major (scratch for the summary and turnover).</summary>
    public double[] Mean { get; }

    /// <summary>SD of trust per state and trust layer, layer-major (scratch for the summary).</summary>
    public double[] Sd { get; }

    /// <summary>Hostile share per state and trust layer, layer-major (scratch for the summary).</summary>
    public double[] Hostile { get; }

    /// <summary>The SD of each state's initial trust distribution in each layer, layer-major, which new cohorts keep.</summary>
    public double[] InitialSd { get; }

    /// <summary>Mean trust of each state's citizens toward each actor they relate to ([state, actor]; 0 where they hold none), set by <see cref="Summarize"/>.</summary>
    public double[,] TrustToward { get; }

    /// <summary>One value per state: working space for a rule that fills one layer's inputs at a time.</summary>
    public double[] LayerValues { get; }

    /// <summary>
    /// The value of each state's citizens in trust layer <paramref name="layer"/>, read from a
    /// per-pair array (<c>[state, actor]</c>) at the layer's target, 0 for a state with fewer
    /// targets; written into <see cref="LayerValues"/>, which it returns.
    /// </summary>
    public double[] InLayer(double[,] byPair, int layer)
    {
        ArgumentNullException.ThrowIfNull(byPair);
        for (int s = 0; s < Population.StateCount; s++)
        {
            var targets = Population.TargetsOf(s);
            LayerValues[s] = layer < targets.Length ? byPair[s, targets[layer]] : 0;
        }

        return LayerValues;
    }

    /// <summary>
    /// The index by which a reader of a public metric names the directed pair (state, target):
    /// past the actors' own indices, so a reader tells a state's subject from a pair's.
    /// </summary>
    public int PairCode(int state, int target) => Actors + (state * Actors) + target;

    /// <summary>
    /// The <c>public_trust</c> of a subject index: a state's public trust for an index below
    /// <see cref="Actors"/>, else the mean trust of the pair <see cref="PairCode"/> encoded.
    /// </summary>
    public double ReadPublicTrust(StateRuntime[] states, int code)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (code < Actors)
        {
            return states[code].PublicTrust;
        }

        int pair = code - Actors;
        return TrustToward[pair / Actors, pair % Actors];
    }

    /// <summary>Confidence bound of each state's public in this step (CIT-INFLUENCE).</summary>
    public double[] Bound { get; }

    /// <summary>Influence rounds of each state's public in this step (CIT-INFLUENCE).</summary>
    public int[] Rounds { get; }

    /// <summary>SD of the noise on each state's citizens in this step (CIT-NOISE).</summary>
    public double[] NoiseSd { get; }

    /// <summary>Chance that a citizen of each state is replaced in this step (CIT-TURNOVER).</summary>
    public double[] Replace { get; }

    /// <summary>Contacts per year per unit of link strength or tie of each state's citizens (CIT-CONTACT).</summary>
    public double[] ContactRate { get; }

    /// <summary>Trust gained per positive contact by each state's citizens (CIT-CONTACT).</summary>
    public double[] ContactEffect { get; }

    /// <summary>Threads for the citizen rules.</summary>
    public int Threads { get; }

    /// <summary>
    /// Writes the public-opinion summaries of every state into the world's states and
    /// <see cref="TrustToward"/>: for each actor a state relates to, its citizens' mean trust
    /// toward it; the state's public trust, polarization and hostile share are the means of
    /// those over the actors (with two states, one layer: the values of that layer).
    /// </summary>
    public void Summarize(StateRuntime[] states)
    {
        int n = Population.StateCount;
        for (int k = 0; k < Population.Layers; k++)
        {
            CitizenMetrics.Compute(Population, k, Mean.AsSpan(k * n, n), Sd.AsSpan(k * n, n), Hostile.AsSpan(k * n, n), Threads);
        }

        for (int s = 0; s < n; s++)
        {
            var targets = Population.TargetsOf(s);
            double trust = 0;
            double sd = 0;
            double hostile = 0;
            for (int k = 0; k < targets.Length; k++)
            {
                int at = (k * n) + s;
                TrustToward[s, targets[k]] = Mean[at];
                trust += Mean[at];
                sd += Sd[at];
                hostile += Hostile[at];
            }

            states[s].PublicTrust = trust / targets.Length;
            states[s].Polarization = sd / targets.Length;
            states[s].HostileShare = hostile / targets.Length;
        }
    }

    /// <summary>
    /// The mean trust of state <paramref name="state"/>'s citizens toward actor
    /// <paramref name="target"/> as last summarized; the state's public trust toward every actor
    /// it relates to when it holds none toward this one, and 0 for an actor without citizens (a
    /// non-state party has no public in the model, so no peace constituency either).
    /// </summary>
    public double PublicTrust(StateRuntime[] states, int state, int target)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (state >= Population.StateCount)
        {
            return 0;
        }

        return Population.LayerOf(state, target) >= 0 ? TrustToward[state, target] : states[state].PublicTrust;
    }
}

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
        string[] ids = [.. world.States.Select(s => s.Id)];

        // The population takes exactly one number from the stream, whatever its parameters, so
        // the network below is drawn from a state fixed by the seed alone (what NetworkCache relies on).
        Population = CitizenPopulation.Create(spec, ids, meanExposure, rng.NextUInt64());
        Network = networks is null
            ? SocialNetwork.Build(spec.Network, spec.PerState, ids.Length, rng)
            : networks.Take(NetworkCache.KeyOf(world.Scenario, world.CitizenSeed), spec.Network, rng);
        Population.CountCrossBorderTies(Network);
        int n = ids.Length;
        Mean = new double[n];
        Sd = new double[n];
        Hostile = new double[n];
        InitialSd = [.. ids.Select(id => spec.TrustOf(id).Sd)];
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

    /// <summary>Mean trust per state (scratch for the summary and turnover).</summary>
    public double[] Mean { get; }

    /// <summary>SD of trust per state (scratch for the summary).</summary>
    public double[] Sd { get; }

    /// <summary>Hostile share per state (scratch for the summary).</summary>
    public double[] Hostile { get; }

    /// <summary>The SD of each state's initial trust distribution, which new cohorts keep.</summary>
    public double[] InitialSd { get; }

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

    /// <summary>Writes the public-opinion summaries of every state into the world's states.</summary>
    public void Summarize(StateRuntime[] states)
    {
        CitizenMetrics.Compute(Population, Mean, Sd, Hostile);
        for (int s = 0; s < states.Length; s++)
        {
            states[s].PublicTrust = Mean[s];
            states[s].Polarization = Sd[s];
            states[s].HostileShare = Hostile[s];
        }
    }
}

using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Engine;

/// <summary>
/// Step 6 of the model: the citizens of a run. Holds the population and its network, and calls
/// the citizen rules (CIT-INFLUENCE, CIT-MEDIA, CIT-CONTACT, T2-OUTREACH on citizens,
/// CIT-TURNOVER) with this step's inputs from the world.
/// </summary>
internal sealed class CitizenLayer
{
    private readonly CitizenPopulation _population;
    private readonly SocialNetwork _network;
    private readonly double[] _mean;
    private readonly double[] _sd;
    private readonly double[] _hostile;
    private readonly double[] _initialSd;
    private readonly int _threads;

    /// <param name="world">The run's world.</param>
    /// <param name="threads">Threads for the citizen rules: 0 lets them choose, 1 keeps them on the calling thread.</param>
    /// <param name="networks">Networks shared with the other runs of an ensemble; null builds the run's own.</param>
    public CitizenLayer(World world, int threads, NetworkCache? networks = null)
    {
        var spec = world.Scenario.Citizens;
        var rng = new Xoshiro256(world.CitizenSeed);
        string[] ids = [.. world.States.Select(s => s.Id)];

        // The population takes exactly one number from the stream, whatever its parameters, so
        // the network below is drawn from a state fixed by the seed alone (what NetworkCache relies on).
        _population = CitizenPopulation.Create(spec, ids, world.P.MediaExposure, rng.NextUInt64());
        _network = networks is null
            ? SocialNetwork.Build(spec.Network, spec.PerState, ids.Length, rng)
            : networks.Take(NetworkCache.KeyOf(world.Scenario, world.CitizenSeed), spec.Network, rng);
        _population.CountCrossBorderTies(_network);
        int n = ids.Length;
        _mean = new double[n];
        _sd = new double[n];
        _hostile = new double[n];
        _initialSd = [.. ids.Select(id => spec.TrustOf(id).Sd)];
        _threads = threads;
    }

    /// <summary>Runs the citizen rules of one step.</summary>
    public void Step(World world)
    {
        var p = world.P;
        if (world.On("social_influence"))
        {
            // Interactions per step are rate·Δt; the fractional part is drawn so the yearly rate holds on average.
            double expected = p.InfluenceRate * world.Dt;
            int rounds = (int)Math.Floor(expected);
            double fraction = expected - rounds;
            if (fraction > 0 && StableHash.ToUnit(StableHash.Combine(StableHash.Combine(world.InfluenceSeed, (ulong)world.Step), ulong.MaxValue)) < fraction)
            {
                rounds++;
            }

            SocialInfluence.Step(_population, _network, world.Scenario.Citizens.ConfidenceBound, p.InfluenceConvergence, rounds, world.InfluenceSeed, world.Step, _threads);
        }

        if (world.On("opinion_noise"))
        {
            OpinionNoise.Apply(_population, p.OpinionNoise * Math.Sqrt(world.Dt), world.NoiseSeed, world.Step);
        }

        if (world.On("media"))
        {
            // Coverage fades: a shock s is applied at once and taken back as it decays, so its
            // effect on trust halves every media.half_life years (Hill, Lo, Vavreck and Zaller
            // 2013 on the decay of media effects). Contact and outreach, by contrast, last.
            double memory = ModelParameters.Decay(p.MediaHalfLife, world.Dt);
            for (int s = 0; s < world.States.Length; s++)
            {
                double previous = world.MediaShock[s];
                world.MediaShock[s] = (previous * memory) + world.MediaDelta[s];
                world.MediaChange[s] = world.MediaShock[s] - previous;
            }

            Media.Apply(_population, world.MediaChange);
        }

        if (world.On("contact"))
        {
            for (int s = 0; s < world.States.Length; s++)
            {
                world.LinkStrength[s] = 0;
            }

            foreach (var dyad in world.Dyads)
            {
                double strength = world.ActiveStrength(dyad);
                world.LinkStrength[dyad.A] += strength;
                world.LinkStrength[dyad.B] += strength;
            }

            double allport = Contact.AllportFactor(p.EqualStatus, p.CommonGoals, p.Cooperation, p.InstitutionalSupport);
            Contact.Apply(_population, world.LinkStrength, p.ContactRate, world.Dt, p.ContactEffect, p.NegativeContactShare, allport);
        }

        if (world.On("outreach"))
        {
            Outreach.Apply(_population, world.OutreachPush);
        }

        if (world.On("turnover"))
        {
            var cohorts = world.Scenario.Citizens.Cohorts;
            double replace = 1 - Math.Pow(1 - cohorts.Turnover, world.Dt);
            // Turnover reads only the means; the SD and hostile share wait for Summarize.
            CitizenMetrics.Means(_population, _mean);
            Turnover.Apply(_population, _network, replace, cohorts, _mean, _initialSd, world.TurnoverSeed, world.Step);
        }

        Summarize(world);
    }

    /// <summary>Writes the public-opinion metrics of every state into the world.</summary>
    public void Summarize(World world)
    {
        CitizenMetrics.Compute(_population, _mean, _sd, _hostile);
        for (int s = 0; s < world.States.Length; s++)
        {
            world.States[s].PublicTrust = _mean[s];
            world.States[s].Polarization = _sd[s];
            world.States[s].HostileShare = _hostile[s];
        }
    }
}

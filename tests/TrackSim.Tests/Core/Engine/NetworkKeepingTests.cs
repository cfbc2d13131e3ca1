using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// A cache that keeps networks across ensembles (the points of a sweep, the particles of a
/// calibration with common random numbers) hands the same network to every run that would draw
/// it, stays within its bound, and changes no result.
/// </summary>
public sealed class NetworkKeepingTests
{
    private static readonly string Yaml = """
        calendar: { start: 2000-01, end: 2001-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads: [ { states: [AA, BB], tension: 0.4 } ]
        citizens: { per_state: 300, network: { mean_degree: 6 } }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 3 months
            participants:
              - { state: AA, role: journalist, count: 2 }
              - { state: BB, role: academic, count: 2 }
        events:
          - { id: clash, date: 2000-09, kind: crisis, severity: 0.8, actors: [AA, BB] }
        ensemble: { replicates: 2, seed: 7 }
        """;

    private static long[] Bits(IEnumerable<RunResult> runs) =>
        [.. runs.SelectMany(r => r.Series.SelectMany(s => s.Values)).Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>The scenario with a media effect of its own, as a calibration's particle has (it leaves the network alone).</summary>
    private static Scenario Particle(double mediaEffect) =>
        EngineScenarios.Load(Yaml + $"\nparameters: {{ media: {{ effect: {mediaEffect.ToString("R", CultureInfo.InvariantCulture)} }} }}\n");

    [Test]
    public void A_keeping_cache_hands_the_same_network_to_ensembles_that_announced_nothing()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var key = NetworkCache.KeyOf(scenario, 42);
        var cache = new NetworkCache(NetworkCache.SharedKeepBytes);
        cache.Expect(key);
        var first = cache.Take(key, scenario.Citizens.Network, Advanced(42));
        var second = cache.Take(key, scenario.Citizens.Network, Advanced(42));
        var third = cache.Take(key, scenario.Citizens.Network, Advanced(42));
        var alone = SocialNetwork.Build(scenario.Citizens.Network, scenario.Citizens.PerState, 2, Advanced(42));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(third, Is.SameAs(first));
            Assert.That(cache.Held, Is.EqualTo(1));
            Assert.That(cache.KeptBytes, Is.EqualTo(NetworkCache.BytesOf(first)));
            Assert.That(first.Offsets, Is.EqualTo(alone.Offsets));
            Assert.That(first.Targets, Is.EqualTo(alone.Targets));
        }
    }

    [Test]
    public void A_keeping_cache_forgets_the_oldest_networks_beyond_its_bound()
    {
        var scenario = EngineScenarios.Load(Yaml);
        long one = NetworkCache.BytesOf(SocialNetwork.Build(scenario.Citizens.Network, scenario.Citizens.PerState, 2, Advanced(1)));

        // Room for two networks of this size (the seed changes the ties' count only by the repeats dropped, a few per cent).
        var cache = new NetworkCache((2 * one) + (one / 2));
        var network = scenario.Citizens.Network;
        var first = cache.Take(NetworkCache.KeyOf(scenario, 1), network, Advanced(1));
        _ = cache.Take(NetworkCache.KeyOf(scenario, 2), network, Advanced(2));
        _ = cache.Take(NetworkCache.KeyOf(scenario, 3), network, Advanced(3));
        int held = cache.Held;
        long kept = cache.KeptBytes;
        var again = cache.Take(NetworkCache.KeyOf(scenario, 1), network, Advanced(1));

        // A network larger than the whole bound is handed out but not kept.
        var tiny = new NetworkCache(16);
        _ = tiny.Take(NetworkCache.KeyOf(scenario, 1), network, Advanced(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.EqualTo(2));
            Assert.That(kept, Is.LessThanOrEqualTo((2 * one) + (one / 2)));
            Assert.That(again, Is.Not.SameAs(first), "the oldest network should have been forgotten");
            Assert.That(again.Targets, Is.EqualTo(first.Targets));
            Assert.That(tiny.Held, Is.Zero);
            Assert.That(tiny.KeptBytes, Is.Zero);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Ensembles_that_share_a_keeping_cache_equal_ensembles_with_their_own(int threads)
    {
        var cache = new NetworkCache(NetworkCache.SharedKeepBytes);
        double[] effects = [0.05, 0.2, 0.3];
        var shared = effects.Select(e => Ensemble.Run(Particle(e), new EnsembleOptions { Threads = threads, Networks = cache })).ToList();
        var own = effects.Select(e => Ensemble.Run(Particle(e), new EnsembleOptions { Threads = threads })).ToList();
        using (Assert.EnterMultipleScope())
        {
            // Two replicates: two networks, kept for all three particles.
            Assert.That(cache.Held, Is.EqualTo(2));
            Assert.That(Bits(shared.SelectMany(e => e.Runs)), Is.EqualTo(Bits(own.SelectMany(e => e.Runs))));
            Assert.That(shared.SelectMany(e => e.Runs).SelectMany(r => r.Log), Is.EqualTo(own.SelectMany(e => e.Runs).SelectMany(r => r.Log)));

            // The media effect reaches the results, so the particles are not the same run three times.
            Assert.That(Bits(shared[0].Runs), Is.Not.EqualTo(Bits(shared[2].Runs)));
        }
    }

    [Test]
    public void A_calibration_with_common_random_numbers_keeps_one_network_per_replicate_for_all_its_particles()
    {
        var targets = TargetsFile.Parse(TargetsFile.Header + "\na,level,tension,AA-BB,2001,,0.5,0.1,,src,why\n", "t.csv");
        UniformPrior[] priors = [new("parameters.media.effect", 0.02, 0.3)];
        Scenario At(ImmutableArray<double> values) => Particle(values[0]);
        var common = new ScenarioCalibration(priors, targets, At, replicates: 2, commonRandomNumbers: true, seed: 7);
        var own = new ScenarioCalibration(priors, targets, At, replicates: 2, commonRandomNumbers: false, seed: 7);
        double[][] particles = [[0.05], [0.2], [0.3]];
        double[] shared = [.. particles.Select(p => common.Simulator(p, 99))];
        double[] alone = [.. particles.Select(p => own.Simulator(p, 7))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(common.Networks!.Held, Is.EqualTo(2));
            Assert.That(own.Networks, Is.Null, "without common random numbers no two particles share a seed");
            Assert.That(shared.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(alone.Select(BitConverter.DoubleToInt64Bits)));
        }
    }

    /// <summary>A citizens' stream just after the population's number, as the network sees it.</summary>
    private static Xoshiro256 Advanced(ulong seed)
    {
        var rng = new Xoshiro256(seed);
        _ = rng.NextUInt64();
        return rng;
    }
}

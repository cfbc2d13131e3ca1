using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// The variants of a replicate share one citizens' network in an ensemble; the results are
/// bit for bit those of runs that each build their own.
/// </summary>
public sealed class NetworkSharingTests
{
    // Variants that change the population's parameters (media exposure), the events, the
    // initiatives and the lens; none may change the network or the results.
    private static readonly string Yaml = """
        calendar: { start: 2000-01, end: 2003-12 }
        states: [ { id: AA }, { id: BB }, { id: CC } ]
        citizens: { per_state: 400, network: { mean_degree: 6 } }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 3 months
            participants:
              - { state: AA, role: journalist, count: 2 }
              - { state: BB, role: former_military, count: 2 }
              - { state: CC, role: academic, count: 1 }
        events:
          - { id: clash, date: 2001-03, kind: crisis, severity: 0.8, actors: [AA, BB] }
        variants:
          - { name: calm, remove_events: [clash] }
          - { name: glued-to-the-news, parameters: { media: { exposure: 0.9 } } }
          - { name: no-talks, remove_initiatives: [talks] }
          - { name: realist, lens: realist }
        ensemble: { replicates: 3, seed: 11 }
        """;

    private static long[] Bits(IEnumerable<RunResult> runs) =>
        [.. runs.SelectMany(r => r.Series.SelectMany(s => s.Values)).Select(BitConverter.DoubleToInt64Bits)];

    [TestCase(1)]
    [TestCase(2)]
    public void An_ensemble_with_shared_networks_equals_runs_that_build_their_own(int threads)
    {
        var scenario = EngineScenarios.Load(Yaml);
        var shared = Ensemble.Run(scenario, new EnsembleOptions { Threads = threads });

        // Built one by one through the public constructor, which never shares.
        RunResult[] own =
        [
            .. scenario.VariantNames.SelectMany(v => Enumerable.Range(0, 3).Select(r => new Simulation(scenario.ForVariant(v), r, citizenThreads: 1).Run())),
        ];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shared.Runs.Select(r => (r.Variant, r.Replicate)), Is.EqualTo(own.Select(r => (r.Variant, r.Replicate))));
            Assert.That(Bits(shared.Runs), Is.EqualTo(Bits(own)));
            Assert.That(shared.Runs.SelectMany(r => r.Log), Is.EqualTo(own.SelectMany(r => r.Log)));
        }
    }

    [Test]
    public void The_population_takes_one_number_from_the_citizens_stream_whatever_its_exposure()
    {
        // The cache's key leaves the population's parameters out because of this.
        var spec = EngineScenarios.Load(Yaml).Citizens;
        foreach (double exposure in (double[])[0, 0.3, 0.9])
        {
            var used = new Xoshiro256(5);
            _ = CitizenPopulation.Create(spec, ["AA", "BB", "CC"], exposure, used);
            var skipped = new Xoshiro256(5);
            _ = skipped.NextUInt64();
            Assert.That(used.NextUInt64(), Is.EqualTo(skipped.NextUInt64()));
        }
    }

    [Test]
    public void The_cache_builds_a_network_once_and_forgets_it_when_its_last_run_has_taken_it()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var key = NetworkCache.KeyOf(scenario, 42);
        var cache = new NetworkCache();
        cache.Expect(key);
        cache.Expect(key);

        var first = cache.Take(key, scenario.Citizens.Network, Advanced(42));
        int heldBetween = cache.Held;
        var second = cache.Take(key, scenario.Citizens.Network, Advanced(42));
        var alone = SocialNetwork.Build(scenario.Citizens.Network, scenario.Citizens.PerState, 3, Advanced(42));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(heldBetween, Is.EqualTo(1));
            Assert.That(cache.Held, Is.Zero);
            Assert.That(first.Offsets, Is.EqualTo(alone.Offsets));
            Assert.That(first.Targets, Is.EqualTo(alone.Targets));
        }
    }

    [Test]
    public void Runs_that_differ_in_seed_or_network_do_not_share()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var denser = scenario with { Citizens = scenario.Citizens with { Network = scenario.Citizens.Network with { MeanDegree = 8 } } };
        var positiveZero = scenario with { Citizens = scenario.Citizens with { Network = scenario.Citizens.Network with { Rewiring = 0.0 } } };
        var negativeZero = scenario with { Citizens = scenario.Citizens with { Network = scenario.Citizens.Network with { Rewiring = -0.0 } } };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(NetworkCache.KeyOf(scenario, 1), Is.EqualTo(NetworkCache.KeyOf(scenario.ForVariant("glued-to-the-news"), 1)));
            Assert.That(NetworkCache.KeyOf(scenario, 1), Is.Not.EqualTo(NetworkCache.KeyOf(scenario, 2)));
            Assert.That(NetworkCache.KeyOf(scenario, 1), Is.Not.EqualTo(NetworkCache.KeyOf(denser, 1)));

            // Exact equality: doubles are compared by their bits.
            Assert.That(NetworkCache.KeyOf(negativeZero, 1), Is.Not.EqualTo(NetworkCache.KeyOf(positiveZero, 1)));
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

using TrackSim.Core.Engine;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Property 6 of the design: functional links raise public trust over the years and survive crises below their threshold.</summary>
public sealed class FunctionalSpilloverTests
{
    private static string Yaml(string links, string events = "") => $$"""
        calendar: { start: 2000-01, end: 2019-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads:
          - states: [AA, BB]
            tension: 0.3
            functional_links: {{links}}
        citizens: { per_state: 500 }
        events: {{(events.Length == 0 ? "[]" : events)}}
        ensemble: { replicates: 20, seed: 5 }
        """;

    [Test]
    public void Active_functional_links_raise_public_trust_over_the_years()
    {
        var with = Ensemble.Run(EngineScenarios.Load(Yaml("[ { id: river, sector: water, strength: 0.8, threshold: 0.99 } ]")), new EnsembleOptions { Threads = 2 });
        var without = Ensemble.Run(EngineScenarios.Load(Yaml("[]")), new EnsembleOptions { Threads = 2 });

        // Paired by replicate (same seed, same streams): after 20 years every replicate with the
        // link has more trust than its twin without; 20 pairs make a chance result of this kind
        // (p = 2^-20 under no effect) impossible in practice.
        var gains = with.Runs.Zip(without.Runs, (w, o) => w.Get("public_trust", "AA").Values[^1] - o.Get("public_trust", "AA").Values[^1]).ToArray();
        Assert.That(gains, Has.All.GreaterThan(0));
    }

    [Test]
    public void A_link_survives_a_crisis_below_its_threshold_and_a_weaker_link_does_not()
    {
        var scenario = EngineScenarios.Load(Yaml(
            "[ { id: river, sector: water, strength: 0.8, threshold: 0.99 }, { id: trade, sector: trade, strength: 0.3, threshold: 0.35 } ]",
            "[ { id: war, date: 2005-01, end: 2005-06, kind: war, severity: 1, actors: [AA, BB] } ]"));
        var run = new Simulation(scenario with { Mechanisms = scenario.Mechanisms.With("spillover", false) }, 0).Run();
        var active = run.Get("functional_links_active", "AA-BB").Values;
        var tension = run.Get("tension", "AA-BB").Values;

        Assert.Multiple(() =>
        {
            Assert.That(tension.Skip(60).Take(24).Max(), Is.InRange(0.35, 0.99), "the war must push tension between the two thresholds");
            Assert.That(active.Skip(60).Take(24).Min(), Is.EqualTo(1), "the river link stays active while the trade link is suspended");
            Assert.That(run.Log.Any(e => e.Rule == "FN-SUSPEND" && e.Subject == "trade"), Is.True);
            Assert.That(run.Log.Any(e => e.Rule == "FN-SUSPEND" && e.Subject == "river"), Is.False);
        });
    }
}

using System.Globalization;
using TrackSim.Core.Engine;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Numbers stay in their ranges whatever the parameters (the ranges in docs/MODEL.md, section 2).</summary>
public sealed class InvariantTests
{
    private static readonly string Yaml = """
        calendar: { start: 2000-01, end: 2007-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads:
          - states: [AA, BB]
            functional_links: [ { id: river, sector: water, strength: 0.5, threshold: 0.8 } ]
        citizens: { per_state: 100, network: { mean_degree: 6 } }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 2 months
            participants:
              - { state: AA, role: journalist, count: 2 }
              - { state: BB, role: former_diplomat, count: 2 }
        events:
          - { id: war, date: 2002-01, end: 2002-06, kind: war, severity: 1, actors: [AA, BB] }
          - { id: summit, date: 2004-01, kind: summit, severity: 1, actors: [AA, BB], decided: true, effects: { dialogue: resume, cbm: 2 } }
        agreements:
          - { id: pact, states: [AA, BB], kind: cbm, topic: trade, terms: { restraint: 5, incident_reduction: 1 } }
          - { id: truce, states: [AA, BB], kind: ceasefire, terms: { incident_reduction: 0.5 } }
          - { id: treaty, states: [AA, BB], kind: settlement, topic: core, reversible: false }
        """;

    [Test]
    public void Two_hundred_random_parameter_sets_within_their_ranges_keep_every_metric_in_range()
    {
        var baseScenario = EngineScenarios.Load(Yaml);
        var rng = new Xoshiro256(2026);
        var failures = new List<string>();
        for (int set = 0; set < 200; set++)
        {
            var parameters = ParameterSet.Defaults;
            foreach (var definition in ParameterCatalog.All)
            {
                // Sample log-uniformly over wide ranges so extreme values get tried as often as typical ones.
                double u = rng.NextDouble();
                double value = definition.Max / Math.Max(definition.Min, 1e-9) > 1000 && definition.Min >= 0
                    ? definition.Min + ((definition.Max - definition.Min) * Math.Pow(u, 4))
                    : definition.Min + ((definition.Max - definition.Min) * u);
                parameters = parameters.With(definition.Key, Math.Clamp(value, definition.Min, definition.Max), "test");
            }

            var run = new Simulation(baseScenario with { Parameters = parameters }, 0, (ulong)set).Run();
            foreach (var series in run.Series)
            {
                (double low, double high) = Range(series.Key.Metric, parameters);
                foreach (double value in series.Values)
                {
                    if (!double.IsFinite(value) || value < low || value > high)
                    {
                        failures.Add(string.Create(CultureInfo.InvariantCulture, $"set {set}: {series.Key.Metric} {series.Key.Subject} = {value}"));
                        break;
                    }
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static (double Low, double High) Range(string metric, ParameterSet parameters) => MetricCatalog.Find(metric)!.Name switch
    {
        "tension" or "official_trust" or "dialogue_open" or "public_trust" or "hostile_share" or "track2_trust" or "track2_agreement"
            or "readiness" or "motivation" or "optimism" => (0, 1),
        "agreements_in_force" => (0, 3),
        "polarization" => (0, 0.5),
        "posture" => (0, parameters["posture.max"]),
        _ => (0, double.MaxValue),
    };
}

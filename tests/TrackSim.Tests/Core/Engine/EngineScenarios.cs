using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Small scenarios for engine tests, written as YAML so they go through the real loader.</summary>
internal static class EngineScenarios
{
    /// <summary>Loads YAML text or fails the test with every error.</summary>
    public static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml");
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>Two states with every stochastic and citizen mechanism off: only the Richardson core remains.</summary>
    public static string Richardson(double a, double b, double m, double n, double r, double s, int years = 100) => $$"""
        calendar: { start: 2000-01, end: {{2000 + years - 1}}-12, step: month }
        states:
          - { id: AA, posture: 0.1 }
          - { id: BB, posture: 0.1 }
        dyads:
          - { states: [AA, BB], tension: 0.1 }
        citizens: { per_state: 10, network: { mean_degree: 2 } }
        parameters:
          posture:
            dialogue_restraint: 0
            fear: { AA: {{a}}, BB: {{b}} }
            restraint: { AA: {{m}}, BB: {{n}} }
            grievance: { AA: {{r}}, BB: {{s}} }
        mechanisms:
          incidents: false
          audience_pressure: false
          social_influence: false
          media: false
          contact: false
          turnover: false
          outreach: false
        """;
}

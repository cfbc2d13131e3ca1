using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Reporting;

/// <summary>A small scenario that runs in well under a second: three years, 100 citizens per state, one initiative, two events, one variant.</summary>
internal static class TinyScenario
{
    public const string Yaml = """
        name: tiny
        title: Tiny test scenario
        calendar: { start: 2000-01, end: 2002-12, step: month }
        states:
          - { id: AA, name: Atlantis }
          - { id: BB, name: Borduria }
        citizens: { per_state: 100 }
        initiatives:
          - id: talks
            name: The talks
            start: 2000-06
            participants:
              - { state: AA, role: former_diplomat, count: 3 }
              - { state: BB, role: journalist, count: 3 }
        events:
          - { id: crisis, label: Crisis, date: 2001-03, kind: crisis, severity: 0.8, actors: [AA, BB], source: "Invented, for tests" }
          - { id: summit, label: "Summit, long", date: 2001-09, end: 2002-02, kind: summit, severity: 0.4, actors: [AA, BB] }
        variants:
          - name: no-crisis
            description: What if the crisis had not happened?
            remove_events: [crisis]
        ensemble: { replicates: 3, seed: 7 }
        outputs: { charts: [tension, public_trust, track2_trust, incidents, dialogue_open] }
        """;

    public static Scenario Load()
    {
        var result = ScenarioLoader.LoadText(Yaml, "tiny.yaml");
        Assert.That(result.Errors, Is.Empty, "the test scenario must be valid");
        return result.Scenario!;
    }

    public static EnsembleResult Run(int threads = 2) =>
        Ensemble.Run(Load(), new EnsembleOptions { Threads = threads });

    /// <summary>Writes the scenario to <paramref name="folder"/> as tiny.yaml and returns its path.</summary>
    public static string WriteTo(string folder)
    {
        string path = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(path, Yaml);
        return path;
    }
}

using TrackSim.Core.Engine;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Same scenario and seed: identical results, whatever the number of threads.</summary>
public sealed class DeterminismTests
{
    private static readonly string Yaml = """
        calendar: { start: 2000-01, end: 2004-12 }
        states: [ { id: AA }, { id: BB }, { id: CC } ]
        citizens: { per_state: 300 }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 3 months
            participants:
              - { state: AA, role: journalist, count: 2 }
              - { state: BB, role: former_military, count: 2 }
              - { state: CC, role: academic, count: 2 }
        events:
          - { id: clash, date: 2002-03, kind: crisis, severity: 0.8, actors: [AA, BB] }
        variants:
          - { name: calm, remove_events: [clash] }
        ensemble: { replicates: 6, seed: 3 }
        """;

    private static IEnumerable<double> AllValues(EnsembleResult result) =>
        result.Runs.SelectMany(r => r.Series.SelectMany(s => s.Values));

    [Test]
    public void One_thread_and_two_threads_give_identical_results()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var one = Ensemble.Run(scenario, new EnsembleOptions { Threads = 1 });
        var two = Ensemble.Run(scenario, new EnsembleOptions { Threads = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(AllValues(two), Is.EqualTo(AllValues(one)));
            Assert.That(two.Runs.SelectMany(r => r.Log), Is.EqualTo(one.Runs.SelectMany(r => r.Log)));
        });
    }

    [Test]
    public void A_single_run_with_a_parallel_citizen_layer_equals_the_sequential_run()
    {
        var scenario = EngineScenarios.Load(Yaml.Replace("per_state: 300", "per_state: 60000", StringComparison.Ordinal));
        var sequential = new Simulation(scenario, 0, citizenThreads: 1).Run();
        var parallel = new Simulation(scenario, 0, citizenThreads: 2).Run();
        Assert.That(parallel.Series.SelectMany(s => s.Values), Is.EqualTo(sequential.Series.SelectMany(s => s.Values)));
    }

    [Test]
    public void Two_runs_with_one_seed_are_identical_and_different_seeds_differ()
    {
        var scenario = EngineScenarios.Load(Yaml);
        RunResult Run(ulong seed) => new Simulation(scenario, 0, seed).Run();
        var first = Run(3);
        var second = Run(3);

        Assert.Multiple(() =>
        {
            Assert.That(second.Series.SelectMany(s => s.Values), Is.EqualTo(first.Series.SelectMany(s => s.Values)));
            Assert.That(Run(4).Get("public_trust", "AA").Values, Is.Not.EqualTo(Run(3).Get("public_trust", "AA").Values));
        });
    }

    [Test]
    public void Variants_of_one_replicate_share_their_random_streams()
    {
        // Before the clash (2002-03, point 26) the base and the calm variant are the same world
        // drawing the same random numbers, so their series agree exactly up to that point.
        var scenario = EngineScenarios.Load(Yaml);
        var result = Ensemble.Run(scenario, new EnsembleOptions { Threads = 2, Replicates = 2 });
        var baseRun = result.RunsOf("base").First();
        var calm = result.RunsOf("calm").First();
        Assert.That(calm.Get("tension", "AA-BB").Values.Take(26), Is.EqualTo(baseRun.Get("tension", "AA-BB").Values.Take(26)));
    }
}

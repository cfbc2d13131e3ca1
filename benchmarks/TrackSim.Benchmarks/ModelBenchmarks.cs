using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Recording;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Benchmarks;

/// <summary>
/// Benchmark 2 of the performance issue, one replicate: the India-Pakistan scenario (456
/// monthly steps) with its citizens resized. <see cref="Build"/> is the run's setup alone
/// (world, population and network); <see cref="Replicate"/> is setup plus every step. At 10
/// citizens per state, the smallest population the format allows, the citizen layer costs
/// next to nothing, so that case measures the rest of the model.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(ModelConfig))]
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private Scenario? _scenario;

    /// <summary>Citizens per state (two states).</summary>
    [ParamsSource(nameof(Sizes))]
    public int PerState { get; set; }

    /// <summary>Threads for the citizen layer of the run.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>
    /// 10, 20,000, 200,000 and 1,000,000 citizens per state; the quick set keeps 10 and 20,000.
    /// The two large sizes measure what the second thread gains in a single large run, where
    /// every citizen rule and the summaries run on the citizen threads.
    /// </summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.Quick ? [10, 20_000] : [10, 20_000, 200_000, 1_000_000];

    /// <summary>Loads the shipped scenario, sets its population, and warms the model's code up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = IndiaPakistan.Load(PerState);
        IndiaPakistan.WarmUp();
    }

    /// <summary>Builds the run: the world, the citizens and their network, and the step-0 record.</summary>
    [Benchmark]
    public Simulation Build() => new(_scenario!, replicate: 0, citizenThreads: Threads);

    /// <summary>Builds the run and steps it from 1984 to 2021.</summary>
    [Benchmark]
    public RunResult Replicate() => new Simulation(_scenario!, replicate: 0, citizenThreads: Threads).Run();

    /// <summary>
    /// A few iterations of a run that takes up to seconds, each timed on its own, after five
    /// warm-up runs (and <see cref="IndiaPakistan.WarmUp"/>): the runtime compiles the step's
    /// methods again, optimised, only once they have been called for a while, and with a single
    /// warm-up the first measured replicates still ran partly unoptimised code (a replicate at
    /// 20,000 per state fell from about 400 to 230 ms over its first three iterations).
    /// </summary>
    private sealed class ModelConfig : ManualConfig
    {
        public ModelConfig()
        {
            bool quick = BenchmarkSettings.Quick;
            AddJob(Job.Default
                .WithId("Model")
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(quick ? 3 : 7)
                .LikeTheCommandLine());
            QuickConfig.AddReporting(this);
        }
    }
}

/// <summary>The shipped India-Pakistan scenario, loaded once per process.</summary>
internal static class IndiaPakistan
{
    public const string File = "scenarios/india-pakistan-1984-2021.yaml";

    /// <summary>The scenario with <paramref name="perState"/> citizens per state.</summary>
    public static Scenario Load(int perState)
    {
        var result = ScenarioLoader.LoadText(RepositoryRoot.ReadText(File), File);
        var scenario = result.Scenario ?? throw new InvalidOperationException($"{File} does not load:\n{string.Join('\n', result.Errors)}");
        return scenario with { Citizens = scenario.Citizens with { PerState = perState } };
    }

    /// <summary>
    /// Runs the scenario 50 times at 10 citizens per state (a fraction of a second), so that
    /// every method of a step has been called often enough to be compiled optimised before
    /// anything is measured: methods without loops still start unoptimised. Before the
    /// compilation settings of <see cref="BenchmarkSettings.LikeTheCommandLine"/>, BenchmarkDotNet's
    /// few warm-up iterations measured a replicate at 10 citizens per state at 27 ms, ten times
    /// its settled cost.
    /// </summary>
    public static void WarmUp()
    {
        var small = Load(10);
        for (int i = 0; i < 50; i++)
        {
            new Simulation(small, replicate: i, citizenThreads: 1).Run();
        }
    }
}

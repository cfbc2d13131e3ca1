using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Benchmarks;

/// <summary>
/// Benchmark 2 of the performance issue, the ensemble: 100 replicates of the India-Pakistan
/// scenario's base variant at 20,000 citizens per state, on one and on two threads. Each
/// replicate runs on one thread; two threads run two replicates at a time.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(EnsembleConfig))]
[MemoryDiagnoser]
public class EnsembleBenchmarks
{
    private Scenario? _scenario;

    /// <summary>Replicates in flight at a time.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Loads the shipped scenario with 20,000 citizens per state.</summary>
    [GlobalSetup]
    public void Setup() => _scenario = IndiaPakistan.Load(20_000);

    /// <summary>Runs 100 replicates of the base variant.</summary>
    [Benchmark]
    public EnsembleResult Ensemble100() =>
        Ensemble.Run(_scenario!, new EnsembleOptions { Threads = Threads, Replicates = 100, Variants = ["base"] });

    /// <summary>Each iteration takes tens of seconds, so three, and no warm-up: the first run's JIT is well under a second of it.</summary>
    private sealed class EnsembleConfig : ManualConfig
    {
        public EnsembleConfig()
        {
            AddJob(Job.Default
                .WithId("Ensemble")
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(3)
                .LikeTheCommandLine());
            QuickConfig.AddReporting(this);
        }
    }
}

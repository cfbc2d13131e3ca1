using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Benchmarks;

/// <summary>
/// Throughput for many small runs: the India-Pakistan scenario at 2,000 citizens per state, the
/// size its calibration runs at, on two threads. <see cref="Variants"/> is one replicate of every
/// variant through <see cref="Ensemble"/>, as the classroom page runs a teaching scenario;
/// <see cref="Particles"/> is what a calibration does for <see cref="ParticleCount"/> particles:
/// each loads the scenario with its own value of a parameter (as the command line's calibration
/// does), runs its base once and scores it on the scenario's targets, two particles at a time,
/// with a seed of its own or, in <see cref="ParticlesCommonSeeds"/>, the calibration's seed for
/// every particle (common random numbers). Runs per second is the number of runs
/// divided by the time of one operation.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(SmallRunConfig))]
[MemoryDiagnoser]
public class SmallRunBenchmarks
{
    /// <summary>Particles of one <see cref="Particles"/> operation.</summary>
    public const int ParticleCount = 20;

    private const int PerState = 2_000;
    private const ulong Seed = 20_240_101;

    private const string Targets = "data/targets/india-pakistan-1984-2021.csv";

    private Scenario? _scenario;
    private string _text = "";
    private ScenarioCalibration? _ownSeeds;
    private ScenarioCalibration? _commonSeeds;

    /// <summary>Loads the shipped scenario at 2,000 citizens per state and warms the model's code up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = RepositoryRoot.ReadText(IndiaPakistan.File);
        _scenario = IndiaPakistan.Load(PerState);
        var targets = TargetsFile.Parse(RepositoryRoot.ReadText(Targets), Targets);
        UniformPrior[] priors = [new("parameters.media.effect", 0.02, 0.3)];
        _ownSeeds = new ScenarioCalibration(priors, targets, ScenarioAt, replicates: 1, commonRandomNumbers: false, Seed);
        _commonSeeds = new ScenarioCalibration(priors, targets, ScenarioAt, replicates: 1, commonRandomNumbers: true, Seed);
        IndiaPakistan.WarmUp();
    }

    /// <summary>One replicate of the base and every variant, two runs at a time.</summary>
    [Benchmark]
    public EnsembleResult Variants() =>
        Ensemble.Run(_scenario!, new EnsembleOptions { Threads = 2, Replicates = 1, Seed = Seed, Snapshots = false });

    /// <summary><see cref="ParticleCount"/> particles, each with a seed of its own (the calibration's default).</summary>
    [Benchmark]
    public double Particles() => RunParticles(_ownSeeds!);

    /// <summary><see cref="ParticleCount"/> particles, all with the calibration's seed (<c>--common-random-numbers</c>).</summary>
    [Benchmark]
    public double ParticlesCommonSeeds() => RunParticles(_commonSeeds!);

    /// <summary>
    /// <see cref="ParticleCount"/> proposals of one calibration, each a media effect spread over
    /// the calibration's prior (0.02 to 0.3), simulated and scored on the India-Pakistan targets,
    /// two at a time; the calibration lives across operations, as it does across generations.
    /// </summary>
    private static double RunParticles(ScenarioCalibration calibration)
    {
        var distances = new double[ParticleCount];
        Parallel.For(0, ParticleCount, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
        {
            double effect = 0.02 + (0.28 * k / (ParticleCount - 1));
            distances[k] = calibration.Simulator([effect], Seed + (ulong)k);
        });

        return distances.Sum();
    }

    /// <summary>
    /// The scenario of a proposal: loaded from the text with its value, as the command line's
    /// calibration loads each particle's scenario.
    /// </summary>
    private Scenario ScenarioAt(ImmutableArray<double> values)
    {
        Override[] overrides =
        [
            new("citizens.per_state", PerState.ToString(CultureInfo.InvariantCulture)),
            new("parameters.media.effect", values[0].ToString("R", CultureInfo.InvariantCulture)),
        ];
        return ScenarioLoader.LoadText(_text, IndiaPakistan.File, overrides).Scenario!;
    }

    /// <summary>
    /// <see cref="QuickConfig"/>'s iterations, run in the benchmark's own process: its runtime
    /// settings are already those of the command line (<c>Directory.Build.props</c>), and an
    /// operation of many whole runs needs no generated project around it, whose build on a
    /// loaded two-core machine can exceed BenchmarkDotNet's two-minute limit.
    /// </summary>
    private sealed class SmallRunConfig : ManualConfig
    {
        public SmallRunConfig()
        {
            bool quick = BenchmarkSettings.Quick;
            AddJob(Job.Default
                .WithId("SmallRun")
                .WithToolchain(InProcessNoEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(quick ? 2 : 4)
                .WithIterationCount(quick ? 6 : 15));
            QuickConfig.AddReporting(this);
        }
    }
}

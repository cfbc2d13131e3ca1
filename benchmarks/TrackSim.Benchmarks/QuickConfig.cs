using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace TrackSim.Benchmarks;

/// <summary>
/// One launch, a few warm-up and measured iterations: enough for stable means on the
/// micro- to millisecond cases here, while a run of every benchmark stays within a few
/// minutes on a two-core machine. BenchmarkDotNet's default job launches more and iterates
/// until the error is small, which takes several times longer for little gain here.
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    /// <summary>Creates the configuration with its single job.</summary>
    public QuickConfig()
    {
        AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15));
    }
}

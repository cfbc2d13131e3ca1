using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace TrackSim.Benchmarks;

/// <summary>
/// One launch, a few warm-up and measured iterations: enough for stable means on the
/// micro- to millisecond cases here, while a run of every benchmark stays within a few
/// minutes on a two-core machine. BenchmarkDotNet's default job iterates until the error is
/// small (up to 100 iterations), which takes several times longer for little gain here.
/// The median is shown beside the mean: on a shared machine a few iterations slowed by
/// other work pull the mean up, and the median shows what an undisturbed run costs.
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    /// <summary>Creates the configuration with its single job and the median column.</summary>
    public QuickConfig()
    {
        AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15));
        AddColumn(StatisticColumn.Median);
    }
}

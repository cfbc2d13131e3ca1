using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace TrackSim.Benchmarks;

/// <summary>
/// One launch, a few warm-up and measured iterations: enough for stable medians on the
/// micro- to millisecond cases here, while a run of every benchmark stays within a few
/// minutes on a two-core machine. BenchmarkDotNet's default job launches more and iterates
/// until the error is small, which takes several times longer for little gain here. The
/// median and the range (min to max) over the iterations are shown, and a full JSON report is
/// written for <c>benchmarks/reference/report.py</c>.
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    /// <summary>Creates the configuration with its single job.</summary>
    public QuickConfig()
    {
        bool quick = BenchmarkSettings.Quick;
        AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 4)
            .WithIterationCount(quick ? 6 : 15)
            .LikeTheCommandLine());
        AddReporting(this);
    }

    /// <summary>Adds the median and range columns and the JSON report to a configuration.</summary>
    internal static void AddReporting(ManualConfig config)
    {
        config.AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        config.AddExporter(JsonExporter.Full);
    }
}

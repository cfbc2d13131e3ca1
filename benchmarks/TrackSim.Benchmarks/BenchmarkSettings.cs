using BenchmarkDotNet.Jobs;

namespace TrackSim.Benchmarks;

/// <summary>
/// Settings that <c>benchmarks/run.sh</c> passes to every benchmark process through the
/// environment, since BenchmarkDotNet runs each case in a process of its own.
/// </summary>
internal static class BenchmarkSettings
{
    /// <summary>Seed of the citizen-step input, the same as the one the script exports for the references.</summary>
    public const ulong CitizenStepSeed = 42;

    /// <summary>
    /// Whether <c>TRACKSIM_BENCH_QUICK=1</c> asks for the quick set: the citizen step up to
    /// 10^6 citizens, the model at 20,000 citizens per state, and fewer iterations.
    /// </summary>
    public static bool Quick => Environment.GetEnvironmentVariable("TRACKSIM_BENCH_QUICK") == "1";

    /// <summary>
    /// <paramref name="job"/> with the runtime's compilation settings of the command line
    /// (<c>Directory.Build.props</c>: no profiling tier, loops optimised at once), set through
    /// the environment of the benchmark process so that they hold whatever project
    /// BenchmarkDotNet generates.
    /// </summary>
    public static Job LikeTheCommandLine(this Job job) =>
        job.WithEnvironmentVariables([
            new EnvironmentVariable("DOTNET_TieredPGO", "0"),
            new EnvironmentVariable("DOTNET_TC_QuickJitForLoops", "0"),
        ]);
}

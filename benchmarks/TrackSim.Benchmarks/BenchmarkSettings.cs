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
}

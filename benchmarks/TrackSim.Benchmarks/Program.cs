using BenchmarkDotNet.Running;
using TrackSim.Benchmarks;

// Two one-off modes, then BenchmarkDotNet's switcher for everything else:
//   --export DIR N KIND SEED   writes the citizen-step input and result for the references
//   --memory N [KIND]          builds N citizens and their network, times a few rounds, prints memory
//   --filter '*'               runs every benchmark; --list flat lists them
return args switch
{
    ["--export", .. var rest] => ReferenceExport.Run(rest),
    ["--memory", .. var rest] => MemoryRun.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}

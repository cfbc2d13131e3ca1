using BenchmarkDotNet.Running;

// The switcher lets one command run every benchmark or a chosen few:
//   dotnet run -c Release --project benchmarks/TrackSim.Benchmarks -- --filter '*'
//   dotnet run -c Release --project benchmarks/TrackSim.Benchmarks -- --list flat
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;
using TrackSim.Experiments.Limits;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Benchmarks;

/// <summary>
/// The <c>--memory N [KIND]</c> mode: builds N citizens in two states and their degree-10
/// network exactly as a run does (timing the build on one and on two threads), reports the
/// bytes each citizen takes (measured by the garbage collector and counted from the array
/// sizes), times a few influence rounds on one and on two threads, and prints the process's
/// peak working set. Then the same number of
/// citizens with directed trust (<see cref="DirectedTrust"/>). A one-off console run rather
/// than a BenchmarkDotNet case: at 10^8 citizens one build takes a minute and most of the memory.
/// </summary>
internal static class MemoryRun
{
    private const int Rounds = 3;
    private const double MiB = 1024.0 * 1024.0;

    public static int Run(string[] args)
    {
        var kind = NetworkKind.SmallWorld;
        if (args.Length is < 1 or > 2
            || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 20 || count % 2 != 0
            || (args.Length == 2 && !ReferenceExport.TryParseKind(args[1], out kind)))
        {
            Console.Error.WriteLine("usage: --memory N [small_world|random]   (N even, at least 20)");
            return 2;
        }

        int perState = count / 2;
        var spec = new CitizenSpec(
            perState,
            ImmutableSortedDictionary<string, TrustDistribution>.Empty,
            new NetworkSpec(kind, MeanDegree: 10, Rewiring: 0.1, CrossBorderShare: 0.02),
            SharedLanguage: 0.3,
            new CohortSpec(0.3, 0.5));

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var rng = new Xoshiro256(20_240_101);
        var clock = Stopwatch.StartNew();
        var population = CitizenPopulation.Create(spec, ["AA", "BB"], meanExposure: 0.6, rng);
        double createSeconds = clock.Elapsed.TotalSeconds;
        ulong networkSeed = rng.NextUInt64();

        // Built once on one thread and dropped, then on two threads and kept: the same network
        // (the build does not depend on the thread count), so the memory figures are those of one.
        var (oneThreadSeconds, oneThreadCpu) = TimeBuild(spec.Network, perState, networkSeed, threads: 1);
        GC.Collect();
        clock.Restart();
        var cpu = ProcessorSeconds();
        var network = SocialNetwork.Build(spec.Network, perState, 2, new Xoshiro256(networkSeed), threads: 2);
        double twoThreadSeconds = clock.Elapsed.TotalSeconds;
        double twoThreadCpu = ProcessorSeconds() - cpu;
        clock.Restart();
        population.CountCrossBorderTies(network);
        double countSeconds = clock.Elapsed.TotalSeconds;
        long after = GC.GetTotalMemory(forceFullCollection: true);

        long stateBytes = (sizeof(float) * 3L * count) + count + (sizeof(ushort) * (long)count);
        long networkBytes = sizeof(int) * ((long)network.Offsets.Length + network.Targets.Length);
        long usedTieEnds = network.Offsets[count];
        Print($"citizens               {count:N0} in 2 states, {kind} network, mean degree {network.MeanDegree:F3}");
        Print($"population drawn in    {createSeconds:F2} s");
        Print($"network built in       {oneThreadSeconds:F2} s on 1 thread, {twoThreadSeconds:F2} s on 2 threads ({usedTieEnds:N0} tie ends)");
        Print($"  processor time       {oneThreadCpu:F2} s on 1 thread, {twoThreadCpu:F2} s on 2 threads (the steadier figure on a busy host)");
        Print($"cross-border ties in   {countSeconds:F2} s");
        Print($"state arrays           {stateBytes / (double)count:F2} bytes per citizen");
        Print($"network arrays         {networkBytes / (double)count:F2} bytes per citizen ({(network.Targets.Length - usedTieEnds) * 4.0 / count:F2} of them repeats dropped in place)");
        Print($"managed heap growth    {(after - before) / (double)count:F2} bytes per citizen ({(after - before) / MiB:N0} MiB)");

        foreach (int threads in (int[])[1, 2])
        {
            var times = new double[Rounds];
            for (int r = 0; r < Rounds; r++)
            {
                clock.Restart();
                SocialInfluence.Step(population, network, 0.3, 0.3, rounds: 1, seed: 99, step: r, threads);
                times[r] = clock.Elapsed.TotalSeconds;
            }

            Array.Sort(times);
            double median = times[Rounds / 2];
            Print($"influence, {threads} thread{(threads == 1 ? " " : "s")}    median {median:F3} s per round (min {times[0]:F3}, max {times[^1]:F3}), {count / median / 1e6:F1} M updates/s");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Print($"peak working set       {process.PeakWorkingSet64 / MiB:N0} MiB ({process.PeakWorkingSet64 / (double)count:F2} bytes per citizen, runtime included)");
        GC.KeepAlive(population);
        DirectedTrust(count);
        return 0;
    }

    /// <summary>Seconds and processor seconds to build a network that is dropped at once.</summary>
    private static (double Seconds, double ProcessorSeconds) TimeBuild(NetworkSpec spec, int perState, ulong seed, int threads)
    {
        double cpu = ProcessorSeconds();
        var clock = Stopwatch.StartNew();
        var network = SocialNetwork.Build(spec, perState, 2, new Xoshiro256(seed), threads);
        double seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(network);
        return (seconds, ProcessorSeconds() - cpu);
    }

    /// <summary>Processor time the process has used, over all its threads.</summary>
    private static double ProcessorSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// The citizens of the three-actor scenario (<see cref="ThreeActors"/>, resized to about the
    /// same number): each state's citizens hold trust toward every actor it has a dyad with, one
    /// layer per target, as a run draws them. Prints the layers, the heap's growth for the
    /// population alone and the bytes per citizen <see cref="MemoryEstimate"/> counts with its
    /// network; each target beyond the first adds a <c>float</c> of trust and a <c>ushort</c> of
    /// active ties per citizen.
    /// </summary>
    private static void DirectedTrust(int count)
    {
        var loaded = ScenarioLoader.LoadText(RepositoryRoot.ReadText(ThreeActors), ThreeActors).Scenario
            ?? throw new InvalidOperationException($"{ThreeActors} does not load");
        int publics = loaded.PublicCount;
        var scenario = loaded with { Citizens = loaded.Citizens with { PerState = count / publics } };
        string[] actors = [.. scenario.States.Select(s => s.Id)];
        int[][] targets = [.. Enumerable.Range(0, publics).Select(scenario.TargetsOf)];
        double[] exposure = [.. Enumerable.Repeat(0.6, publics)];
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var population = CitizenPopulation.Create(scenario.Citizens, actors, targets, exposure, seed: 20_240_101);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        int citizens = population.Count;
        Print($"directed trust         {citizens:N0} citizens of {ThreeActors}, {population.Layers} trust layers ({string.Join(", ", Enumerable.Range(0, publics).Select(s => $"{actors[s]}: {targets[s].Length}"))} targets)");
        Print($"  population arrays    {(after - before) / (double)citizens:F2} bytes per citizen by the heap's growth ({(after - before) / MiB:N0} MiB); 15 + 6 x (layers - 1) = {15 + (6 * (population.Layers - 1))}");
        Print($"  MemoryEstimate       {MemoryEstimate.BytesPerCitizen(scenario)} bytes per citizen with its network (mean degree {scenario.Citizens.Network.MeanDegree})");
        GC.KeepAlive(population);
    }

    /// <summary>The shipped scenario of three states that all relate to each other.</summary>
    private const string ThreeActors = "scenarios/us-china-india-climate.yaml";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

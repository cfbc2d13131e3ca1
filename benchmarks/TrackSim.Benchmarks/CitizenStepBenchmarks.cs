using BenchmarkDotNet.Attributes;

namespace TrackSim.Benchmarks;

/// <summary>
/// Benchmark 1 of the performance issue: one synchronous bounded-confidence round
/// (<c>SocialInfluence.Step</c> with one round) on a small-world and on a random network of
/// mean degree 10, from 10^4 to 10^7 citizens, on one and two threads. Every operation starts
/// from the same trust, so every step does the same work: without that the opinions would
/// converge over the thousands of repetitions and the confidence test would turn predictable.
/// Putting it back swaps two arrays (<see cref="CitizenStepInput.Restore"/>), so an operation
/// is the round alone, as in the C and NumPy references.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(CitizenStepConfig))]
[MemoryDiagnoser]
public class CitizenStepBenchmarks
{
    private CitizenStepInput? _input;

    /// <summary>Number of citizens, split between two states.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citizens { get; set; }

    /// <summary>The network kind, as the scenario format names it.</summary>
    [Params("small_world", "random")]
    public string Network { get; set; } = "small_world";

    /// <summary>Threads the round may use.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>10^4 to 10^7 citizens; the quick set stops at 10^6.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.Quick
        ? [10_000, 100_000, 1_000_000]
        : [10_000, 100_000, 1_000_000, 10_000_000];

    /// <summary>Builds the citizens and their network, the same as <c>--export</c> writes for the references.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!ReferenceExport.TryParseKind(Network, out var kind))
        {
            throw new InvalidOperationException($"unknown network kind {Network}");
        }

        _input = CitizenStepInput.Create(Citizens, kind, BenchmarkSettings.CitizenStepSeed);
    }

    /// <summary>Puts back the starting trust and runs one round.</summary>
    [Benchmark]
    public void Step()
    {
        var input = _input!;
        input.Restore();
        input.Step(Threads);
    }
}

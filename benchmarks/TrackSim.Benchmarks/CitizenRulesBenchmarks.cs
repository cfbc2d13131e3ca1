using BenchmarkDotNet.Attributes;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;

namespace TrackSim.Benchmarks;

/// <summary>
/// The citizen layer's step rule by rule, on one and on two threads, at the populations of the
/// whole-model benchmark (two states of 20,000 and of 200,000) and of a large single run (two
/// states of 500,000 and of 5,000,000): where a step's time goes besides influence, and what the
/// second thread gains rule by rule. Each case is one call of a rule on every citizen with values
/// of the size a monthly step of the India-Pakistan scenario uses. The rules' cost does not
/// depend on the trust values (they are branch-free but for the noise's clamp), so the
/// population is not restored between calls.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class CitizenRulesBenchmarks
{
    private const double Dt = 1.0 / 12;

    private readonly double[] _mean = new double[2];
    private readonly double[] _sd = new double[2];
    private readonly double[] _hostile = new double[2];
    private readonly double[] _links = [1.0, 1.0];
    private readonly double[] _push = [0.001, 0.001];
    private readonly double[] _up = [0.004, 0.004];
    private readonly double[] _down = [-0.004, -0.004];
    private CitizenStepInput? _input;
    private int _step;

    /// <summary>Citizens in all (two states).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citizens { get; set; }

    /// <summary>Threads the rules may use (the chunks and so the results are the same for any number).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>4 x 10^4, 4 x 10^5, 10^6 and 10^7 citizens; the quick set leaves out 10^7.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.Quick ? [40_000, 400_000, 1_000_000] : [40_000, 400_000, 1_000_000, 10_000_000];

    /// <summary>Builds the citizens (small world, uniform trust, some dormant ties).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _input = CitizenStepInput.Create(Citizens, NetworkKind.SmallWorld, BenchmarkSettings.CitizenStepSeed);
        for (int i = 0; i < Citizens; i++)
        {
            _input.Population.Exposure[i] = 0.6f;
        }
    }

    /// <summary>One round of CIT-INFLUENCE (the India-Pakistan scenario has one round every six months).</summary>
    [Benchmark(Baseline = true)]
    public void Influence()
    {
        _input!.Restore();
        _input.Step(Threads);
    }

    /// <summary>CIT-NOISE: one hash and one square root per citizen.</summary>
    [Benchmark]
    public void Noise() => OpinionNoise.Apply(_input!.Population, 0.03 * Math.Sqrt(Dt), seed: 11, step: _step++, Threads);

    /// <summary>CIT-MEDIA: a shock scaled by each citizen's exposure (alternating in sign so trust does not drift).</summary>
    [Benchmark]
    public void Media() => Core.Citizens.Media.Apply(_input!.Population, (_step++ & 1) == 0 ? _up : _down, Threads);

    /// <summary>CIT-CONTACT: contact through functional links and cross-border ties.</summary>
    [Benchmark]
    public void Contact() => Core.Citizens.Contact.Apply(_input!.Population, _links, contactsPerYear: 2, Dt, effect: 0.005, negativeShare: 0.1, allportFactor: 0.5, Threads);

    /// <summary>T2-OUTREACH on citizens.</summary>
    [Benchmark]
    public void Outreach() => Core.Citizens.Outreach.Apply(_input!.Population, _push, Threads);

    /// <summary>The state summaries recorded every step: mean, SD and hostile share.</summary>
    [Benchmark]
    public void Summaries() => CitizenMetrics.Compute(_input!.Population, 0, _mean, _sd, _hostile, Threads);

    /// <summary>The means alone, which turnover needs before it replaces citizens.</summary>
    [Benchmark]
    public void Means() => CitizenMetrics.Means(_input!.Population, 0, _mean, Threads);
}

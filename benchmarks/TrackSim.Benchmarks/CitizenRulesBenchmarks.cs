using BenchmarkDotNet.Attributes;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;

namespace TrackSim.Benchmarks;

/// <summary>
/// The citizen layer's step rule by rule, on one thread, at the populations of the whole-model
/// benchmark (two states of 20,000 and of 200,000): where a step's time goes besides influence.
/// Each case is one call of a rule on every citizen with values of the size a monthly step of the
/// India-Pakistan scenario uses. The rules' cost does not depend on the trust values (they are
/// branch-free but for the noise's clamp), so the population is not restored between calls.
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
    [Params(40_000, 400_000)]
    public int Citizens { get; set; }

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
        _input.Step(threads: 1);
    }

    /// <summary>CIT-NOISE: one hash and one square root per citizen.</summary>
    [Benchmark]
    public void Noise() => OpinionNoise.Apply(_input!.Population, 0.03 * Math.Sqrt(Dt), seed: 11, step: _step++);

    /// <summary>CIT-MEDIA: a shock scaled by each citizen's exposure (alternating in sign so trust does not drift).</summary>
    [Benchmark]
    public void Media() => Core.Citizens.Media.Apply(_input!.Population, (_step++ & 1) == 0 ? _up : _down);

    /// <summary>CIT-CONTACT: contact through functional links and cross-border ties.</summary>
    [Benchmark]
    public void Contact() => Core.Citizens.Contact.Apply(_input!.Population, _links, contactsPerYear: 2, Dt, effect: 0.005, negativeShare: 0.1, allportFactor: 0.5);

    /// <summary>T2-OUTREACH on citizens.</summary>
    [Benchmark]
    public void Outreach() => Core.Citizens.Outreach.Apply(_input!.Population, _push);

    /// <summary>The state summaries recorded every step: mean, SD and hostile share.</summary>
    [Benchmark]
    public void Summaries() => CitizenMetrics.Compute(_input!.Population, _mean, _sd, _hostile);

    /// <summary>The means alone, which turnover needs before it replaces citizens.</summary>
    [Benchmark]
    public void Means() => CitizenMetrics.Means(_input!.Population, _mean);
}

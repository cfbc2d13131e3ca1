using BenchmarkDotNet.Attributes;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Benchmarks;

/// <summary>
/// What directed trust costs the citizen layer: three states of 20,000 citizens on a small world,
/// one citizen step on one thread (one round of influence, noise, a media shift, contact, outreach
/// and the summaries), with one trust layer (trust toward the other states together, as before
/// trust was directed) or two (trust toward each of the other two states, as in the US-China-India
/// scenario). Every kernel runs once per layer, so two layers should cost about twice one; a
/// ratio well above 2 would mean the layers cost more than their work.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class TrustLayersBenchmarks
{
    private const int States = 3;
    private const int PerState = 20_000;
    private const double Dt = 1.0 / 12;

    private readonly double[] _epsilon = [0.3, 0.3, 0.3];
    private readonly int[] _rounds = [1, 1, 1];
    private readonly double[] _sigma = [0.03, 0.03, 0.03];
    private readonly double[] _up = [0.004, 0.004, 0.004];
    private readonly double[] _down = [-0.004, -0.004, -0.004];
    private readonly double[] _links = [0.5, 0.5, 0.5];
    private readonly double[] _rate = [2, 2, 2];
    private readonly double[] _effect = [0.005, 0.005, 0.005];
    private readonly double[] _push = [0.001, 0.001, 0.001];
    private readonly double[] _mean = new double[States];
    private readonly double[] _sd = new double[States];
    private readonly double[] _hostile = new double[States];
    private CitizenPopulation? _population;
    private SocialNetwork? _network;
    private int _step;

    /// <summary>Trust layers per citizen: 1 (toward the others together) or 2 (toward each other state).</summary>
    [Params(1, 2)]
    public int Layers { get; set; }

    /// <summary>Builds the citizens: uniform trust in every layer, exposure 0.6, a small world with 2 % of ties across borders.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int[][]? targets = Layers == 1 ? null : [[1, 2], [0, 2], [0, 1]];
        _population = new CitizenPopulation(PerState, States, targets);
        var rng = new Xoshiro256(BenchmarkSettings.CitizenStepSeed);
        for (int k = 0; k < _population.Layers; k++)
        {
            var trust = _population.TrustIn(k);
            for (int i = 0; i < trust.Length; i++)
            {
                trust[i] = (float)rng.NextDouble();
            }
        }

        Array.Fill(_population.Exposure, 0.6f);
        _network = SocialNetwork.Build(new NetworkSpec(NetworkKind.SmallWorld, 10, 0.1, 0.02), PerState, States, rng);
        _population.CountCrossBorderTies(_network);
    }

    /// <summary>One citizen step over every layer.</summary>
    [Benchmark]
    public void Step()
    {
        var population = _population!;
        int step = _step++;
        for (int k = 0; k < population.Layers; k++)
        {
            SocialInfluence.Step(population, k, _network!, _epsilon, 0.3, _rounds, seed: 5, step, maxDegreeOfParallelism: 1);
            OpinionNoise.Apply(population, k, _sigma, seed: 11, step);
            Media.Apply(population, k, (step & 1) == 0 ? _up : _down);
            Contact.Apply(population, k, _links, _rate, Dt, _effect, negativeShare: 0.1, allportFactor: 0.5);
            Outreach.Apply(population, k, _push);
            CitizenMetrics.Compute(population, k, _mean, _sd, _hostile);
        }
    }
}

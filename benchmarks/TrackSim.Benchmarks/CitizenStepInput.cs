using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Benchmarks;

/// <summary>
/// The input of the citizen-step benchmark, shared by the BenchmarkDotNet cases and the export
/// for the C and NumPy references, so all three step the same citizens on the same network.
/// Two states of <c>count / 2</c> citizens each, with the scenario format's defaults: mean
/// degree 10, rewiring 0.1 (small world) and 2% of ties across the border. Trust is uniform in
/// [0,1), the opinions a bounded-confidence model is usually started from, and about one
/// citizen in twenty has dormant cross-border ties, so the dormancy test is exercised as in a
/// run with generational turnover.
/// </summary>
internal sealed class CitizenStepInput
{
    /// <summary>Confidence bound of the benchmark step: the model's default.</summary>
    public const double Epsilon = 0.3;

    /// <summary>Convergence of the benchmark step: the model's default.</summary>
    public const double Mu = 0.3;

    /// <summary>Step number given to the influence rule; it only enters the partner hash.</summary>
    public const int StepNumber = 7;

    /// <summary>Mean degree of both network kinds.</summary>
    public const int MeanDegree = 10;

    /// <summary>Share of citizens whose cross-border ties are dormant.</summary>
    public const double DormantShare = 0.05;

    private readonly float[] _start;

    private CitizenStepInput(CitizenPopulation population, SocialNetwork network, float[] initial, ulong seed)
    {
        Population = population;
        _start = population.Trust;
        Network = network;
        Initial = initial;
        Seed = seed;
    }

    /// <summary>The citizens, with trust set to <see cref="Initial"/>.</summary>
    public CitizenPopulation Population { get; }

    /// <summary>Their network.</summary>
    public SocialNetwork Network { get; }

    /// <summary>The trust every measured step starts from.</summary>
    public float[] Initial { get; }

    /// <summary>Seed of the influence stream passed to the step.</summary>
    public ulong Seed { get; }

    /// <summary>Builds the input for <paramref name="count"/> citizens (even, at least 20) on a network of the given kind.</summary>
    public static CitizenStepInput Create(int count, NetworkKind kind, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 20);
        if (count % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The citizens are split between two states, so their number must be even.");
        }

        var rng = new Xoshiro256(seed);
        int perState = count / 2;
        var network = kind switch
        {
            NetworkKind.SmallWorld => SocialNetwork.SmallWorld(perState, 2, MeanDegree, rewiring: 0.1, crossBorderShare: 0.02, rng),
            NetworkKind.Random => SocialNetwork.ErdosRenyi(perState, 2, MeanDegree, crossBorderShare: 0.02, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The benchmark uses small-world and random networks."),
        };
        var population = new CitizenPopulation(perState, 2);
        for (int i = 0; i < count; i++)
        {
            population.Trust[i] = (float)rng.NextDouble();
            population.Flags[i] = rng.NextDouble() < DormantShare ? (byte)CitizenTraits.CrossBorderDormant : (byte)0;
        }

        return new CitizenStepInput(population, network, (float[])population.Trust.Clone(), rng.NextUInt64());
    }

    /// <summary>
    /// Puts back the starting trust, so every measured step does the same work. A step writes
    /// its result into the population's scratch array and swaps it in, leaving the starting
    /// array untouched as the new scratch; swapping back restores it without copying, so a
    /// measured step is the round alone, as in the C and NumPy references.
    /// </summary>
    public void Restore()
    {
        if (!ReferenceEquals(Population.Trust, _start))
        {
            Population.SwapTrustAndScratch();
        }
    }

    /// <summary>One synchronous round of CIT-INFLUENCE on <paramref name="threads"/> threads.</summary>
    public void Step(int threads) =>
        SocialInfluence.Step(Population, Network, Epsilon, Mu, rounds: 1, Seed, StepNumber, threads);
}

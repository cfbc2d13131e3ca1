using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// The optimised CIT-INFLUENCE gives the same bits as <see cref="StraightforwardInfluence"/>,
/// the rule written plainly from the model description, on every network kind, with dormant
/// citizens, several states, odd and even numbers of rounds and any number of threads.
/// </summary>
public sealed class OptimisedInfluenceTests
{
    private const double Epsilon = 0.3;
    private const double Mu = 0.3;

    public enum Kind
    {
        SmallWorld,
        Random,
        WellMixed,
    }

    [Test]
    public void Optimised_step_equals_the_straightforward_one(
        [Values] Kind kind,
        [Values(1, 2, 4)] int threads,
        [Values(1, 2, 3)] int rounds)
    {
        // Three states of 15,001 citizens: more than two chunks, and state borders that fall
        // inside a chunk, so the optimised rule's cuts at borders and chunks are all exercised.
        const int perState = 15_001;
        var network = Build(kind, perState, 3);
        var optimised = Population(perState, 3);
        var straightforward = Population(perState, 3);
        float[] start = (float[])optimised.Trust.Clone();

        SocialInfluence.Step(optimised, network, Epsilon, Mu, rounds, seed: 77, step: 5, maxDegreeOfParallelism: threads);
        StraightforwardInfluence.Step(straightforward, network, Epsilon, Mu, rounds, seed: 77, step: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));

            // Guards against a vacuous pass: a real share of citizens moved.
            int moved = Enumerable.Range(0, start.Length).Count(i => start[i] != optimised.Trust[i]);
            Assert.That(moved, Is.GreaterThan(optimised.Count / 4));
        }
    }

    [Test]
    public void Each_state_listens_with_its_own_bound_in_its_own_rounds(
        [Values] Kind kind,
        [Values(1, 4)] int threads,
        [Values] bool vectors)
    {
        // Three states with three bounds and 2, 0 and 3 rounds: the second state's citizens keep
        // their trust while the others listen, also to them; borders fall inside chunks.
        const int perState = 15_001;
        double[] epsilon = [0.1, 0.5, 0.3];
        int[] rounds = [2, 0, 3];
        var network = Build(kind, perState, 3);
        var optimised = Population(perState, 3);
        var straightforward = Population(perState, 3);
        float[] start = (float[])optimised.Trust.Clone();
        bool before = InfluencePass.VectorsEnabled;
        try
        {
            InfluencePass.VectorsEnabled = vectors && before;
            SocialInfluence.Step(optimised, network, epsilon, Mu, rounds, seed: 79, step: 7, maxDegreeOfParallelism: threads);
        }
        finally
        {
            InfluencePass.VectorsEnabled = before;
        }

        StraightforwardInfluence.Step(straightforward, network, epsilon, Mu, rounds, seed: 79, step: 7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
            Assert.That(Bits(optimised.Trust[perState..(2 * perState)]), Is.EqualTo(Bits(start[perState..(2 * perState)])), "the state without rounds keeps its trust");
            Assert.That(Enumerable.Range(2 * perState, perState).Count(i => start[i] != optimised.Trust[i]), Is.GreaterThan(perState / 4));
        }
    }

    [Test]
    public void The_same_bound_and_rounds_for_every_state_give_the_bits_of_one_value([Values] Kind kind, [Values(1, 4)] int threads)
    {
        const int perState = 15_001;
        var network = Build(kind, perState, 3);
        var perStateValues = Population(perState, 3);
        var oneValue = Population(perState, 3);

        SocialInfluence.Step(perStateValues, network, [Epsilon, Epsilon, Epsilon], Mu, [3, 3, 3], seed: 80, step: 8, maxDegreeOfParallelism: threads);
        SocialInfluence.Step(oneValue, network, Epsilon, Mu, 3, seed: 80, step: 8, maxDegreeOfParallelism: threads);

        Assert.That(Bits(perStateValues.Trust), Is.EqualTo(Bits(oneValue.Trust)));
    }

    [Test]
    public void The_scalar_loop_alone_equals_the_straightforward_one([Values] Kind kind, [Values(1, 2)] int threads)
    {
        // Where 256-bit vectors are fast the rule takes eight citizens at a time and leaves only
        // remainders to the scalar loop; switched off, the scalar loop must give the same bits.
        const int perState = 15_001;
        var network = Build(kind, perState, 3);
        var optimised = Population(perState, 3);
        var straightforward = Population(perState, 3);
        bool vectors = InfluencePass.VectorsEnabled;
        try
        {
            InfluencePass.VectorsEnabled = false;
            SocialInfluence.Step(optimised, network, Epsilon, Mu, rounds: 3, seed: 78, step: 6, maxDegreeOfParallelism: threads);
        }
        finally
        {
            InfluencePass.VectorsEnabled = vectors;
        }

        StraightforwardInfluence.Step(straightforward, network, Epsilon, Mu, rounds: 3, seed: 78, step: 6);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [Test]
    public void Citizens_without_ties_and_signed_zeros_are_kept_as_they_are([Values(1, 2)] int threads)
    {
        // Every other citizen has no tie; a negative zero outside the bound must stay a negative
        // zero, as in the plain rule, which simply leaves it alone.
        const int perState = 20_000;
        var ties = Enumerable.Range(0, perState).Where(i => i % 4 == 0).Select(i => (i, i + 1 + perState));
        var network = SocialNetwork.FromTies(perState, 2, ties);
        var optimised = Population(perState, 2);
        optimised.Trust[0] = -0f;
        optimised.Trust[1 + perState] = 0.9f;
        var straightforward = Population(perState, 2);
        straightforward.Trust[0] = -0f;
        straightforward.Trust[1 + perState] = 0.9f;

        SocialInfluence.Step(optimised, network, 0.5, 0.5, rounds: 1, seed: 3, step: 0, maxDegreeOfParallelism: threads);
        StraightforwardInfluence.Step(straightforward, network, 0.5, 0.5, rounds: 1, seed: 3, step: 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
            Assert.That(BitConverter.SingleToInt32Bits(optimised.Trust[0]), Is.EqualTo(BitConverter.SingleToInt32Bits(-0f)));
        }
    }

    [Test]
    public void A_gap_equal_to_the_bound_does_not_move_either_way()
    {
        // 0.25 and 0.75 are exact in single precision, so the gap is exactly 0.5: not below the bound.
        var optimised = CitizenTestData.WithTrust(2, 0.25f, 0.75f, 0.25f, 0.5f);
        var straightforward = CitizenTestData.WithTrust(2, 0.25f, 0.75f, 0.25f, 0.5f);
        var network = SocialNetwork.FromTies(2, 2, [(0, 1), (2, 3)]);

        SocialInfluence.Step(optimised, network, 0.5, 0.5, rounds: 1, seed: 1, step: 0);
        StraightforwardInfluence.Step(straightforward, network, 0.5, 0.5, rounds: 1, seed: 1, step: 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(optimised.Trust, Is.EqualTo(straightforward.Trust));
            Assert.That(optimised.Trust, Is.EqualTo((float[])[0.25f, 0.75f, 0.375f, 0.375f]));
        }
    }

    [Test]
    public void A_parallel_step_allocates_nothing_per_round_once_warm()
    {
        // Measured over every thread of the process, so the helpers' work counts too.
        const int perState = 100_000;
        var network = SocialNetwork.SmallWorld(perState, 2, 10, 0.1, 0.02, new Xoshiro256(4));
        var population = Population(perState, 2);
        SocialInfluence.Step(population, network, Epsilon, Mu, rounds: 2, seed: 1, step: 0, maxDegreeOfParallelism: 2);

        // Counted over every thread of the process, so the helpers' work counts too, and so
        // does whatever else the test host does meanwhile (a few hundred bytes a window here;
        // zero in a process of its own, where the benchmarks measure it). Hence the least of
        // five windows of 20 rounds, and a bound far below Parallel.For's 1.8 kB a round.
        long least = long.MaxValue;
        for (int window = 0; window < 5; window++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int step = 1; step <= 10; step++)
            {
                SocialInfluence.Step(population, network, Epsilon, Mu, rounds: 2, seed: 1, step: step, maxDegreeOfParallelism: 2);
            }

            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        Assert.That(least, Is.LessThan(1_000));
    }

    private static SocialNetwork Build(Kind kind, int perState, int states) => kind switch
    {
        Kind.SmallWorld => SocialNetwork.SmallWorld(perState, states, 10, 0.1, 0.05, new Xoshiro256(12)),
        Kind.Random => SocialNetwork.ErdosRenyi(perState, states, 3, 0.05, new Xoshiro256(13)),
        _ => SocialNetwork.WellMixed(perState, states),
    };

    /// <summary>Uniform trust, and one citizen in five with dormant cross-border ties.</summary>
    private static CitizenPopulation Population(int perState, int states)
    {
        var population = CitizenTestData.Uniform(perState, states, seed: 31);
        var rng = new Xoshiro256(32);
        for (int i = 0; i < population.Count; i++)
        {
            if (rng.NextDouble() < 0.2)
            {
                population.Set(i, CitizenTraits.CrossBorderDormant);
            }
        }

        return population;
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}

using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// The citizen rules and the state summaries over populations of several chunks a state
/// (<see cref="SocialInfluence.ChunkSize"/> citizens a chunk), on one, two and three threads:
/// the element-wise rules give the bits of <see cref="StraightforwardRules"/> on any number of
/// threads, and the summaries, summed chunk by chunk, give one double for any number of threads
/// that equals the plain citizen-order sums within the rounding either order can make.
/// </summary>
public sealed class ChunkedCitizenRulesTests
{
    /// <summary>Three chunks and a short fourth a state: a chunk boundary inside every state, and a remainder after every vector width.</summary>
    private const int PerState = (3 * SocialInfluence.ChunkSize) + 1_037;

    /// <summary>Three states: one pair summed side by side and one state alone.</summary>
    private const int States = 3;

    private static readonly double[] Shifts = [-0.3, 0.45, 0];
    private static readonly double[] Links = [0.8, 0.0, 2.5];
    private static readonly double[] Pushes = [0.2, -0.35, 0];
    private static readonly double[] Sigmas = [0.2, 0, 0.05];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Element_wise_rules_equal_the_straightforward_rules_on_any_number_of_threads(int threads)
    {
        var (chunked, straightforward) = Pair();
        double[] rates = [2, 5, 0.5];
        double[] effects = [0.02, 0.1, 0.3];

        OpinionNoise.Apply(chunked, 0, Sigmas, seed: 31, step: 7, threads);
        StraightforwardRules.Noise(straightforward, Sigmas, seed: 31, step: 7);
        Media.Apply(chunked, 0, Shifts, threads);
        StraightforwardRules.Media(straightforward, Shifts);
        Contact.Apply(chunked, 0, Links, rates, 1.0 / 12, effects, negativeShare: 0.15, allportFactor: 0.6, threads);
        StraightforwardRules.Contact(straightforward, Links, rates, 1.0 / 12, effects, negativeShare: 0.15, allport: 0.6);
        Outreach.Apply(chunked, 0, Pushes, threads);
        StraightforwardRules.Outreach(straightforward, Pushes);

        Assert.That(Bits(chunked.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [Test]
    public void Summaries_are_the_same_double_on_one_two_and_three_threads()
    {
        var (population, _) = Pair();
        var one = Summaries(population, 1);
        var two = Summaries(population, 2);
        var three = Summaries(population, 3);
        double[] means = new double[States];
        CitizenMetrics.Means(population, 0, means, 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(two, Is.EqualTo(one));
            Assert.That(three, Is.EqualTo(one));

            // Turnover's means are the summaries' means to the bit.
            Assert.That(means, Is.EqualTo(one.Mean));
        }
    }

    /// <summary>
    /// Plain recursive summation of n terms errs by at most (n - 1) u times the sum of their
    /// magnitudes (u = 2^-53; Higham 2002, "Accuracy and Stability of Numerical Algorithms",
    /// section 4.2); summing chunks of C terms and then the k chunk sums errs by at most
    /// (C - 1 + k - 1) u times the same. Both are of the same true sum, so the two sums differ
    /// by less than (n + C + k) u times the sum of magnitudes; for a mean (terms in [0,1],
    /// divided by n) by less than (n + C + k) u. The sum of squared deviations has the same
    /// bound relative to its own value (its dependence on the mean is of second order at the
    /// mean), so the SD, its square root, half of it relative to the SD. The tolerances below are
    /// these bounds (about 10^-11 here), so the test fails if a chunk is left out, counted twice or
    /// added to the wrong state: each moves a mean by more than 0.01.
    /// </summary>
    [Test]
    public void Chunked_summaries_equal_the_plain_citizen_order_sums_within_the_rounding_bound()
    {
        var (population, _) = Pair();
        var chunked = Summaries(population, 2);
        double[] mean = new double[States], sd = new double[States], hostile = new double[States];
        StraightforwardRules.Metrics(population, mean, sd, hostile);

        int chunks = (PerState + SocialInfluence.ChunkSize - 1) / SocialInfluence.ChunkSize;
        double bound = (PerState + SocialInfluence.ChunkSize + chunks) * Math.Pow(2, -53);
        using (Assert.EnterMultipleScope())
        {
            for (int s = 0; s < States; s++)
            {
                Assert.That(chunked.Mean[s], Is.EqualTo(mean[s]).Within(bound), $"mean of state {s}");
                Assert.That(chunked.Sd[s], Is.EqualTo(sd[s]).Within(bound * sd[s]), $"SD of state {s}");

                // Counts are exact whatever the order.
                Assert.That(chunked.Hostile[s], Is.EqualTo(hostile[s]), $"hostile share of state {s}");
            }
        }
    }

    [Test]
    public void A_state_of_one_chunk_is_summed_in_plain_citizen_order()
    {
        // The summation order changed only for states of more than one chunk: smaller publics
        // (the scenario format's default is 2,000 a state) keep their values to the bit.
        var population = new CitizenPopulation(SocialInfluence.ChunkSize, 2);
        Fill(population, 5);
        var chunked = Summaries(population, 2);
        double[] mean = new double[2], sd = new double[2], hostile = new double[2];
        StraightforwardRules.Metrics(population, mean, sd, hostile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunked.Mean, Is.EqualTo(mean));
            Assert.That(chunked.Sd, Is.EqualTo(sd));
            Assert.That(chunked.Hostile, Is.EqualTo(hostile));
        }
    }

    [Test]
    public void Influence_is_the_same_on_one_two_and_three_threads()
    {
        var network = SocialNetwork.Build(new TrackSim.Core.Domain.NetworkSpec(TrackSim.Core.Domain.NetworkKind.SmallWorld, 10, 0.1, 0.02), PerState, States, new Xoshiro256(3));
        int[][] results = new int[3][];
        for (int threads = 1; threads <= 3; threads++)
        {
            var (population, _) = Pair();
            SocialInfluence.Step(population, network, epsilon: 0.3, mu: 0.3, rounds: 3, seed: 5, step: 2, threads);
            results[threads - 1] = Bits(population.Trust);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results[1], Is.EqualTo(results[0]));
            Assert.That(results[2], Is.EqualTo(results[0]));
        }
    }

    /// <summary>
    /// Once a thread has run the rules with as many threads, they allocate nothing: the team,
    /// its helpers and each rule's chunks are made once per calling thread and reused. The calling
    /// thread must allocate nothing at all. Counted over every thread of the process, the thread
    /// pool itself may allocate now and then (a thread it adds when the machine is busy), so the
    /// least of three passes of ten steps is held under 1 kB: what the rules' 70 calls would
    /// allocate with <c>Parallel.For</c> is about 125 kB (1.8 kB a call).
    /// </summary>
    [Test]
    [NonParallelizable]
    public void Warm_rules_on_two_threads_allocate_nothing()
    {
        var (population, _) = Pair();
        var network = SocialNetwork.Build(new TrackSim.Core.Domain.NetworkSpec(TrackSim.Core.Domain.NetworkKind.SmallWorld, 10, 0.1, 0.02), PerState, States, new Xoshiro256(3));
        double[] rates = [2, 5, 0.5], effects = [0.02, 0.1, 0.3], bounds = [0.3, 0.3, 0.3];
        int[] rounds = [1, 1, 1];
        double[] mean = new double[States], sd = new double[States], hostile = new double[States];
        void Step(int step)
        {
            SocialInfluence.Step(population, 0, network, bounds, 0.3, rounds, seed: 5, step, 2);
            OpinionNoise.Apply(population, 0, Sigmas, seed: 31, step, 2);
            Media.Apply(population, 0, Shifts, 2);
            Contact.Apply(population, 0, Links, rates, 1.0 / 12, effects, negativeShare: 0.15, allportFactor: 0.6, 2);
            Outreach.Apply(population, 0, Pushes, 2);
            CitizenMetrics.Means(population, 0, mean, 2);
            CitizenMetrics.Compute(population, 0, mean, sd, hostile, 2);
        }

        for (int step = 0; step < 20; step++)
        {
            Step(step);
        }

        long least = long.MaxValue;
        long mine = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            long beforeMine = GC.GetAllocatedBytesForCurrentThread();
            for (int step = 0; step < 10; step++)
            {
                Step(100 + (10 * pass) + step);
            }

            mine += GC.GetAllocatedBytesForCurrentThread() - beforeMine;
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine, Is.Zero, "the calling thread");
            Assert.That(least, Is.LessThan(1024), "every thread");
        }
    }

    private static (double[] Mean, double[] Sd, double[] Hostile) Summaries(CitizenPopulation population, int threads)
    {
        double[] mean = new double[population.StateCount], sd = new double[population.StateCount], hostile = new double[population.StateCount];
        CitizenMetrics.Compute(population, 0, mean, sd, hostile, threads);
        return (mean, sd, hostile);
    }

    /// <summary>Two identical populations: trust spread over [0,1] with its edges, exposure, tie counts and the shared language drawn.</summary>
    private static (CitizenPopulation, CitizenPopulation) Pair()
    {
        var first = new CitizenPopulation(PerState, States);
        Fill(first, 11);
        var second = new CitizenPopulation(PerState, States);
        first.Trust.CopyTo(second.Trust, 0);
        first.Exposure.CopyTo(second.Exposure, 0);
        first.ActiveCrossBorderTies.CopyTo(second.ActiveCrossBorderTies, 0);
        first.Flags.CopyTo(second.Flags, 0);
        return (first, second);
    }

    private static void Fill(CitizenPopulation population, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        float[] edges = [0f, -0f, 1f, 1e-30f, 0.999999f, float.Epsilon];
        for (int i = 0; i < population.Count; i++)
        {
            // Each state leans its own way, so a chunk added to the wrong state shows.
            float lean = 0.3f * population.StateOf(i) / States;
            population.Trust[i] = i % 50 < edges.Length ? edges[i % 50] : Math.Min(1f, (float)(rng.NextDouble() * 0.7) + lean);
            population.Exposure[i] = (float)rng.NextDouble();
            population.ActiveCrossBorderTies[i] = (ushort)rng.Next(0, 40);
            population.Flags[i] = rng.NextDouble() < 0.3 ? (byte)CitizenTraits.SharedLanguage : (byte)0;
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}

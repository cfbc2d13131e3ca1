using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

public sealed class SocialInfluenceTests
{
    [Test]
    public void Partners_within_the_bound_close_the_share_mu_of_their_gap()
    {
        // Each citizen has exactly one tie, so the partner is certain whatever the hash.
        var population = CitizenTestData.WithTrust(2, 0.2f, 0.4f, 0.5f, 0.9f);
        var network = SocialNetwork.FromTies(2, 2, [(0, 1), (2, 3)]);

        SocialInfluence.Step(population, network, epsilon: 0.3, mu: 0.5, rounds: 1, seed: 1, step: 0);

        // 0 and 1 are 0.2 apart (< 0.3): both move half way, reading the same snapshot.
        // 2 and 3 are 0.4 apart (>= 0.3): neither moves.
        Assert.That(population.Trust, Is.EqualTo((float[])[0.3f, 0.3f, 0.5f, 0.9f]).Within(1e-6f));
    }

    [Test]
    public void Later_rounds_read_the_previous_rounds_result()
    {
        var population = CitizenTestData.WithTrust(3, 0.0f, 0.2f, 0.8f);
        var network = SocialNetwork.FromTies(3, 1, [(0, 1)]);

        SocialInfluence.Step(population, network, epsilon: 0.5, mu: 0.25, rounds: 2, seed: 1, step: 0);

        // Round 1: 0 -> 0.05, 1 -> 0.15; round 2: 0 -> 0.05 + 0.025 = 0.075, 1 -> 0.15 - 0.025 = 0.125.
        // Citizen 2 has no tie and keeps its trust.
        Assert.That(population.Trust, Is.EqualTo((float[])[0.075f, 0.125f, 0.8f]).Within(1e-6f));
    }

    [Test]
    public void An_odd_number_of_rounds_swaps_the_result_in_and_leaves_the_old_trust_untouched()
    {
        // The result is committed by swapping the trust and scratch arrays, not by copying; the
        // benchmarks rely on the old array being left as it was.
        var population = CitizenTestData.WithTrust(2, 0.2f, 0.4f, 0.5f, 0.9f);
        var network = SocialNetwork.FromTies(2, 2, [(0, 1), (2, 3)]);
        float[] before = population.Trust;

        SocialInfluence.Step(population, network, epsilon: 0.3, mu: 0.5, rounds: 1, seed: 1, step: 0);

        Assert.Multiple(() =>
        {
            Assert.That(population.Trust, Is.Not.SameAs(before));
            Assert.That(population.Scratch, Is.SameAs(before));
            Assert.That(before, Is.EqualTo((float[])[0.2f, 0.4f, 0.5f, 0.9f]));
            Assert.That(population.Trust, Is.EqualTo((float[])[0.3f, 0.3f, 0.5f, 0.9f]).Within(1e-6f));
        });

        // Two rounds end where they started: in the same array, with no swap.
        float[] current = population.Trust;
        SocialInfluence.Step(population, network, epsilon: 0.3, mu: 0.5, rounds: 2, seed: 1, step: 1);
        Assert.That(population.Trust, Is.SameAs(current));
    }

    [Test]
    public void A_cross_border_tie_with_a_dormant_end_carries_nothing()
    {
        var population = CitizenTestData.WithTrust(2, 0.2f, 0.2f, 0.4f, 0.4f);
        population.Set(2, CitizenTraits.CrossBorderDormant);
        var network = SocialNetwork.FromTies(2, 2, [(0, 2), (1, 3)]);

        SocialInfluence.Step(population, network, epsilon: 0.5, mu: 0.5, rounds: 1, seed: 1, step: 0);

        // 0-2 has the dormant citizen 2 at one end; 1-3 is active and both move to 0.3.
        Assert.That(population.Trust, Is.EqualTo((float[])[0.2f, 0.3f, 0.4f, 0.3f]).Within(1e-6f));
    }

    [Test]
    public void A_dormant_citizen_still_listens_at_home()
    {
        var population = CitizenTestData.WithTrust(2, 0.2f, 0.4f, 0.5f, 0.5f);
        population.Set(0, CitizenTraits.CrossBorderDormant);
        var network = SocialNetwork.FromTies(2, 2, [(0, 1)]);

        SocialInfluence.Step(population, network, epsilon: 0.5, mu: 0.5, rounds: 1, seed: 1, step: 0);

        Assert.That(population.Trust[0], Is.EqualTo(0.3f).Within(1e-6f));
    }

    [Test]
    public void Zero_convergence_or_bound_changes_nothing()
    {
        var population = CitizenTestData.Uniform(1000, 2, seed: 5);
        float[] before = (float[])population.Trust.Clone();
        var network = SocialNetwork.SmallWorld(1000, 2, 10, 0.1, 0.1, new Xoshiro256(1));

        SocialInfluence.Step(population, network, epsilon: 0.3, mu: 0, rounds: 5, seed: 1, step: 0);
        SocialInfluence.Step(population, network, epsilon: 0, mu: 0.5, rounds: 5, seed: 1, step: 1);

        Assert.That(population.Trust, Is.EqualTo(before));
    }

    [Test]
    public void Trust_stays_in_the_unit_interval_at_extreme_parameters()
    {
        var population = CitizenTestData.Uniform(5000, 2, seed: 9);
        population.Trust[0] = 0f;
        population.Trust[1] = 1f;
        var network = SocialNetwork.WellMixed(5000, 2);

        SocialInfluence.Step(population, network, epsilon: 10, mu: 1, rounds: 20, seed: 3, step: 4);

        Assert.That(population.Trust, Is.All.InRange(0f, 1f));
    }

    [Test]
    public void Well_mixed_partners_come_from_the_whole_population()
    {
        // Two states with trust 0 and 1 and a bound wide enough to bridge them: under full
        // mixing about half the partners are abroad, so both states move toward the middle.
        var population = new CitizenPopulation(1000, 2);
        population.Trust.AsSpan(1000).Fill(1f);

        SocialInfluence.Step(population, SocialNetwork.WellMixed(1000, 2), epsilon: 1.01, mu: 0.5, rounds: 1, seed: 2, step: 0);

        // Each citizen picks an abroad partner with probability 1000/1999; the share moved is
        // binomial with SD 0.016, so 0.5 +- 0.06 is about four SDs.
        double movedAtHome = population.Trust.Take(1000).Count(x => x > 0) / 1000.0;
        double movedAbroad = population.Trust.Skip(1000).Count(x => x < 1) / 1000.0;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(movedAtHome, Is.EqualTo(0.5).Within(0.06));
            Assert.That(movedAbroad, Is.EqualTo(0.5).Within(0.06));
        }
    }

    [Test]
    public void The_same_seed_and_step_give_the_same_result_and_another_step_a_different_one()
    {
        float[] Run(int step)
        {
            var population = CitizenTestData.Uniform(2000, 2, seed: 4);
            SocialInfluence.Step(population, SocialNetwork.WellMixed(2000, 2), 0.3, 0.3, 3, seed: 11, step: step);
            return population.Trust;
        }

        float[] first = Run(7);
        float[] again = Run(7);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(Run(8), Is.Not.EqualTo(first));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Parallel_rounds_are_bit_identical_to_sequential_ones(bool wellMixed)
    {
        // 200,000 citizens make about twelve chunks, so the parallel path really splits the work.
        const int perState = 100_000;
        var network = wellMixed
            ? SocialNetwork.WellMixed(perState, 2)
            : SocialNetwork.SmallWorld(perState, 2, 10, 0.1, 0.05, new Xoshiro256(21));
        var sequential = CitizenTestData.Uniform(perState, 2, seed: 8);
        var parallel = CitizenTestData.Uniform(perState, 2, seed: 8);
        for (int i = 0; i < sequential.Count; i += 7)
        {
            sequential.Set(i, CitizenTraits.CrossBorderDormant);
            parallel.Set(i, CitizenTraits.CrossBorderDormant);
        }

        SocialInfluence.Step(sequential, network, 0.25, 0.3, rounds: 3, seed: 99, step: 12, maxDegreeOfParallelism: 1);
        SocialInfluence.Step(parallel, network, 0.25, 0.3, rounds: 3, seed: 99, step: 12, maxDegreeOfParallelism: 4);

        float[] start = CitizenTestData.Uniform(perState, 2, seed: 8).Trust;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parallel.Trust, Is.EqualTo(sequential.Trust));

            // Guards against a vacuous pass: most citizens did move.
            Assert.That(Enumerable.Range(0, start.Length).Count(i => start[i] != sequential.Trust[i]), Is.GreaterThan(sequential.Count / 2));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_sequential_step_allocates_nothing(bool wellMixed)
    {
        const int perState = 20_000;
        var network = wellMixed
            ? SocialNetwork.WellMixed(perState, 2)
            : SocialNetwork.SmallWorld(perState, 2, 10, 0.1, 0.05, new Xoshiro256(2));
        var population = CitizenTestData.Uniform(perState, 2, seed: 3);
        SocialInfluence.Step(population, network, 0.3, 0.3, 3, seed: 1, step: 0, maxDegreeOfParallelism: 1);

        // A per-step allocation shows in every call; the runtime itself (tiered compilation under a
        // loaded machine) can allocate once in a while, so the least of five calls is what counts.
        long least = long.MaxValue;
        for (int step = 1; step <= 5; step++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            SocialInfluence.Step(population, network, 0.3, 0.3, 3, seed: 1, step: step, maxDegreeOfParallelism: 1);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.That(least, Is.Zero);
    }
}

using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

public sealed class TurnoverTests
{
    private const int PerState = 100_000;
    private const float Marker = 2f;

    private static readonly CohortSpec Cohorts = new(SharedLanguage: 0.3, CrossBorderTies: 0.8);

    private static (CitizenPopulation Population, SocialNetwork Network) Setup()
    {
        var population = new CitizenPopulation(PerState, 2);

        // A value no draw can give marks who has been replaced.
        population.Trust.AsSpan().Fill(Marker);
        var network = SocialNetwork.SmallWorld(PerState, 2, 10, 0.1, 0.1, new Xoshiro256(5));
        population.CountCrossBorderTies(network);
        return (population, network);
    }

    [Test]
    public void About_the_expected_share_is_replaced()
    {
        var (population, network) = Setup();

        int replaced = Turnover.Apply(population, network, 0.05, Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 1, step: 0);

        // Expected 200,000 * 0.05 = 10,000 with binomial SD 97; 400 is four SDs.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replaced, Is.EqualTo(10_000).Within(400));
            Assert.That(population.Trust.Count(x => x != Marker), Is.EqualTo(replaced));
        }
    }

    [TestCase(0.02, 0.2)]
    [TestCase(0.3, 0.0)]
    [TestCase(0.0, 0.1)]
    [TestCase(1.0, 0.05)]
    public void Each_state_loses_about_its_own_share(double home, double abroad)
    {
        // Skips that cross into a state with another chance start afresh there: each state's
        // share stays its own (binomial SD at most 0.0016 among 100,000; 0.007 is over four SDs).
        var (population, network) = Setup();

        Turnover.Apply(population, network, [home, abroad], Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 8, step: 1);

        double first = population.Trust.AsSpan(0, PerState).ToArray().Count(x => x != Marker) / (double)PerState;
        double second = population.Trust.AsSpan(PerState, PerState).ToArray().Count(x => x != Marker) / (double)PerState;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(home).Within(0.007));
            Assert.That(second, Is.EqualTo(abroad).Within(0.007));
            if (home == 0 || abroad == 0)
            {
                Assert.That(Math.Min(first, second), Is.Zero, "a state whose chance is 0 loses no one");
            }
        }
    }

    [Test]
    public void The_same_chance_for_every_state_replaces_the_citizens_of_one_chance()
    {
        var (perState, network) = Setup();
        var (one, _) = Setup();

        int a = Turnover.Apply(perState, network, [0.07, 0.07], Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 9, step: 4);
        int b = Turnover.Apply(one, network, 0.07, Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 9, step: 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(perState.Trust, Is.EqualTo(one.Trust));
            Assert.That(perState.Flags, Is.EqualTo(one.Flags));
        }
    }

    [Test]
    public void Newcomers_get_the_cohort_traits_and_trust_around_the_state_mean()
    {
        var (population, network) = Setup();
        Turnover.Apply(population, network, 0.05, Cohorts, [0.3, 0.7], [0.1, 0.05], seed: 2, step: 3);

        var newcomers = Enumerable.Range(0, population.Count).Where(i => population.Trust[i] != Marker).ToArray();
        double language = newcomers.Average(i => population.Has(i, CitizenTraits.SharedLanguage) ? 1.0 : 0.0);
        double dormant = newcomers.Average(i => population.Has(i, CitizenTraits.CrossBorderDormant) ? 1.0 : 0.0);
        double[] home = newcomers.Where(i => i < PerState).Select(i => (double)population.Trust[i]).ToArray();
        double[] abroad = newcomers.Where(i => i >= PerState).Select(i => (double)population.Trust[i]).ToArray();

        using (Assert.EnterMultipleScope())
        {
            // About 10,000 newcomers: a binomial share has SD below 0.005, so 0.02 is four SDs or more.
            Assert.That(language, Is.EqualTo(0.3).Within(0.02));
            Assert.That(dormant, Is.EqualTo(1 - 0.8).Within(0.02));

            // About 5,000 per state: the SE of the mean is 0.1 / 70 = 0.0014 and of the SD about 0.001.
            Assert.That(home.Average(), Is.EqualTo(0.3).Within(0.01));
            Assert.That(Sd(home), Is.EqualTo(0.1).Within(0.01));
            Assert.That(abroad.Average(), Is.EqualTo(0.7).Within(0.01));
            Assert.That(Sd(abroad), Is.EqualTo(0.05).Within(0.01));
        }
    }

    [Test]
    public void Active_cross_border_tie_counts_stay_current()
    {
        var (population, network) = Setup();
        for (int step = 0; step < 5; step++)
        {
            Turnover.Apply(population, network, 0.1, Cohorts, [0.5, 0.5], [0.1, 0.1], seed: 3, step: step);
        }

        ushort[] kept = (ushort[])population.ActiveCrossBorderTies.Clone();
        population.CountCrossBorderTies(network);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept, Is.EqualTo(population.ActiveCrossBorderTies));

            // Guards against a vacuous pass: dormancy really removed ties.
            Assert.That(kept.Sum(t => (long)t), Is.LessThan(network.Offsets[^1] / 10 * 0.95));
        }
    }

    [Test]
    public void No_one_or_everyone_is_replaced_at_probability_zero_or_one()
    {
        var (population, network) = Setup();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Turnover.Apply(population, network, 0, Cohorts, [0.5, 0.5], [0.1, 0.1], 1, 0), Is.Zero);
            Assert.That(population.Trust, Is.All.EqualTo(Marker));
            Assert.That(Turnover.Apply(population, network, 1, Cohorts, [0.5, 0.5], [0.1, 0.1], 1, 1), Is.EqualTo(population.Count));
            Assert.That(population.Trust, Is.All.InRange(0f, 1f));
        }
    }

    [TestCase(0.5, 0.9)]
    [TestCase(0.0, 0.1)]
    [TestCase(1.0, 0.1)]
    [TestCase(0.3, 0.0)]
    public void Newcomers_trust_is_a_valid_value_for_any_mean_and_sd(double mean, double sd)
    {
        var (population, network) = Setup();

        Turnover.Apply(population, network, 1, Cohorts, [mean, mean], [sd, sd], seed: 4, step: 0);

        // An SD above what a Beta allows is capped; a mean at 0 or 1 is kept just inside.
        double average = population.Trust.Average(x => (double)x);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(population.Trust, Is.All.InRange(0f, 1f));
            Assert.That(average, Is.EqualTo(mean).Within(0.01));
        }
    }

    [Test]
    public void The_same_seed_and_step_replace_the_same_citizens_the_same_way()
    {
        var (first, network) = Setup();
        var (second, _) = Setup();
        Turnover.Apply(first, network, 0.05, Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 6, step: 2);
        Turnover.Apply(second, network, 0.05, Cohorts, [0.3, 0.7], [0.1, 0.1], seed: 6, step: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Trust, Is.EqualTo(first.Trust));
            Assert.That(second.Flags, Is.EqualTo(first.Flags));
        }
    }

    [Test]
    public void A_step_of_turnover_media_outreach_contact_and_metrics_allocates_nothing()
    {
        var (population, network) = Setup();

        // The per-state arrays are made up front: a debug build allocates span literals at the call.
        double[] means = [0.3, 0.7], sds = [0.1, 0.1], shift = [0.01, -0.01], links = [0.5, 0.5];
        double[] mean = new double[2], sd = new double[2], hostile = new double[2];
        void RunEveryRule(int step)
        {
            Turnover.Apply(population, network, 0.01, Cohorts, means, sds, seed: 7, step);
            Media.Apply(population, shift);
            Outreach.Apply(population, shift);
            Contact.Apply(population, links, 2, 1 / 12.0, 0.02, 0.15, 0.6);
            CitizenMetrics.Compute(population, mean, sd, hostile);
        }

        // Measured after a first call, so the methods are already compiled.
        // A per-step allocation shows in every call; the runtime itself (tiered compilation under a
        // loaded machine) can allocate once in a while, so the least of five calls is what counts.
        RunEveryRule(0);
        long least = long.MaxValue;
        for (int step = 1; step <= 5; step++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            RunEveryRule(step);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.That(least, Is.Zero);
    }

    private static double Sd(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }
}

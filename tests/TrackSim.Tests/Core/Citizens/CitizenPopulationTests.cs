using System.Collections.Immutable;
using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

public sealed class CitizenPopulationTests
{
    private const int PerState = 20_000;

    private static readonly CitizenSpec Spec = new(
        PerState,
        ImmutableSortedDictionary<string, TrustDistribution>.Empty.Add("IN", new TrustDistribution(0.3, 0.1)),
        new NetworkSpec(NetworkKind.SmallWorld, 10, 0.1, 0.1),
        SharedLanguage: 0.4,
        new CohortSpec(0.3, 0.5));

    private static CitizenPopulation Create(ulong seed = 1, double exposure = 0.6) =>
        CitizenPopulation.Create(Spec, ["IN", "PK"], exposure, new Xoshiro256(seed));

    [Test]
    public void States_are_contiguous_blocks_in_scenario_order()
    {
        var population = Create();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(population.Count, Is.EqualTo(2 * PerState));
            Assert.That(population.StateOf(PerState - 1), Is.Zero);
            Assert.That(population.StateOf(PerState), Is.EqualTo(1));
            Assert.That(population.StateRange(1), Is.EqualTo(new Range(PerState, 2 * PerState)));
        }
    }

    [Test]
    public void Initial_trust_follows_each_state_distribution()
    {
        var population = Create();
        var (inMean, inSd) = MeanSd(population.Trust.AsSpan(0, PerState));
        var (pkMean, pkSd) = MeanSd(population.Trust.AsSpan(PerState, PerState));
        using (Assert.EnterMultipleScope())
        {
            // 20,000 draws: the SE of a mean is at most 0.15 / 141 = 0.001 and of an SD below 0.001.
            Assert.That(inMean, Is.EqualTo(0.3).Within(0.005));
            Assert.That(inSd, Is.EqualTo(0.1).Within(0.005));

            // PK is not named, so it gets the default distribution.
            Assert.That(pkMean, Is.EqualTo(TrustDistribution.Default.Mean).Within(0.005));
            Assert.That(pkSd, Is.EqualTo(TrustDistribution.Default.Sd).Within(0.005));
            Assert.That(population.Trust, Is.All.InRange(0f, 1f));
        }
    }

    [Test]
    public void Shared_language_and_exposure_follow_their_means_and_no_one_is_dormant()
    {
        var population = Create();
        double language = Enumerable.Range(0, population.Count).Average(i => population.Has(i, CitizenTraits.SharedLanguage) ? 1.0 : 0.0);
        var (exposureMean, exposureSd) = MeanSd(population.Exposure);
        using (Assert.EnterMultipleScope())
        {
            // 40,000 Bernoulli draws: SD 0.0025.
            Assert.That(language, Is.EqualTo(0.4).Within(0.01));
            Assert.That(exposureMean, Is.EqualTo(0.6).Within(0.005));

            // Beta with concentration 4: SD sqrt(0.6 * 0.4 / 5) = 0.219.
            Assert.That(exposureSd, Is.EqualTo(Math.Sqrt(0.24 / 5)).Within(0.005));
            Assert.That(Enumerable.Range(0, population.Count).Any(i => population.Has(i, CitizenTraits.CrossBorderDormant)), Is.False);
        }
    }

    [Test]
    public void Each_state_draws_exposure_around_its_own_mean()
    {
        var population = CitizenPopulation.Create(Spec, ["IN", "PK"], [0.2, 0.8], seed: 3);
        var (inMean, inSd) = MeanSd(population.Exposure.AsSpan(0, PerState));
        var (pkMean, pkSd) = MeanSd(population.Exposure.AsSpan(PerState, PerState));
        using (Assert.EnterMultipleScope())
        {
            // 20,000 draws each: the SE of a mean is 0.18 / 141 = 0.0013; the SD is sqrt(m (1 - m) / 5) = 0.179 for both.
            Assert.That(inMean, Is.EqualTo(0.2).Within(0.006));
            Assert.That(pkMean, Is.EqualTo(0.8).Within(0.006));
            Assert.That(inSd, Is.EqualTo(Math.Sqrt(0.16 / 5)).Within(0.006));
            Assert.That(pkSd, Is.EqualTo(Math.Sqrt(0.16 / 5)).Within(0.006));
        }
    }

    [Test]
    public void The_same_mean_exposure_for_every_state_draws_the_population_of_one_mean()
    {
        var perState = CitizenPopulation.Create(Spec, ["IN", "PK"], [0.45, 0.45], seed: 4);
        var one = CitizenPopulation.Create(Spec, ["IN", "PK"], 0.45, seed: 4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(perState.Exposure, Is.EqualTo(one.Exposure));
            Assert.That(perState.Trust, Is.EqualTo(one.Trust));
            Assert.That(perState.Flags, Is.EqualTo(one.Flags));
        }
    }

    [Test]
    public void A_mean_exposure_per_state_needs_one_value_in_range_for_each_state()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => CitizenPopulation.Create(Spec, ["IN", "PK"], [0.5], seed: 1), Throws.ArgumentException);
            Assert.That(() => CitizenPopulation.Create(Spec, ["IN", "PK"], [0.5, 1.5], seed: 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    public void Exposure_at_an_end_is_the_same_for_everyone(double exposure)
    {
        Assert.That(Create(exposure: exposure).Exposure, Is.All.EqualTo((float)exposure));
    }

    [Test]
    public void The_same_seed_draws_the_same_population()
    {
        var first = Create(seed: 3);
        var again = Create(seed: 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Trust, Is.EqualTo(first.Trust));
            Assert.That(again.Flags, Is.EqualTo(first.Flags));
            Assert.That(again.Exposure, Is.EqualTo(first.Exposure));
            Assert.That(Create(seed: 4).Trust, Is.Not.EqualTo(first.Trust));
        }
    }

    [Test]
    public void A_population_drawn_in_parallel_blocks_is_the_same_every_time()
    {
        // Three states of 100,000 make five blocks of 65,536 drawn on the thread pool.
        var spec = Spec with { PerState = 100_000 };
        var first = CitizenPopulation.Create(spec, ["IN", "PK", "BD"], 0.6, new Xoshiro256(8));
        var again = CitizenPopulation.Create(spec, ["IN", "PK", "BD"], 0.6, new Xoshiro256(8));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Trust, Is.EqualTo(first.Trust));
            Assert.That(again.Exposure, Is.EqualTo(first.Exposure));
            Assert.That(again.Flags, Is.EqualTo(first.Flags));

            // Blocks draw from different streams, not the same numbers over again.
            Assert.That(first.Trust.AsSpan(0, 1000).SequenceEqual(first.Trust.AsSpan(CitizenPopulation.CreationChunk, 1000)), Is.False);
        }
    }

    [Test]
    public void Active_cross_border_ties_skip_dormant_citizens_at_either_end()
    {
        var population = CitizenTestData.WithTrust(2, 0.5f, 0.5f, 0.5f, 0.5f);
        var network = SocialNetwork.FromTies(2, 2, [(0, 1), (0, 2), (0, 3), (1, 3)]);
        population.Set(3, CitizenTraits.CrossBorderDormant);

        population.CountCrossBorderTies(network);

        // 0: ties abroad to 2 and to dormant 3 -> 1; 1: only to dormant 3 -> 0; 2: to 0 -> 1; 3: dormant -> 0.
        Assert.That(population.ActiveCrossBorderTies, Is.EqualTo((ushort[])[1, 0, 1, 0]));
    }

    [Test]
    public void A_network_of_other_citizens_is_refused()
    {
        var population = new CitizenPopulation(10, 2);
        Assert.That(() => population.CountCrossBorderTies(SocialNetwork.WellMixed(10, 3)), Throws.ArgumentException);
    }

    private static (double Mean, double Sd) MeanSd(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        double squares = 0;
        foreach (float v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / values.Length));
    }
}

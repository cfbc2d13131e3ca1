using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

public sealed class MediaTests
{
    [Test]
    public void Each_citizen_takes_in_the_state_shift_in_proportion_to_exposure()
    {
        var population = CitizenTestData.WithTrust(2, 0.5f, 0.5f, 0.5f, 0.5f);
        float[] exposure = [1f, 0.5f, 0.5f, 0f];
        exposure.CopyTo(population.Exposure, 0);

        Media.Apply(population, [-0.2, 0.1]);

        Assert.That(population.Trust, Is.EqualTo((float[])[0.3f, 0.4f, 0.55f, 0.5f]).Within(1e-6f));
    }

    [Test]
    public void Hostile_news_lowers_and_cooperative_news_raises_trust()
    {
        var population = CitizenTestData.Uniform(1000, 2, seed: 1);
        population.Exposure.AsSpan().Fill(0.6f);
        float[] before = (float[])population.Trust.Clone();

        Media.Apply(population, [-0.05, 0.05]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, 1000).All(i => population.Trust[i] <= before[i]), Is.True);
            Assert.That(Enumerable.Range(1000, 1000).All(i => population.Trust[i] >= before[i]), Is.True);
            Assert.That(population.Trust.Take(1000).Average(), Is.LessThan(before.Take(1000).Average()));
        }
    }

    [Test]
    public void Shocks_larger_than_the_scale_are_clamped_to_the_unit_interval()
    {
        var population = CitizenTestData.Uniform(500, 2, seed: 2);
        population.Exposure.AsSpan().Fill(1f);

        Media.Apply(population, [-10, 10]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(population.Trust.Take(500), Is.All.EqualTo(0f));
            Assert.That(population.Trust.Skip(500), Is.All.EqualTo(1f));
        }
    }

    [Test]
    public void A_shift_for_every_state_is_required()
    {
        var population = CitizenTestData.WithTrust(1, 0.5f, 0.5f);
        Assert.That(() => Media.Apply(population, [0.1]), Throws.ArgumentException);
    }
}

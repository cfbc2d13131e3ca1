using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

public sealed class OutreachTests
{
    [Test]
    public void Only_citizens_with_the_shared_language_are_moved()
    {
        var population = CitizenTestData.WithTrust(2, 0.5f, 0.5f, 0.4f, 0.8f);
        population.Set(0, CitizenTraits.SharedLanguage);
        population.Set(2, CitizenTraits.SharedLanguage);

        Outreach.Apply(population, [0.2, -0.5]);

        // 0: 0.5 + 0.2 * (1 - 0.5) = 0.6; 2: 0.4 - 0.5 * 0.4 = 0.2; 1 and 3 do not share the language.
        Assert.That(population.Trust, Is.EqualTo((float[])[0.6f, 0.5f, 0.2f, 0.8f]).Within(1e-6f));
    }

    [Test]
    public void Pushes_beyond_one_are_clamped_to_the_unit_interval()
    {
        var population = CitizenTestData.Uniform(500, 2, seed: 3);
        for (int i = 0; i < population.Count; i++)
        {
            population.Set(i, CitizenTraits.SharedLanguage);
        }

        Outreach.Apply(population, [5, -5]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(population.Trust.Take(500), Is.All.EqualTo(1f));
            Assert.That(population.Trust.Skip(500), Is.All.EqualTo(0f));
        }
    }

    [Test]
    public void The_dormant_trait_does_not_stop_outreach()
    {
        var population = CitizenTestData.WithTrust(1, 0.5f);
        population.Set(0, CitizenTraits.SharedLanguage);
        population.Set(0, CitizenTraits.CrossBorderDormant);

        Outreach.Apply(population, [0.5]);

        Assert.That(population.Trust[0], Is.EqualTo(0.75f).Within(1e-6f));
    }
}

using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

public sealed class ContactTests
{
    [Test]
    public void Allport_factor_is_the_mean_of_the_four_conditions()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Contact.AllportFactor(1, 0, 0.5, 0.5), Is.EqualTo(0.5));
            Assert.That(Contact.AllportFactor(1, 1, 1, 1), Is.EqualTo(1.0));
            Assert.That(Contact.AllportFactor(0.6, 0.6, 0.6, 0.6), Is.EqualTo(0.6).Within(1e-12));
            Assert.That(() => Contact.AllportFactor(1.5, 0, 0, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void Contacts_come_from_links_and_active_cross_border_ties()
    {
        var population = CitizenTestData.WithTrust(2, 0.5f, 0.9f, 0.3f, 0.1f);
        population.ActiveCrossBorderTies[1] = 2;
        population.ActiveCrossBorderTies[3] = 1;

        // dt * rate * effect = 0.5 * 2 * 0.1 = 0.1 per unit of links or ties; A = 0.8; goal 1 - 0.25 = 0.75.
        Contact.Apply(population, [0.5, 0], contactsPerYear: 2, dt: 0.5, effect: 0.1, negativeShare: 0.25, allportFactor: 0.8);

        // 0: 0.5 + 0.1 * 0.5 * 0.8 * (0.75 - 0.5) = 0.51
        // 1: 0.9 + 0.1 * 2.5 * 0.8 * (0.75 - 0.9) = 0.87 (above the goal, negative contacts win)
        // 2: no links at home, no ties: unchanged
        // 3: 0.1 + 0.1 * 1 * 0.8 * (0.75 - 0.1) = 0.152
        Assert.That(population.Trust, Is.EqualTo((float[])[0.51f, 0.87f, 0.3f, 0.152f]).Within(1e-6f));
    }

    [Test]
    public void Only_positive_contact_raises_trust_and_only_negative_contact_lowers_it()
    {
        var positive = CitizenTestData.Uniform(1000, 1, seed: 1);
        var negative = CitizenTestData.Uniform(1000, 1, seed: 1);
        float[] before = (float[])positive.Trust.Clone();

        Contact.Apply(positive, [1.0], 2, 1, 0.05, negativeShare: 0, allportFactor: 0.6);
        Contact.Apply(negative, [1.0], 2, 1, 0.05, negativeShare: 1, allportFactor: 0.6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, 1000).All(i => positive.Trust[i] > before[i]), Is.True);
            Assert.That(Enumerable.Range(0, 1000).All(i => negative.Trust[i] < before[i] || before[i] == 0), Is.True);
        }
    }

    [Test]
    public void A_step_never_passes_the_goal_however_many_contacts()
    {
        var population = CitizenTestData.Uniform(1000, 1, seed: 2);
        population.ActiveCrossBorderTies.AsSpan().Fill(ushort.MaxValue);

        // With the cap the weight is at most A = 1, which lands exactly on the goal 1 - 0.3.
        Contact.Apply(population, [1000], contactsPerYear: 365, dt: 1, effect: 1, negativeShare: 0.3, allportFactor: 1);

        Assert.That(population.Trust, Is.All.EqualTo(0.7f).Within(1e-6f));
    }

    [Test]
    public void Trust_stays_in_the_unit_interval_at_extreme_parameters()
    {
        var population = CitizenTestData.Uniform(1000, 2, seed: 3);
        population.Trust[0] = 0f;
        population.Trust[1] = 1f;

        Contact.Apply(population, [1000, 0], 365, 1, 1, negativeShare: 1, allportFactor: 1);
        Contact.Apply(population, [0, 1000], 365, 1, 1, negativeShare: 0, allportFactor: 1);

        Assert.That(population.Trust, Is.All.InRange(0f, 1f));
    }

    [Test]
    public void Negative_link_strength_is_refused()
    {
        var population = CitizenTestData.WithTrust(1, 0.5f);
        Assert.That(() => Contact.Apply(population, [-1.0], 2, 1, 0.1, 0.1, 0.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}

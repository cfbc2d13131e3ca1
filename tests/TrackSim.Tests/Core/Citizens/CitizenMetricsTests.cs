using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

public sealed class CitizenMetricsTests
{
    [Test]
    public void Mean_sd_and_hostile_share_are_computed_per_state()
    {
        var population = CitizenTestData.WithTrust(4, 0.1f, 0.3f, 0.5f, 0.7f, 0.25f, 0.25f, 0.25f, 0.25f);
        double[] mean = new double[2], sd = new double[2], hostile = new double[2];

        CitizenMetrics.Compute(population, mean, sd, hostile);

        using (Assert.EnterMultipleScope())
        {
            // Float inputs carry about 1e-8 of rounding, hence the tolerances.
            Assert.That(mean, Is.EqualTo((double[])[0.4, 0.25]).Within(1e-7));

            // Population SD: sqrt((0.09 + 0.01 + 0.01 + 0.09) / 4) = sqrt(0.05).
            Assert.That(sd, Is.EqualTo((double[])[Math.Sqrt(0.05), 0.0]).Within(1e-7));

            // Hostile means strictly below 0.25.
            Assert.That(hostile, Is.EqualTo((double[])[0.25, 0.0]));
        }
    }

    [Test]
    public void A_narrow_distribution_keeps_its_sd()
    {
        // Trust 0.9 +- 1e-4: a one-pass E[x^2] - E[x]^2 in single precision would lose this.
        var population = new CitizenPopulation(10_000, 1);
        for (int i = 0; i < population.Count; i++)
        {
            population.Trust[i] = i % 2 == 0 ? 0.8999f : 0.9001f;
        }

        double[] mean = new double[1], sd = new double[1], hostile = new double[1];
        CitizenMetrics.Compute(population, mean, sd, hostile);

        // The float values are 0.8999 and 0.9001 to about 3e-8.
        Assert.That(sd[0], Is.EqualTo(1e-4).Within(1e-7));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void The_means_alone_are_bit_identical_to_those_of_the_full_summary(int states)
    {
        // Turnover reads only the means; they must be the very doubles Compute writes.
        var population = CitizenTestData.Uniform(1_001, states, seed: 7);
        double[] mean = new double[states], sd = new double[states], hostile = new double[states];
        CitizenMetrics.Compute(population, mean, sd, hostile);

        double[] means = new double[states];
        CitizenMetrics.Means(population, means);

        Assert.That(means.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(mean.Select(BitConverter.DoubleToInt64Bits)));
    }
}

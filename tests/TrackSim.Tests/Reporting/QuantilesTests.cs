using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class QuantilesTests
{
    private static readonly double[] Probabilities = [0.05, 0.5, 0.95];

    // numpy.quantile([1..10], [0.05, 0.5, 0.95]) and R quantile(1:10, c(.05,.5,.95)) give 1.45, 5.5, 9.55.
    [TestCase(0.05, 1.45)]
    [TestCase(0.50, 5.5)]
    [TestCase(0.95, 9.55)]
    [TestCase(0.0, 1.0)]
    [TestCase(1.0, 10.0)]
    public void Type_7_matches_numpy_and_r_on_one_to_ten(double p, double expected)
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        // 1e-12: the interpolation is one multiply-add on small integers.
        Assert.That(Quantiles.Type7(values, p), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Type_7_interpolates_between_unequal_neighbours()
    {
        // numpy.quantile([0, 10, 40], 0.95) = 37.0: h = 2 * 0.95 = 1.9, 10 + 0.9 * 30.
        Assert.That(Quantiles.Type7([0, 10, 40], 0.95), Is.EqualTo(37.0).Within(1e-12));
    }

    [Test]
    public void A_single_value_is_every_quantile()
    {
        Assert.That(Probabilities.Select(p => Quantiles.Type7([0.42], p)), Is.All.EqualTo(0.42));
    }

    [Test]
    public void Empty_input_and_probabilities_outside_0_to_1_are_refused()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => Quantiles.Type7([], 0.5), Throws.ArgumentException);
            Assert.That(() => Quantiles.Type7([1.0], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void Standard_deviation_uses_n_minus_1_and_is_0_for_one_replicate()
    {
        var (mean, sd) = SummaryTable.MeanAndSd([2, 4, 4, 4, 5, 5, 7, 9]);
        var (single, zero) = SummaryTable.MeanAndSd([3.5]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(5));

            // Population SD of this classic sample is 2; the sample SD is 2 * sqrt(8/7).
            Assert.That(sd, Is.EqualTo(2 * Math.Sqrt(8.0 / 7.0)).Within(1e-12));
            Assert.That(single, Is.EqualTo(3.5));
            Assert.That(zero, Is.Zero);
        }
    }
}

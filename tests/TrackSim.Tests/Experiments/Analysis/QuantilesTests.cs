using MathNet.Numerics.Statistics;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class QuantilesTests
{
    private static readonly double[] OneToFour = [1, 2, 3, 4];

    // Hand-computed with h = (n - 1) p: p = 0.05 -> h = 0.15 -> 1 + 0.15 (2 - 1); p = 0.95 -> h = 2.85 -> 3 + 0.85 (4 - 3).
    // The tolerance is a few units in the last place of numbers near 1 to 4.
    [TestCase(0.05, 1.15)]
    [TestCase(0.25, 1.75)]
    [TestCase(0.5, 2.5)]
    [TestCase(0.95, 3.85)]
    [TestCase(0.0, 1.0)]
    [TestCase(1.0, 4.0)]
    public void Type7_matches_hand_computed_values(double p, double expected)
    {
        Assert.That(Quantiles.Type7(OneToFour, p), Is.EqualTo(expected).Within(1e-12));
    }

    // Expected values are numpy.quantile(sample, p) (NumPy 1.24, method "linear"), printed with repr:
    // compared exactly, since summary.csv should hold the very numbers a reader recomputes.
    [TestCase(new double[] { 1.0, 2, 3, 4 }, 0.05, 1.15)]
    [TestCase(new double[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [TestCase(new double[] { 1.0, 2, 3, 4 }, 0.95, 3.8499999999999996)]
    [TestCase(new double[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.05, 1.45)]
    [TestCase(new double[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.95, 9.549999999999999)]
    [TestCase(new double[] { 0.0, 10, 40 }, 0.95, 37.0)]
    // Awkward ones: halfway between neighbours, where x[lo] + t (x[hi] - x[lo]) rounds differently
    // from NumPy's interpolation from the nearer end, and where (n - 1) p + 1 loses bits.
    [TestCase(new double[] { 0.1304, 0.5926, 0.9159 }, 0.25, 0.3615)]
    [TestCase(new double[] { 0.064, 0.6714 }, 0.1, 0.12473999999999999)]
    [TestCase(new double[] { 0.03775, 0.049, 0.0688 }, 0.95, 0.06682)]
    [TestCase(new double[] { -2.5, -2.5, 0.1, 1e6 }, 0.75, 250000.075)]
    [TestCase(new double[] { 0.1, 0.1, 0.1, 0.3 }, 0.4, 0.1)]
    public void Type7_matches_NumPy_to_the_last_bit(double[] sorted, double p, double expected)
    {
        Assert.That(Quantiles.Type7(sorted, p), Is.EqualTo(expected));
    }

    [Test]
    public void MathNet_R7_differs_from_NumPy_in_the_last_bit_so_the_formula_is_kept()
    {
        // Why Quantiles does not call MathNet.Numerics: its R7 is the same definition but other
        // arithmetic, one unit in the last place away from NumPy on these samples.
        double[] three = [0.1304, 0.5926, 0.9159];
        double[] two = [0.064, 0.6714];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SortedArrayStatistics.QuantileCustom(three, 0.25, QuantileDefinition.R7), Is.Not.EqualTo(0.3615));
            Assert.That(SortedArrayStatistics.QuantileCustom(two, 0.1, QuantileDefinition.R7), Is.Not.EqualTo(0.12473999999999999));
        }
    }

    [Test]
    public void Type7_of_an_odd_sample_at_one_half_is_the_middle_value()
    {
        Assert.That(Quantiles.Type7([2, 7, 40], 0.5), Is.EqualTo(7));
    }

    [Test]
    public void Type7_of_one_value_is_that_value_at_every_probability()
    {
        double[] probabilities = [0.0, 0.3, 1.0];
        Assert.That(probabilities.Select(p => Quantiles.Type7([5.5], p)), Is.All.EqualTo(5.5));
    }

    [Test]
    public void Type7_interpolates_between_tied_values_without_leaving_them()
    {
        Assert.That(Quantiles.Type7([0.1, 0.1, 0.1, 0.3], 0.4), Is.EqualTo(0.1));
    }

    [Test]
    public void Unsorted_helper_sorts_first()
    {
        Assert.That(Quantiles.Type7Unsorted([4, 1, 3, 2], 0.95), Is.EqualTo(3.85).Within(1e-12));
    }

    [Test]
    public void An_unsorted_sample_is_refused_rather_than_given_a_plausible_wrong_answer()
    {
        var error = Assert.Throws<ArgumentException>(() => Quantiles.Type7([1, 3, 2], 0.5));
        Assert.That(error!.Message, Does.Contain("sorted"));
    }

    [TestCase(-0.1)]
    [TestCase(1.1)]
    [TestCase(double.NaN)]
    public void A_probability_outside_0_to_1_is_refused(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Type7(OneToFour, p));
    }

    [Test]
    public void An_empty_sample_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Type7([], 0.5));
    }
}

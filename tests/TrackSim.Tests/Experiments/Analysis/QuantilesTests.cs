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

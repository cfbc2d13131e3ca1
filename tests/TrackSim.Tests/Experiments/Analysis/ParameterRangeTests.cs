using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class ParameterRangeTests
{
    [Test]
    public void The_ends_of_the_unit_interval_map_exactly_onto_the_bounds()
    {
        // 0.1 and 0.7 are not exact in binary; Low + 1 * (High - Low) would miss High by one rounding.
        var range = new ParameterRange("p", 0.1, 0.7);
        Assert.Multiple(() =>
        {
            Assert.That(range.At(0), Is.EqualTo(0.1));
            Assert.That(range.At(1), Is.EqualTo(0.7));
            Assert.That(range.At(0.5), Is.EqualTo(0.4).Within(1e-15));
        });
    }

    [Test]
    public void A_low_bound_above_the_high_bound_is_refused_naming_the_path()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ParameterRange("tension.memory", 2, 1));
        Assert.That(error!.Message, Does.Contain("tension.memory"));
    }

    [TestCase(double.NaN, 1.0)]
    [TestCase(0.0, double.PositiveInfinity)]
    public void Non_finite_bounds_are_refused(double low, double high)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ParameterRange("p", low, high));
    }

    [Test]
    public void A_single_grid_level_is_refused_unless_the_range_is_a_point()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ParameterRange("p", 0, 1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ParameterRange("p", 0, 1, 0));
            Assert.That(new ParameterRange("p", 3, 3, 1).Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void An_empty_path_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _ = new ParameterRange(" ", 0, 1));
    }
}

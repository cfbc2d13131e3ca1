using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class TicksTests
{
    private static readonly string[] TenthsByTwo = ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"];

    // About the width of DejaVu Sans digits at 7 pt.
    private static double Measure(string text) => text.Length * 4.5;

    [TestCase(200, 10)]
    [TestCase(480, 5)]
    [TestCase(1100, 2)]
    public void Long_runs_get_year_ticks_as_dense_as_their_labels_allow(double width, int step)
    {
        var (major, minor) = TimeTicks.For(new DateOnly(1984, 1, 1), new DateOnly(2022, 1, 1), width, Measure, 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(major.Select(t => t.Date.Year).Zip(major.Skip(1).Select(t => t.Date.Year), (a, b) => b - a), Is.All.EqualTo(step));
            Assert.That(major.Select(t => t.Date.Year), Is.All.Matches<int>(y => y % step == 0));
            Assert.That(major.Select(t => t.Label), Is.EqualTo(major.Select(t => t.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(minor, Is.Not.Empty);
        }
    }

    [Test]
    public void Short_runs_get_month_ticks()
    {
        var (major, _) = TimeTicks.For(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), 400, Measure, 8);

        Assert.That(major[0].Label, Is.EqualTo("Jan 2020"));
        Assert.That(major.Select(t => t.Date.Day), Is.All.EqualTo(1));
    }

    [Test]
    public void Value_ticks_are_nice_numbers_covering_the_data_and_never_minus_zero()
    {
        var (min, max, ticks) = ValueTicks.For(-0.0000001, 0.83, 0, 1, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(min, Is.LessThanOrEqualTo(0));
            Assert.That(max, Is.GreaterThanOrEqualTo(0.83));
            Assert.That(ticks.Select(t => t.Label), Is.EqualTo(TenthsByTwo));
        }
    }

    [Test]
    public void Value_ticks_stay_inside_a_metrics_bounds()
    {
        var (min, _, ticks) = ValueTicks.For(0.001, 3.2, 0, double.PositiveInfinity, 5);

        Assert.That(min, Is.Zero);
        Assert.That(ticks.Select(t => t.Value), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(ticks, Has.Count.InRange(3, 5));
    }
}

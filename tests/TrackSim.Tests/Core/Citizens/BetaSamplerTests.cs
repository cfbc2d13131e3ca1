using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

public sealed class BetaSamplerTests
{
    // 100,000 draws: the SE of the mean is below 0.5 / 316 = 0.0016 and of the SD below 0.002,
    // so 0.006 is three SDs or more.
    private const int Draws = 100_000;

    [TestCase(0.3, 0.1)]
    [TestCase(0.5, 0.2)]
    [TestCase(0.05, 0.05)]
    [TestCase(0.9, 0.25)]
    public void Draws_have_the_requested_mean_and_sd(double mean, double sd)
    {
        var (sampleMean, sampleSd, min, max) = Sample(mean, sd, key: 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sampleMean, Is.EqualTo(mean).Within(0.006));
            Assert.That(sampleSd, Is.EqualTo(sd).Within(0.006));
            Assert.That(min, Is.GreaterThanOrEqualTo(0));
            Assert.That(max, Is.LessThanOrEqualTo(1));
        }
    }

    [Test]
    public void An_sd_beyond_what_a_beta_allows_is_capped()
    {
        // The largest SD at mean 0.5 is 0.5; the cap is 99% of it. Draws pile up near 0 and 1.
        var (sampleMean, sampleSd, min, max) = Sample(0.5, 0.8, key: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sampleMean, Is.EqualTo(0.5).Within(0.01));
            Assert.That(sampleSd, Is.EqualTo(0.495).Within(0.006));
            Assert.That(double.IsNaN(min) || double.IsNaN(max), Is.False);
        }
    }

    [Test]
    public void A_zero_sd_gives_the_mean()
    {
        var stream = new CounterStream(3);
        Assert.That(BetaSampler.Sample(ref stream, 0.42, 0), Is.EqualTo(0.42));
    }

    private static (double Mean, double Sd, double Min, double Max) Sample(double mean, double sd, ulong key)
    {
        var stream = new CounterStream(key);
        double sum = 0, squares = 0, min = double.MaxValue, max = double.MinValue;
        for (int i = 0; i < Draws; i++)
        {
            double x = BetaSampler.Sample(ref stream, mean, sd);
            sum += x;
            squares += x * x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        double m = sum / Draws;
        return (m, Math.Sqrt((squares / Draws) - (m * m)), min, max);
    }
}

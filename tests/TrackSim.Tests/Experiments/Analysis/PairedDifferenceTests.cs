using MathNet.Numerics.Distributions;
using TrackSim.Core.Randomness;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class PairedDifferenceTests
{
    [Test]
    public void A_small_example_matches_the_hand_computation()
    {
        // Differences 2, 3, 2, 3: mean 2.5, SD sqrt(4 * 0.25 / 3) = 0.57735; t(0.975, 3) = 3.182446,
        // so the half-width is 3.182446 * 0.57735 / 2 = 0.918693. Tolerance: the six digits given.
        var result = PairedDifference.Of([3, 5, 4, 6], [1, 2, 2, 3]);
        Assert.Multiple(() =>
        {
            Assert.That(result.N, Is.EqualTo(4));
            Assert.That(result.MeanVariant, Is.EqualTo(4.5));
            Assert.That(result.MeanBaseline, Is.EqualTo(2));
            Assert.That(result.MeanDifference, Is.EqualTo(2.5));
            Assert.That(result.StandardDeviation, Is.EqualTo(0.577350).Within(1e-6));
            Assert.That(result.Low, Is.EqualTo(1.581307).Within(1e-6));
            Assert.That(result.High, Is.EqualTo(3.418693).Within(1e-6));
            Assert.That(result.FractionHigher, Is.EqualTo(1));
            Assert.That(result.FractionLower, Is.Zero);
        });
    }

    [Test]
    public void Ties_count_as_neither_higher_nor_lower()
    {
        var result = PairedDifference.Of([1, 2, 3, 4, 5], [1, 2, 4, 3, 5]);
        Assert.Multiple(() =>
        {
            Assert.That(result.FractionHigher, Is.EqualTo(0.2));
            Assert.That(result.FractionLower, Is.EqualTo(0.2));
            Assert.That(result.MeanDifference, Is.Zero);
        });
    }

    [Test]
    public void Identical_runs_give_a_zero_width_interval_at_zero()
    {
        var result = PairedDifference.Of([0.3, 0.5, 0.7], [0.3, 0.5, 0.7]);
        Assert.That(new[] { result.MeanDifference, result.StandardDeviation, result.Low, result.High }, Is.All.EqualTo(0));
    }

    [Test]
    public void A_single_pair_has_a_difference_but_no_spread_or_interval()
    {
        var result = PairedDifference.Of([2.0], [1.5]);
        Assert.Multiple(() =>
        {
            Assert.That(result.MeanDifference, Is.EqualTo(0.5));
            Assert.That(result.StandardDeviation, Is.Null);
            Assert.That(result.Low, Is.Null);
            Assert.That(result.High, Is.Null);
        });
    }

    [Test]
    public void Pairing_on_common_random_numbers_gives_a_far_narrower_interval_than_unpaired_differences()
    {
        // Each replicate r has a shared noise z_r ~ N(0, 1) (its random streams) that a variant
        // inherits, plus a small noise of its own ~ N(0, 0.1); the variant adds 0.2. Paired, the
        // differences have SD 0.1 sqrt(2) = 0.14; paired with another replicate's baseline they
        // have SD sqrt(2 (1 + 0.01)) = 1.42, so the interval should be about ten times narrower.
        // Asking for five leaves room for the sampling noise of two SDs from 40 pairs.
        const int n = 40;
        var random = new Xoshiro256(2024);
        double[] shared = [.. Enumerable.Range(0, n).Select(_ => Normal.Sample(random, 0, 1))];
        double[] baseline = [.. shared.Select(z => z + Normal.Sample(random, 0, 0.1))];
        double[] variant = [.. shared.Select(z => z + 0.2 + Normal.Sample(random, 0, 0.1))];
        double[] otherBaseline = [.. Enumerable.Range(0, n).Select(r => baseline[(r + 1) % n])];

        var paired = PairedDifference.Of(variant, baseline);
        var unpaired = PairedDifference.Of(variant, otherBaseline);
        double pairedWidth = paired.High!.Value - paired.Low!.Value;
        double unpairedWidth = unpaired.High!.Value - unpaired.Low!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(pairedWidth, Is.LessThan(unpairedWidth / 5));
            Assert.That(paired.Low, Is.GreaterThan(0), "paired, the effect of 0.2 is resolved");
            Assert.That(unpaired.Low, Is.LessThan(0), "unpaired, it is lost in the noise");
        });
    }

    [Test]
    public void Unequal_counts_and_non_finite_values_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, 2], [1]));
            Assert.Throws<ArgumentException>(() => PairedDifference.Of([], []));
            Assert.Throws<ArgumentException>(() => PairedDifference.Of([1, double.NaN], [1, 2]));
        });
    }
}

using System.Collections.Immutable;
using TrackSim.Reporting.Calibration;

namespace TrackSim.Tests.Reporting.Calibration;

/// <summary>The weighted statistics the posterior charts mark, on inputs whose answer is known.</summary>
public sealed class WeightedStatisticsTests
{
    [Test]
    public void All_the_weight_on_one_value_makes_every_quantile_that_value()
    {
        double[] values = [0.1, 0.9, 0.3, 0.7];
        double[] weights = [0, 0, 1, 0];

        foreach (double p in new[] { 0, 0.05, 0.5, 0.95, 1 })
        {
            Assert.That(WeightedStatistics.Quantile(values, weights, p), Is.EqualTo(0.3), $"p = {p}");
        }
    }

    [Test]
    public void Equal_weights_give_the_type_5_quantiles()
    {
        // 1..100: type 5 puts value i at (i - 0.5) / 100, so p = 0.5 falls halfway between 50 and 51.
        double[] values = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()];
        double[] weights = [.. Enumerable.Repeat(0.01, 100)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WeightedStatistics.Quantile(values, weights, 0.5), Is.EqualTo(50.5).Within(1e-9));
            Assert.That(WeightedStatistics.Quantile(values, weights, 0.05), Is.EqualTo(5.5).Within(1e-9));
            Assert.That(WeightedStatistics.Quantile(values, weights, 0.95), Is.EqualTo(95.5).Within(1e-9));
            Assert.That(WeightedStatistics.Quantile(values, weights, 0.001), Is.EqualTo(1));
            Assert.That(WeightedStatistics.Quantile(values, weights, 0.999), Is.EqualTo(100));
        }
    }

    [Test]
    public void A_uniform_sample_has_its_quantiles_where_the_uniform_distribution_does()
    {
        // 10,001 evenly spaced values on [2, 4]: the p-quantile is 2 + 2p up to the spacing, 0.0002.
        double[] values = [.. Enumerable.Range(0, 10_001).Select(i => 2 + (i * 0.0002))];
        double[] weights = [.. Enumerable.Repeat(1.0 / 10_001, 10_001)];
        var summary = WeightedStatistics.Summarise(new PosteriorParameter("x", "", 2, 4, [.. values]), weights);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Median, Is.EqualTo(3).Within(2e-4));
            Assert.That(summary.Low, Is.EqualTo(2.1).Within(2e-4));
            Assert.That(summary.High, Is.EqualTo(3.9).Within(2e-4));
        }
    }

    [Test]
    public void Weights_move_the_median_towards_the_heavier_values()
    {
        // Two values: the median lies between their midpoints on the cumulative scale, 0.1 and 0.6.
        double[] values = [0, 1];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WeightedStatistics.Quantile(values, [0.5, 0.5], 0.5), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(WeightedStatistics.Quantile(values, [0.2, 0.8], 0.5), Is.EqualTo(0.8).Within(1e-12));
            Assert.That(WeightedStatistics.Quantile(values, [0.8, 0.2], 0.5), Is.EqualTo(0.2).Within(1e-12));
        }
    }

    [Test]
    public void The_effective_sample_size_is_n_for_equal_weights_and_1_for_one_particle()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WeightedStatistics.EffectiveSampleSize([.. Enumerable.Repeat(0.25, 4)]), Is.EqualTo(4).Within(1e-12));
            Assert.That(WeightedStatistics.EffectiveSampleSize([0, 1, 0]), Is.EqualTo(1));
        }
    }

    [Test]
    public void The_weighted_correlation_of_a_known_bivariate_normal_is_its_rho()
    {
        // 20,000 importance-weighted particles of a correlation-0.7 target: the estimate is within a few hundredths.
        var (parameters, weights) = SyntheticPosterior.Sample(2, 20_000, rho: 0.7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WeightedStatistics.Correlation(parameters[0].Values, parameters[1].Values, weights), Is.EqualTo(0.7).Within(0.03));
            Assert.That(WeightedStatistics.Correlation(parameters[0].Values, parameters[0].Values, weights), Is.EqualTo(1).Within(1e-9));
            Assert.That(WeightedStatistics.Correlation([1.0, 1.0, 1.0], [0.0, 1.0, 2.0], [0.2, 0.3, 0.5]), Is.Null);
        }
    }

    [Test]
    public void The_importance_weighted_sample_has_the_target_medians()
    {
        // The target's marginals are normal with medians 0.35 and 1.6 (the priors cut neither by much).
        var (parameters, weights) = SyntheticPosterior.Sample(2, 20_000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WeightedStatistics.Summarise(parameters[0], weights).Median, Is.EqualTo(0.35).Within(0.005));
            Assert.That(WeightedStatistics.Summarise(parameters[1], weights).Median, Is.EqualTo(1.6).Within(0.03));

            // 5% and 95% of a normal: the median ∓ 1.645 standard deviations.
            Assert.That(WeightedStatistics.Summarise(parameters[0], weights).Low, Is.EqualTo(0.35 - (1.645 * 0.08)).Within(0.01));
            Assert.That(WeightedStatistics.Summarise(parameters[0], weights).High, Is.EqualTo(0.35 + (1.645 * 0.08)).Within(0.01));
        }
    }

    [TestCase(new double[0], "empty")]
    [TestCase(new[] { 0.5, 0.4 }, "sum to 0.9")]
    [TestCase(new[] { 1.5, -0.5 }, "particle 1")]
    [TestCase(new[] { double.NaN, 1 }, "particle 0")]
    public void Bad_weights_are_refused_with_a_message_naming_them(double[] weights, string says)
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedStatistics.Quantile([.. weights.Select(_ => 0.5)], weights, 0.5));
        Assert.That(error!.Message, Does.Contain(says));
    }

    [Test]
    public void Values_and_weights_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedStatistics.Quantile([1.0, 2.0, 3.0], [0.5, 0.5], 0.5));
        Assert.That(error!.Message, Does.Contain("3 values and 2 weights"));
    }

    [Test]
    public void The_histogram_is_a_density_on_the_prior_range()
    {
        var (parameters, weights) = SyntheticPosterior.Sample(3, 2000);
        foreach (var parameter in parameters)
        {
            var (edges, density) = MarginalPanel.Histogram(parameter, weights);
            double area = Enumerable.Range(0, density.Length).Sum(j => density[j] * (edges[j + 1] - edges[j]));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(edges[0], Is.EqualTo(parameter.PriorLow), parameter.Key);
                Assert.That(edges[^1], Is.EqualTo(parameter.PriorHigh), parameter.Key);
                Assert.That(area, Is.EqualTo(1).Within(1e-9), parameter.Key);
            }
        }

        // The flat third parameter: every bin near the prior's density 1. The sample's ESS is about 1,400:
        // 23 bins of some 60 effective particles each, a relative error of about 13%, so ±40% is three of them.
        var (_, flat) = MarginalPanel.Histogram(parameters[2], weights);
        Assert.That(flat, Has.All.InRange(0.6, 1.4));
    }

    [Test]
    public void A_point_mass_gets_a_single_bar()
    {
        var parameter = new PosteriorParameter("x", "", 0, 1, ImmutableArray.Create(0.3, 0.3, 0.3));
        var (_, density) = MarginalPanel.Histogram(parameter, [0.2, 0.3, 0.5]);

        Assert.That(density.Count(d => d > 0), Is.EqualTo(1));
    }
}

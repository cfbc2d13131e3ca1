using System.Collections.Immutable;
using System.Xml.Linq;
using SkiaSharp;
using TrackSim.Experiments.Calibration;
using TrackSim.Reporting.Calibration;
using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting.Calibration;

/// <summary>The posterior charts: files of the asked size, the statistics they print, bad input refused.</summary>
[TestFixture]
public sealed class PosteriorChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private TempFolder _temp = null!;

    [SetUp]
    public void Create() => _temp = new TempFolder();

    [TearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void Marginals_are_a_png_and_an_svg_of_the_style_width_at_its_dpi()
    {
        var (parameters, weights) = SyntheticPosterior.Sample(3, 400);

        var files = PosteriorCharts.Marginals(_temp.Path, "posterior", "Posterior", parameters, weights, ChartStyle.Default);

        Assert.That(files, Is.EqualTo((string[])["posterior.png", "posterior.svg"]));
        byte[] bytes = File.ReadAllBytes(_temp.File("posterior.png"));
        using var png = SKBitmap.Decode(bytes);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(png, Is.Not.Null);
            Assert.That(png.Width, Is.EqualTo(1050), "3.5 in at 300 dpi");

            // Two columns of 1.45 in fit 3.5 in: three panels take two rows, taller than the style's 2.4 in.
            Assert.That(png.Height, Is.GreaterThan(720));
            Assert.That(PngResolution.DpiOf(bytes), Is.EqualTo(300));
            Assert.That(png.Pixels.Count(p => p.Alpha != 255), Is.Zero);
        }
    }

    [Test]
    public void One_marginal_that_fits_the_style_is_its_size_exactly()
    {
        // One panel 3 in wide wants about 2.7 in of height (a data area 0.55 times as high as wide, the title, the legend); 3 in is enough.
        var (parameters, weights) = SyntheticPosterior.Sample(1, 300);
        var style = ChartStyle.Default with { WidthInches = 3, HeightInches = 3, Dpi = 200, Formats = ["png"] };

        PosteriorCharts.Marginals(_temp.Path, "one", "One", parameters, weights, style);

        using var png = SKBitmap.Decode(_temp.File("one.png"));
        Assert.That((png.Width, png.Height), Is.EqualTo((600, 600)));
    }

    [Test]
    public void A_marginal_panel_is_titled_with_key_and_unit_and_prints_the_weighted_median_and_interval()
    {
        // All the weight on the particle at 0.3: median and both ends are 0.3.
        var parameter = new PosteriorParameter("parameters.posture.fear", "1/year", 0, 1, ImmutableArray.Create(0.1, 0.3, 0.9));
        PosteriorCharts.Marginals(_temp.Path, "point", "Point mass", [parameter], [0, 1, 0], ChartStyle.Default with { Formats = ["svg"] });

        var texts = Texts("point.svg");
        Assert.That(texts, Has.Member("parameters.posture.fear (1/year)"));
        Assert.That(texts, Has.Member("median 0.30, 5–95%: 0.30 to 0.30"));
        Assert.That(texts, Has.Member("3 particles, effective sample size 1"));
    }

    [Test]
    public void A_uniform_sample_prints_the_uniform_quantiles()
    {
        double[] values = [.. Enumerable.Range(0, 1001).Select(i => i * 0.01)];
        double[] weights = [.. Enumerable.Repeat(1.0 / 1001, 1001)];
        var parameter = new PosteriorParameter("x", "", 0, 10, [.. values]);

        PosteriorCharts.Marginals(_temp.Path, "flat", "Flat", [parameter], weights, ChartStyle.Default with { Formats = ["svg"] });

        Assert.That(Texts("flat.svg"), Has.Member("median 5.0, 5–95%: 0.5 to 9.5"));
    }

    [Test]
    public void The_x_axis_spans_the_prior_not_the_particles()
    {
        // Particles between 0.4 and 0.6 of a prior on [0, 1]: the axis is still labelled 0 to 1.
        double[] values = [.. Enumerable.Range(0, 101).Select(i => 0.4 + (i * 0.002))];
        double[] weights = [.. Enumerable.Repeat(1.0 / 101, 101)];
        PosteriorCharts.Marginals(_temp.Path, "narrow", "Narrow", [new PosteriorParameter("x", "", 0, 1, [.. values])], weights, ChartStyle.Default with { Formats = ["svg"] });

        var texts = Texts("narrow.svg");
        Assert.That(texts, Has.Member("0.0").Or.Member("0"));
        Assert.That(texts, Has.Member("1.0").Or.Member("1"));
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void The_pairwise_plot_keeps_panels_of_at_least_085_inch(int k)
    {
        var (parameters, weights) = SyntheticPosterior.Sample(k, 300);

        PosteriorCharts.Pairs(_temp.Path, "pairs", "Pairs", parameters, weights, ChartStyle.Default);

        using var png = SKBitmap.Decode(_temp.File("pairs.png"));
        var texts = Texts("pairs.svg");

        // k panels of 0.85 in and the margins: 3.5 in is enough for k = 2 and 4... not for 8.
        double inches = Math.Max(3.5, (k * PosteriorCharts.MinPairPanelInches) + (6 * 8 / 72.0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(png.Width, Is.EqualTo((int)Math.Round(inches * 300)));
            Assert.That(png.Height, Is.GreaterThan(png.Width * 0.9), "square panels and the labels under them");
            Assert.That(texts.Count(t => t.StartsWith("r = ", StringComparison.Ordinal)), Is.EqualTo(k * (k - 1) / 2), "a correlation above the diagonal for each pair");
            Assert.That(File.ReadAllText(_temp.File("pairs.svg")), Does.Not.Contain("NaN"));
        }
    }

    [Test]
    public void The_pairwise_plot_prints_the_correlation_of_the_pair()
    {
        var (parameters, weights) = SyntheticPosterior.Sample(2, 4000, rho: 0.7);
        double r = WeightedStatistics.Correlation(parameters[0].Values, parameters[1].Values, weights)!.Value;

        PosteriorCharts.Pairs(_temp.Path, "pairs", "Pairs", parameters, weights, ChartStyle.Default with { Formats = ["svg"] });

        Assert.That(r, Is.EqualTo(0.7).Within(0.05));
        Assert.That(Texts("pairs.svg"), Has.Member("r = " + ValueTicks.Label(Math.Round(r, 2), 2)));
    }

    [Test]
    public void A_point_mass_posterior_draws_without_NaN()
    {
        // One particle holds all the weight: zero spread, an effective sample size of 1.
        var parameters = new[]
        {
            new PosteriorParameter("a", "", 0, 1, ImmutableArray.Create(0.5, 0.5)),
            new PosteriorParameter("b", "", -1, 1, ImmutableArray.Create(0.2, -0.3)),
        };
        double[] weights = [1, 0];

        PosteriorCharts.Marginals(_temp.Path, "m", "M", parameters, weights, ChartStyle.Default);
        PosteriorCharts.Pairs(_temp.Path, "p", "P", parameters, weights, ChartStyle.Default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(_temp.File("m.svg")), Does.Not.Contain("NaN"));
            Assert.That(File.ReadAllText(_temp.File("p.svg")), Does.Not.Contain("NaN"));
            Assert.That(Texts("p.svg"), Has.Member("r: none"));
        }
    }

    [Test]
    public void Drawn_twice_the_charts_are_the_same_bytes()
    {
        var (parameters, weights) = SyntheticPosterior.Sample(3, 200);
        PosteriorCharts.Pairs(_temp.File("a"), "pairs", "Pairs", parameters, weights, ChartStyle.Default);
        PosteriorCharts.Pairs(_temp.File("b"), "pairs", "Pairs", parameters, weights, ChartStyle.Default);

        foreach (string file in new[] { "pairs.png", "pairs.svg" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(_temp.File("b"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_temp.File("a"), file))), file);
        }
    }

    [Test]
    public void An_ABC_SMC_posterior_is_charted_through_PosteriorSample()
    {
        // A toy run: the distance is |mu - 1.5|, so the particles close in on 1.5 as the tolerance falls; the second parameter is free.
        UniformPrior[] priors = [new("mu", -10, 10), new("nuisance", 0, 1)];
        static double Distance(double[] theta, ulong seed) => Math.Abs(theta[0] - 1.5);
        var result = AbcSmc.Run(priors, Distance, new AbcSmcOptions { Population = 200, Generations = 4 }, seed: 11);

        var sample = PosteriorSample.From(result.Posterior, result.Priors, name => name == "mu" ? "units" : string.Empty);
        PosteriorCharts.Pairs(_temp.Path, "abc", "ABC", sample.Parameters, sample.Weights, ChartStyle.Default with { Formats = ["svg"] });
        var mu = WeightedStatistics.Summarise(sample.Parameters[0], sample.Weights);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Weights.Sum(), Is.EqualTo(1).Within(1e-9));
            Assert.That(sample.Parameters.Select(p => (p.Key, p.Unit, p.PriorLow, p.PriorHigh)), Is.EqualTo(new[] { ("mu", "units", -10.0, 10.0), ("nuisance", "", 0.0, 1.0) }));

            // Each tolerance is the median of the distances before, about half of it: after four generations mu lies within a few tenths of 1.5.
            Assert.That(mu.Median, Is.EqualTo(1.5).Within(0.2));
            Assert.That(Texts("abc.svg"), Has.Member("mu (units)").And.Member("nuisance"));
        }
    }

    private static PosteriorParameter P(double low = 0, double high = 1, params double[] values) =>
        new("x", "", low, high, values.Length == 0 ? [0.5, 0.5] : [.. values]);

    private static IEnumerable<TestCaseData> BadInputs()
    {
        double[] half = [0.5, 0.5];
        yield return new TestCaseData(Array.Empty<PosteriorParameter>(), half, "no parameters").SetName("no parameters");
        yield return new TestCaseData((PosteriorParameter[])[P()], Array.Empty<double>(), "weights are empty").SetName("no weights");
        yield return new TestCaseData((PosteriorParameter[])[P()], (double[])[0.5, 0.4], "sum to 0.9").SetName("weights not summing to 1");
        yield return new TestCaseData((PosteriorParameter[])[P()], (double[])[1.0], "'x' has 2 values and there are 1 weights").SetName("mismatched lengths");
        yield return new TestCaseData((PosteriorParameter[])[P(1, 1)], half, "prior of 'x' is [1, 1]").SetName("low equal to high");
        yield return new TestCaseData((PosteriorParameter[])[P(2, 1)], half, "prior of 'x' is [2, 1]").SetName("low above high");
        yield return new TestCaseData((PosteriorParameter[])[P(0, 1, 0.5, 1.5)], half, "particle 1 is 1.5, outside its prior").SetName("value outside the prior");
        yield return new TestCaseData((PosteriorParameter[])[P(0, 1, 0.5, double.NaN)], half, "particle 1 is NaN").SetName("NaN value");
        yield return new TestCaseData((PosteriorParameter[])[P(), P()], half, "'x' is given twice").SetName("a key twice");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void Bad_input_is_refused_with_a_message_naming_it(PosteriorParameter[] parameters, double[] weights, string says)
    {
        var marginals = Assert.Throws<ArgumentException>(() => PosteriorCharts.Marginals(_temp.Path, "x", "X", parameters, weights, ChartStyle.Default));
        var pairs = Assert.Throws<ArgumentException>(() => PosteriorCharts.Pairs(_temp.Path, "x", "X", parameters, weights, ChartStyle.Default));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(marginals!.Message, Does.Contain(says));
            Assert.That(pairs!.Message, Does.Contain(says));
            Assert.That(Directory.EnumerateFiles(_temp.Path), Is.Empty, "nothing written");
        }
    }

    [Test]
    public void A_pairwise_plot_of_one_parameter_and_a_bad_style_are_refused()
    {
        var (parameters, weights) = SyntheticPosterior.Sample(1, 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                Assert.Throws<ArgumentException>(() => PosteriorCharts.Pairs(_temp.Path, "x", "X", parameters, weights, ChartStyle.Default))!.Message,
                Does.Contain("at least two parameters"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => PosteriorCharts.Marginals(_temp.Path, "x", "X", parameters, weights, ChartStyle.Default with { Dpi = 10 }))!.Message,
                Does.Contain("dpi"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => PosteriorCharts.Marginals(_temp.Path, "a/b", "X", parameters, weights, ChartStyle.Default))!.Message,
                Does.Contain("file stem"));
        }
    }

    private List<string> Texts(string file) =>
        [.. XDocument.Load(_temp.File(file)).Descendants(Svg + "text").Select(t => t.Value.Trim())];
}

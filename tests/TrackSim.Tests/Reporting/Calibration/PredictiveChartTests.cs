using System.Collections.Immutable;
using System.Xml.Linq;
using SkiaSharp;
using TrackSim.Reporting.Calibration;
using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting.Calibration;

/// <summary>The posterior predictive chart: a file of the asked size, a legend saying which band is which, bands apart in greyscale, bad input refused.</summary>
[TestFixture]
public sealed class PredictiveChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private TempFolder _temp = null!;

    [SetUp]
    public void Create() => _temp = new TempFolder();

    [TearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void The_chart_is_a_png_and_an_svg_of_the_style_size()
    {
        var files = PredictiveChart.Save(_temp.Path, "trust", SyntheticPosterior.Predictive(), ChartStyle.Default);

        Assert.That(files, Is.EqualTo((string[])["trust.png", "trust.svg"]));
        byte[] bytes = File.ReadAllBytes(_temp.File("trust.png"));
        using var png = SKBitmap.Decode(bytes);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((png.Width, png.Height), Is.EqualTo((1050, 720)));
            Assert.That(PngResolution.DpiOf(bytes), Is.EqualTo(300));
            Assert.That(File.ReadAllText(_temp.File("trust.svg")), Does.Not.Contain("NaN"));
        }
    }

    [Test]
    public void The_legend_says_which_band_is_which_and_the_axis_has_the_unit()
    {
        PredictiveChart.Save(_temp.Path, "trust", SyntheticPosterior.Predictive(), ChartStyle.Default with { WidthInches = 7, Formats = ["svg"] });

        var texts = XDocument.Load(_temp.File("trust.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.That(
            texts,
            Has.Member("median")
                .And.Member("5–95%: parameters and run noise")
                .And.Member("5–95%: run noise at the central parameters")
                .And.Member("official figures (with range)")
                .And.Member("press reports")
                .And.Member("Public trust (0–1)")
                .And.Member("Posterior predictive: public trust, Northland"));
    }

    [Test]
    public void The_two_bands_differ_in_grey_level()
    {
        // One date-long band each, wide and noise, over a plain white chart: sample the grey inside each.
        var dates = ImmutableArray.Create(new DateOnly(2000, 1, 1), new DateOnly(2010, 1, 1));
        var band = new PredictiveBand(dates, [0.5, 0.5], [0.1, 0.1], [0.9, 0.9], [0.45, 0.45], [0.55, 0.55]);
        var series = new PredictiveChartInput("T", "M", "", band, [], Floor: 0, Ceiling: 1);
        PredictiveChart.Save(_temp.Path, "bands", series, ChartStyle.Default with { Formats = ["png"] });

        using var png = SKBitmap.Decode(_temp.File("bands.png"));

        // The data area's centre column: wide band alone at 0.75 and 0.25, noise band at 0.52 (the median line is at 0.5).
        var column = Enumerable.Range(0, png.Height).Select(y => Grey(png.GetPixel(png.Width / 2, y))).ToArray();
        double white = 1;
        var levels = column.Where(g => g < white - 0.02).Distinct().Order().ToArray();
        double wide = Grey(Blend(PredictiveChart.WideAlpha));
        double noise = Grey(Blend(1 - ((1 - PredictiveChart.WideAlpha) * (1 - PredictiveChart.NoiseAlpha))));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(levels, Has.Some.EqualTo(wide).Within(0.02), "wide band");
            Assert.That(levels, Has.Some.EqualTo(noise).Within(0.02), "noise band");
            Assert.That(wide - noise, Is.GreaterThan(0.15), "apart by more than 15% of the grey scale");
        }
    }

    [Test]
    public void A_single_date_and_a_band_of_no_width_draw_without_NaN()
    {
        var band = new PredictiveBand([new DateOnly(2020, 6, 1)], [0.5], [0.5], [0.5], [0.5], [0.5]);
        var series = new PredictiveChartInput("T", "M", "", band, [new ObservedPoint(new DateOnly(2020, 6, 1), 0.5, null, null, "")]);

        PredictiveChart.Save(_temp.Path, "flat", series, ChartStyle.Default);

        using var png = SKBitmap.Decode(_temp.File("flat.png"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((png.Width, png.Height), Is.EqualTo((1050, 720)));
            Assert.That(File.ReadAllText(_temp.File("flat.svg")), Does.Not.Contain("NaN"));
        }
    }

    private static IEnumerable<TestCaseData> BadSeries()
    {
        var good = SyntheticPosterior.Predictive();
        var band = good.Band;
        yield return new TestCaseData(good with { Band = band with { Dates = [] } }, "no dates").SetName("no dates");
        yield return new TestCaseData(good with { Band = band with { Median = band.Median.RemoveAt(0) } }, "Median has 123 values for 124 dates").SetName("mismatched lengths");
        yield return new TestCaseData(good with { Band = band with { Dates = band.Dates.SetItem(1, band.Dates[0]) } }, "must increase").SetName("dates not increasing");
        yield return new TestCaseData(good with { Band = band with { High = band.High.SetItem(3, double.NaN) } }, "High on 1990-10-01 is NaN").SetName("NaN in a band");
        yield return new TestCaseData(good with { Band = band with { NoiseLow = band.NoiseHigh, NoiseHigh = band.NoiseLow } }, "low end above its high end").SetName("band upside down");
        yield return new TestCaseData(good with { Observed = [new ObservedPoint(new DateOnly(2000, 1, 1), 0.5, 0.6, 0.7, "")] }, "observation of 2000-01-01").SetName("observation outside its range");
        yield return new TestCaseData(good with { Title = " " }, "needs a title").SetName("no title");
    }

    [TestCaseSource(nameof(BadSeries))]
    public void Bad_input_is_refused_with_a_message_naming_it(PredictiveChartInput series, string says)
    {
        var error = Assert.Throws<ArgumentException>(() => PredictiveChart.Save(_temp.Path, "x", series, ChartStyle.Default));

        Assert.That(error!.Message, Does.Contain(says));
        Assert.That(Directory.EnumerateFiles(_temp.Path), Is.Empty, "nothing written");
    }

    // The colour of the bands (Okabe-Ito blue) at an opacity over white.
    private static SKColor Blend(double alpha)
    {
        var blue = ChartPalette.ColorAt(0).ToSKColor();
        byte Mix(byte c) => (byte)Math.Round(255 - ((255 - c) * alpha));
        return new SKColor(Mix(blue.Red), Mix(blue.Green), Mix(blue.Blue));
    }

    // Luma as greyscale print renders it (ITU-R BT.601 weights), 0 black to 1 white.
    private static double Grey(SKColor c) => ((0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue)) / 255;
}

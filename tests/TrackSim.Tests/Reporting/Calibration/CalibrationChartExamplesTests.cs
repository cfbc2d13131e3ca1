using SkiaSharp;
using TrackSim.Reporting.Calibration;
using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting.Calibration;

/// <summary>
/// The example calibration charts in docs/images/calibration, drawn from synthetic data (a known
/// posterior, a made-up predictive band): run with UPDATE_DOCS=1 to redraw them; otherwise the
/// test checks that each is there and is a PNG of the size the chart code draws now.
/// </summary>
public sealed class CalibrationChartExamplesTests
{
    private const string Folder = "docs/images/calibration";

    [Test]
    public void The_example_charts_in_the_docs_are_those_the_code_draws()
    {
        using var temp = new TempFolder();
        var style = ChartStyle.Default with { Formats = ["png"] };
        var (three, weights3) = SyntheticPosterior.Sample(3, 2000);
        var (four, weights4) = SyntheticPosterior.Sample(4, 2000);
        PosteriorCharts.Marginals(temp.Path, "posterior-marginals", "Posterior marginals (synthetic)", three, weights3, style with { WidthInches = 7 });
        PosteriorCharts.Pairs(temp.Path, "posterior-pairs", "Posterior pairs (synthetic)", four, weights4, style);
        PredictiveChart.Save(temp.Path, "posterior-predictive", SyntheticPosterior.Predictive(), style with { WidthInches = 7, HeightInches = 3.2 });

        foreach (string stem in new[] { "posterior-marginals", "posterior-pairs", "posterior-predictive" })
        {
            string drawn = temp.File($"{stem}.png");
            string shipped = RepositoryFiles.PathOf($"{Folder}/{stem}.png");
            if (RepositoryFiles.Updating)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(shipped)!);
                File.Copy(drawn, shipped, overwrite: true);
            }

            Assert.That(File.Exists(shipped), Is.True, $"{Folder}/{stem}.png is missing; run the tests with UPDATE_DOCS=1");
            using var expected = SKBitmap.Decode(drawn);
            using var actual = SKBitmap.Decode(shipped);

            // The size, not the bytes: a newer Skia may anti-alias a pixel differently without the chart changing.
            Assert.That((actual.Width, actual.Height), Is.EqualTo((expected.Width, expected.Height)), $"{Folder}/{stem}.png is not the chart drawn now; run the tests with UPDATE_DOCS=1");
        }
    }
}

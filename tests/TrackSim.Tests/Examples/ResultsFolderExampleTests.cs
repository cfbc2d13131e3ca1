using TrackSim.Experiments.Files;
using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Examples;

/// <summary>
/// The Python and R examples on results folders <c>tracksim run</c> wrote: the series they read
/// from series.parquet are the rows of series.csv, and the medians and bands
/// <c>redraw_public_trust</c> draws are summary.csv's.
/// </summary>
[TestFixture]
public sealed class ResultsFolderExampleTests
{
    /// <summary>
    /// How far a recomputed quantile may be from summary.csv's. Both are type-7 quantiles of the
    /// same doubles, but R's quantile() interpolates as (1 - h) x[j] + h x[j+1], which can be a
    /// unit in the last place (about 1e-16 for values in [0, 1]) from NumPy's and TrackSim's
    /// arithmetic; any other definition or a wrong sample moves a 5 % quantile of three
    /// replicates by far more than 1e-12.
    /// </summary>
    private const double Tolerance = 1e-12;

    private static readonly string[] Statistics = ["p05", "p50", "p95"];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private TempFolder _temp = null!;
    private string _results = string.Empty;
    private string _csvResults = string.Empty;

    [OneTimeSetUp]
    public void RunTheTinyScenario()
    {
        _temp = new TempFolder();
        _results = _temp.File("results");
        _csvResults = _temp.File("results-csv");
        string scenario = TinyScenario.WriteTo(_temp.Path);
        var run = CliRun.Of("run", scenario, "--out", _results, "--no-charts", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        run = CliRun.Of("run", scenario, "--out", _csvResults, "--no-charts", "--quiet", "--series", "csv");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(Path.Combine(_results, "series.parquet")), Is.True, "a run writes series.parquet");
            Assert.That(File.Exists(Path.Combine(_results, "series.csv")), Is.False, "and not series.csv");
        }
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _temp.Dispose();

    [TestCase("python")]
    [TestCase("r")]
    public void The_series_read_from_series_parquet_are_the_rows_of_series_csv(string language)
    {
        var written = SeriesLine.Parse(File.ReadAllText(Path.Combine(_csvResults, "series.csv")));

        var run = ExampleTools.Example(language, "tracksim_results", _results, "--builtin");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(written, Has.Count.GreaterThan(1000), "a series of some size");
        ExampleReaderTests.AssertSameRows(SeriesLine.Parse(run.Out), written);
    }

    [TestCase("python")]
    [TestCase("r")]
    public void The_bands_drawn_are_summary_csv_quantiles_and_the_figure_is_a_png(string language) =>
        AssertRedrawIsTheSummary(language, _results, _temp);

    /// <summary>
    /// Runs <c>redraw_public_trust</c> of <paramref name="language"/> on <paramref name="results"/>
    /// with the examples' own Parquet reader, and checks that the medians and bands it drew are
    /// summary.csv's public_trust rows and that it wrote a PNG.
    /// </summary>
    internal static void AssertRedrawIsTheSummary(string language, string results, TempFolder temp)
    {
        string png = temp.File($"{language}.png");
        string rows = temp.File($"{language}-rows.csv");

        var run = ExampleTools.Example(language, "redraw_public_trust", results, png, "--rows", rows, "--builtin");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var drawn = Quantiles(File.ReadAllText(rows));
        var summary = Quantiles(File.ReadAllText(Path.Combine(results, "summary.csv")), "public_trust");
        Assert.That(drawn.Keys, Is.EquivalentTo(summary.Keys), "the variants, dates and subjects drawn");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (key, expected) in summary)
            {
                Assert.That(drawn[key], Is.EqualTo(expected).Within(Tolerance), $"p05, p50, p95 of {key}");
            }

            Assert.That(File.ReadAllBytes(png).Take(PngSignature.Length), Is.EqualTo(PngSignature), "the PNG signature");
        }
    }

    /// <summary>
    /// p05, p50 and p95 by "variant date subject" from a CSV text with those columns, keeping only
    /// rows whose metric is <paramref name="metric"/> when given.
    /// </summary>
    private static Dictionary<string, double[]> Quantiles(string csv, string? metric = null)
    {
        using var reader = new StringReader(csv);
        var records = CsvText.Records(reader).ToList();
        var header = records[0].ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new AssertionException($"no column {name} in {string.Join(',', header)}");
        int m = metric is null ? -1 : Column("metric");
        return records.Skip(1)
            .Where(r => m < 0 || r[m] == metric)
            .ToDictionary(
                r => $"{r[Column("variant")]} {r[Column("date")]} {r[Column("subject")]}",
                r => Statistics.Select(p => CsvText.ParseNumber(r[Column(p)])).ToArray());
    }
}

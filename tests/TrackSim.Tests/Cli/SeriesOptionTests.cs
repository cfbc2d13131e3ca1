using TrackSim.Reporting.Data;
using TrackSim.Reporting.Results;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary><c>run --series</c> and <c>--metrics</c>: which series file a results folder holds, and bad values refused.</summary>
[TestFixture]
public sealed class SeriesOptionTests
{
    private static readonly string[] TwoMetrics = ["tension", "public_trust"];

    private TempFolder _temp = null!;
    private string _scenario = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void By_default_the_series_are_parquet_with_variants_csv_beside_them()
    {
        string folder = _temp.File("out");
        var run = CliRun.Of("run", _scenario, "--no-charts", "--quiet", "--out", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var manifest = ResultsWriter.TryReadManifest(folder)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(Path.Combine(folder, SeriesParquet.FileName)), Is.True);
            Assert.That(File.Exists(Path.Combine(folder, SeriesCsv.FileName)), Is.False);
            Assert.That(manifest.Files.Select(f => f.Path), Does.Contain(SeriesParquet.FileName).And.Contain(VariantsCsv.FileName));
        }
    }

    [Test]
    public void Csv_then_parquet_into_one_folder_replaces_the_csv_and_the_rows_are_the_same()
    {
        string folder = _temp.File("out");
        Assert.That(CliRun.Of("run", _scenario, "--no-charts", "--quiet", "--series", "csv", "--out", folder).ExitCode, Is.Zero);
        IReadOnlyList<SeriesRow> csv;
        using (var reader = new StreamReader(Path.Combine(folder, SeriesCsv.FileName)))
        {
            csv = SeriesCsv.Read(reader);
        }

        Assert.That(File.Exists(Path.Combine(folder, SeriesParquet.FileName)), Is.False);
        var run = CliRun.Of("run", _scenario, "--no-charts", "--quiet", "--out", folder);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var stream = File.OpenRead(Path.Combine(folder, SeriesParquet.FileName));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SeriesParquet.Read(stream), Is.EqualTo(csv));
            Assert.That(File.Exists(Path.Combine(folder, SeriesCsv.FileName)), Is.False, "the previous run's series.csv is TrackSim's own and no longer current");
        }
    }

    [Test]
    public void Series_none_writes_no_series_file_but_the_summary()
    {
        string folder = _temp.File("out");
        var run = CliRun.Of("run", _scenario, "--no-charts", "--series", "none", "--out", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(File.Exists(Path.Combine(folder, SeriesParquet.FileName)), Is.False);
            Assert.That(File.Exists(Path.Combine(folder, SeriesCsv.FileName)), Is.False);
            Assert.That(File.Exists(Path.Combine(folder, SummaryCsv.FileName)), Is.True);
            Assert.That(run.Out, Does.Not.Contain("series."));
        }
    }

    [Test]
    public void Metrics_keeps_only_those_metrics_in_the_series()
    {
        string folder = _temp.File("out");
        var run = CliRun.Of("run", _scenario, "--no-charts", "--quiet", "--series", "csv", "--metrics", "tension,public_trust", "--out", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var reader = new StreamReader(Path.Combine(folder, SeriesCsv.FileName));
        var rows = SeriesCsv.Read(reader);
        string summary = File.ReadAllText(Path.Combine(folder, SummaryCsv.FileName));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => r.Metric).Distinct(), Is.EquivalentTo(TwoMetrics));
            Assert.That(summary, Does.Contain(",official_trust,"), "the summary keeps every metric");
        }
    }

    [TestCase(new[] { "--series", "xml" }, "--series: unknown format 'xml'; expected parquet, csv or none.")]
    [TestCase(new[] { "--series", "CSV" }, "--series: unknown format 'CSV'; expected parquet, csv or none.")]
    [TestCase(new[] { "--metrics", "tenson" }, "--metrics: no metric 'tenson'; did you mean 'tension'?")]
    [TestCase(new[] { "--metrics", "," }, "--metrics: expected a metric name, found ','")]
    public void Bad_values_exit_2_with_a_message_and_write_nothing(string[] options, string message)
    {
        string folder = _temp.File("out");
        var run = CliRun.Of([.. new[] { "run", _scenario, "--out", folder }, .. options]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(Directory.Exists(folder), Is.False);
        }
    }
}

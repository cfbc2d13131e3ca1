using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Examples;

/// <summary>
/// The shipped India-Pakistan scenario run as the README runs it (its own variants, replicates and
/// citizens): its series fits in under 20 MB, and the Python and R examples read that
/// series.parquet and redraw public trust with summary.csv's medians and bands. The other example
/// tests use a tiny scenario; this one shows the readers cope with a real run's size
/// (about 2.4 million rows).
/// </summary>
[TestFixture]
public sealed class IndiaPakistanExampleTests
{
    /// <summary>The size the series of the default India-Pakistan run must stay under (it was 96-100 MB as CSV).</summary>
    private const long MostSeriesBytes = 20L * 1000 * 1000;

    private TempFolder _temp = null!;
    private string _results = string.Empty;

    [OneTimeSetUp]
    public void RunIndiaPakistan()
    {
        _temp = new TempFolder();
        _results = _temp.File("india-pakistan");
        var run = CliRun.Of("run", RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"), "--out", _results, "--no-charts", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void The_series_is_written_as_parquet_in_under_20_MB()
    {
        var series = new FileInfo(Path.Combine(_results, "series.parquet"));

        Assert.That(series.Exists, Is.True, "the default run writes series.parquet");
        Assert.That(series.Length, Is.InRange(1_000_000L, MostSeriesBytes), "bytes of series.parquet (six variants of 20 replicates of 457 monthly records cannot fit in 1 MB)");
    }

    [TestCase("python")]
    [TestCase("r")]
    public void The_examples_redraw_public_trust_from_its_series(string language) =>
        ResultsFolderExampleTests.AssertRedrawIsTheSummary(language, _results, _temp);
}

using TrackSim.Experiments.Limits;
using TrackSim.Reporting.Data;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary><c>calibrate --series</c>: the per-step series of the posterior predictive runs, in run's format, with a table to join on.</summary>
[TestFixture]
public sealed class CalibrateSeriesTests
{
    private TempFolder _temp = null!;
    private string _scenario = string.Empty;
    private string _targets = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
        _targets = _temp.File("targets.csv");
        File.WriteAllText(_targets, "id,kind,metric,subject,period,baseline,observed,tolerance,weight,source,why\n"
            + "calm,level,tension,AA-BB,2000-01..2000-12,,0.2,0.1,,invented,a level\n");
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    // Three predictive draws unless --predictive is given.
    private CliRun Calibrate(string folder, params string[] more) =>
        CliRun.Of([
            "calibrate", _scenario, "--targets", _targets, "--vary", "parameters.posture.fear=0.1:0.6",
            "-n", "8", "-g", "2", "-j", "2", "-q", "--no-charts", "--out", folder, .. more.Contains("--predictive") ? more : [.. more, "--predictive", "3"]]);

    [Test]
    public void The_central_runs_are_the_series_run_writes_at_the_central_values_and_each_draw_is_numbered()
    {
        string folder = _temp.File("cal");
        var calibrate = Calibrate(folder, "--series", "csv", "--metrics", "tension");
        Assert.That(calibrate.ExitCode, Is.Zero, calibrate.Error);

        string[] runs = File.ReadAllLines(Path.Combine(folder, "predictive-runs.csv"));
        string[] series = File.ReadAllLines(Path.Combine(folder, "predictive-series.csv"));
        string[] central = runs.Where(l => l.StartsWith("central,", StringComparison.Ordinal)).ToArray();
        string value = central[0].Split(',')[3];
        string folderRun = _temp.File("run");
        var run = CliRun.Of("run", _scenario, "--set", $"parameters.posture.fear={value}", "--seed", central[0].Split(',')[2], "-r", central.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--variant", "base", "--series", "csv", "--metrics", "tension", "--no-charts", "-q", "--out", folderRun);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string[] expected = File.ReadAllLines(Path.Combine(folderRun, SeriesCsv.FileName));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs[0], Is.EqualTo("variant,replicate,seed,parameters.posture.fear"));
            Assert.That(runs.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])), Is.EqualTo((string[])["posterior,0", "posterior,1", "posterior,2", .. central.Select((_, r) => $"central,{r}")]));
            Assert.That(series[0], Is.EqualTo(SeriesCsv.Header));
            Assert.That(series.Where(l => l.StartsWith("central,", StringComparison.Ordinal)).Select(l => "base," + l["central,".Length..]), Is.EqualTo(expected.Skip(1)), "the central runs, row by row");
            Assert.That(series.Skip(1).Where(l => l.StartsWith("posterior,", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).Distinct(), Is.EqualTo((string[])["0", "1", "2"]), "a run per draw");
            Assert.That(series.Skip(1).Select(l => l.Split(',')[4]).Distinct(), Is.EqualTo((string[])["tension"]));
            Assert.That(File.ReadAllText(Path.Combine(folder, "calibration.json")), Does.Contain("predictive-series.csv").And.Contain("predictive-runs.csv"));
        }
    }

    [Test]
    public void Without_series_no_predictive_series_is_written_and_a_resume_with_another_format_replaces_it()
    {
        string folder = _temp.File("cal");
        Assert.That(Calibrate(folder).ExitCode, Is.Zero);
        Assert.That(File.Exists(Path.Combine(folder, "predictive-series.parquet")) || File.Exists(Path.Combine(folder, "predictive-runs.csv")), Is.False);

        Assert.That(Calibrate(folder, "--series", "csv", "--resume").ExitCode, Is.Zero);
        Assert.That(File.Exists(Path.Combine(folder, "predictive-series.csv")), Is.True);

        var again = Calibrate(folder, "--series", "parquet", "--resume");

        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(File.Exists(Path.Combine(folder, "predictive-series.parquet")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, "predictive-series.csv")), Is.False, "the earlier format's file is TrackSim's and no longer current");
    }

    [Test]
    public void Predictive_series_too_large_for_the_disk_are_refused_before_the_calibration_starts()
    {
        CliRun run;
        using (HostLimits.Assume(null, diskBytes: 1000))
        {
            run = Calibrate(_temp.File("cal"), "--series", "parquet");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain("predictive-series (--series parquet) would take at least").And.Contain("--predictive"));
            Assert.That(Directory.Exists(_temp.File("cal")), Is.False, "no particle was run");
        }
    }

    [TestCase("--series xml", "--series: unknown format 'xml'")]
    [TestCase("--metrics tension", "--metrics chooses the metrics of the predictive series")]
    [TestCase("--series csv --predictive 0", "--predictive 0 makes none")]
    public void Bad_series_options_exit_2(string options, string message)
    {
        var run = Calibrate(_temp.File("cal"), options.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }
}

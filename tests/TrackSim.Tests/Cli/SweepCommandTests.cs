using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class SweepCommandTests
{
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

    private CliRun Sweep(string folder, params string[] more) =>
        CliRun.Of([
            "sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.5:3", "--vary", "events[crisis].severity=0.2:0.9:2",
            "-r", "2", "-j", "2", "-q", "--out", folder, .. more]);

    [TestCase("nope.x=0:1", "unknown key 'nope'")]
    [TestCase("parameters.posture.fear=0.5:0.1", "LOW 0.5 is above HIGH 0.1")]
    [TestCase("parameters.posture.fear=low:1", "LOW and HIGH must be numbers")]
    [TestCase("parameters.posture.fear=0:1:x", "COUNT must be a whole number")]
    [TestCase("name=0:1", "name is not a numeric value")]
    [TestCase("parameters.posture.fear", "expected PATH=LOW:HIGH")]
    public void Bad_vary_specs_are_refused_with_exit_code_2(string spec, string message)
    {
        var run = CliRun.Of("sweep", _scenario, "--vary", spec, "--out", _temp.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(File.Exists(_temp.File("out/runs.csv")), Is.False);
    }

    [TestCase("--threads 0", "--threads: expected a whole number from 1 to 1024, found '0'")]
    [TestCase("--design random", "--design must be grid, lhs, morris or sobol")]
    [TestCase("--outcome nope", "no metric 'nope'")]
    [TestCase("--outcome tensoin", "--outcome tensoin: no metric 'tensoin'; did you mean 'tension'? metrics are tension, ")]
    [TestCase("--outcome tensoin::last:5", "--outcome tensoin::last:5: no metric 'tensoin'; did you mean 'tension'?")]
    [TestCase("--shard 2/2", "expected I/N with 0 <= I < N")]
    [TestCase("--design morris --samples 1", "--samples must be at least 2 for the morris design")]
    [TestCase("--width 0", "--width: expected a number of inches from 1 to 40, found '0'")]
    [TestCase("--format gif", "unknown format 'gif'")]
    public void Bad_options_are_refused_with_exit_code_2(string options, string message)
    {
        var run = CliRun.Of(["sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.5", "--out", _temp.File("out"), .. options.Split(' ')]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void A_point_the_scenario_refuses_stops_the_sweep_with_the_reason()
    {
        // Citizens come in whole numbers; a Latin hypercube draws fractions.
        var run = CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=50:150", "--design", "lhs", "-n", "3", "-r", "1", "-j", "1", "--out", _temp.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("is not a valid scenario").And.Contain("citizens.per_state"));
    }

    [Test]
    public void Sweep_writes_runs_sensitivity_and_manifest()
    {
        var run = Sweep(_temp.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(File.ReadAllLines(_temp.File("out/runs.csv")), Has.Length.EqualTo(13));
        Assert.That(File.ReadAllLines(_temp.File("out/sensitivity.csv"))[0], Is.EqualTo("parameter,outcome,index,value,ci_low,ci_high"));
        Assert.That(File.ReadAllText(_temp.File("out/sweep.json")), Does.Contain("\"complete\": true").And.Contain("\"design\": \"grid\"").And.Contain("charts/heatmap-tension_AA-BB_whole.png"));

        // Per outcome: one chart per parameter, a heatmap (two-parameter grid) and the ranked indices, each as PNG and SVG.
        Assert.That(Directory.GetFiles(_temp.File("out/charts")).Select(Path.GetFileName), Is.EquivalentTo((string[])[
            "tension_AA-BB_whole--parameters.posture.fear.png", "tension_AA-BB_whole--parameters.posture.fear.svg",
            "tension_AA-BB_whole--events_crisis_.severity.png", "tension_AA-BB_whole--events_crisis_.severity.svg",
            "heatmap-tension_AA-BB_whole.png", "heatmap-tension_AA-BB_whole.svg",
            "sensitivity-tension_AA-BB_whole.png", "sensitivity-tension_AA-BB_whole.svg"]));
    }

    [Test]
    public void Shards_merged_on_the_command_line_equal_the_unsharded_sweep()
    {
        Assert.That(Sweep(_temp.File("whole")).ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s0"), "--shard", "0/2").ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s1"), "--shard", "1/2").ExitCode, Is.EqualTo(0));

        var merge = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"));

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        Assert.That(File.ReadAllBytes(_temp.File("merged/runs.csv")), Is.EqualTo(File.ReadAllBytes(_temp.File("whole/runs.csv"))));
        Assert.That(File.ReadAllBytes(_temp.File("merged/sensitivity.csv")), Is.EqualTo(File.ReadAllBytes(_temp.File("whole/sensitivity.csv"))));
    }

    [Test]
    public void Chart_options_shape_the_sweep_charts_and_merged_shards_draw_the_same()
    {
        string[] style = ["--format", "svg", "--width", "7", "--font-size", "10"];
        Assert.That(Sweep(_temp.File("whole"), style).ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s0"), ["--shard", "0/2", .. style]).ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s1"), ["--shard", "1/2", .. style]).ExitCode, Is.EqualTo(0));

        var merge = CliRun.Of(["merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), .. style]);

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        string[] charts = [.. Directory.GetFiles(_temp.File("whole/charts")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];
        Assert.That(charts, Has.Length.EqualTo(4).And.All.EndsWith(".svg"));

        // 7 inches are 504 points, which ScottPlot's SVG declares as 672 CSS pixels.
        Assert.That(File.ReadAllText(_temp.File("whole/charts/" + charts[0])), Does.Contain("width=\"672\""));
        foreach (string chart in charts)
        {
            Assert.That(File.ReadAllBytes(_temp.File("merged/charts/" + chart)), Is.EqualTo(File.ReadAllBytes(_temp.File("whole/charts/" + chart))), chart);
        }
    }

    [Test]
    public void A_finished_sweep_is_not_overwritten_without_resume_or_force()
    {
        Assert.That(Sweep(_temp.File("out")).ExitCode, Is.EqualTo(0));
        byte[] before = File.ReadAllBytes(_temp.File("out/runs.csv"));

        var again = Sweep(_temp.File("out"));
        var resumed = Sweep(_temp.File("out"), "--resume");

        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("already holds a sweep"));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(File.ReadAllBytes(_temp.File("out/runs.csv")), Is.EqualTo(before));
    }

    [Test]
    public void Resume_refuses_a_folder_holding_a_different_sweep()
    {
        Assert.That(Sweep(_temp.File("out")).ExitCode, Is.EqualTo(0));

        var other = Sweep(_temp.File("out"), "--resume", "--seed", "8");

        Assert.That(other.ExitCode, Is.EqualTo(2));
        Assert.That(other.Error, Does.Contain("holds a different sweep"));
    }
}

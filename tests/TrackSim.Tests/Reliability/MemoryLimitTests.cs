using System.Diagnostics;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Limits;
using TrackSim.Experiments.Sweeps;
using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Reliability;

/// <summary>
/// run and sweep estimate their memory (and run its series.csv size) before any work and refuse,
/// naming the estimate, what is available and the knob to turn. The available figures are
/// assumed, so nothing here allocates what it is refused.
/// </summary>
[TestFixture]
public sealed class MemoryLimitTests
{
    private const long FourGiB = 4L << 30;

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
    public void Run_of_10_to_the_8_citizens_per_state_in_4_GiB_is_refused_before_any_work()
    {
        CliRun run;
        using (HostLimits.Assume(FourGiB))
        {
            run = CliRun.Of("run", _scenario, "--set", "citizens.per_state=100000000", "--threads", "2", "--out", _temp.File("out"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.StartWith("tracksim: error: this run needs about ").And.Contain("but 4 GiB is available"));
            Assert.That(run.Error, Does.Contain("citizens: 2 runs at a time x 200,000,000 citizens x 59 bytes"));
            Assert.That(run.Error, Does.Contain("fewer citizens (citizens.per_state, now 100,000,000) or fewer threads (--threads, now 2)"));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }
    }

    [Test]
    public void Run_with_too_many_replicates_for_memory_names_replicates()
    {
        CliRun run;
        using (HostLimits.Assume(70L << 20))
        {
            run = CliRun.Of("run", _scenario, "-r", "20000", "--out", _temp.File("out"));
        }

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain("recorded series of 40,000 runs").And.Contain("fewer replicates (--replicates, now 20000)"));
    }

    [Test]
    public void Run_that_fits_is_not_refused()
    {
        CliRun run;
        using (HostLimits.Assume(FourGiB))
        {
            run = CliRun.Of("run", _scenario, "-q", "--no-charts", "--out", _temp.File("out"));
        }

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [TestCase("parquet", "series.parquet")]
    [TestCase("csv", "series.csv")]
    public void Run_whose_series_cannot_fit_on_the_disk_is_refused(string format, string file)
    {
        CliRun run;
        using (HostLimits.Assume(null, diskBytes: 1024))
        {
            run = CliRun.Of("run", _scenario, "--series", format, "--out", _temp.File("out"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith($"tracksim: error: {file} would take at least ").And.Contain("has 1 KiB free").And.Contain("fewer replicates").And.Contain("--series none"));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }
    }

    [TestCase("grid", new[] { "--vary", "parameters.posture.fear=0.1:0.5:3000", "--vary", "parameters.transfer.base=0:1:3000" }, "the grid design's 9,000,000 points", "fewer grid levels")]
    [TestCase("lhs", new[] { "--vary", "parameters.posture.fear=0.1:0.5", "-n", "100000000" }, "the lhs design's 100,000,000 points", "a smaller --samples (-n, now 100,000,000)")]
    [TestCase("morris", new[] { "--vary", "parameters.posture.fear=0.1:0.5", "-n", "100000000" }, "the morris design's 200,000,000 points", "a smaller --samples (-n, now 100,000,000)")]
    [TestCase("sobol", new[] { "--vary", "parameters.posture.fear=0.1:0.5", "-n", "100000000" }, "the sobol design's 300,000,000 points", "a smaller --samples (-n, now 100,000,000)")]
    public void Sweep_of_every_design_too_large_for_memory_is_refused_before_its_points_are_built(string design, string[] options, string points, string knob)
    {
        CliRun run;
        using (HostLimits.Assume(FourGiB))
        {
            run = CliRun.Of(["sweep", _scenario, "--design", design, .. options, "-r", "2", "--out", _temp.File("out")]);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.StartWith("tracksim: error: this sweep needs about ").And.Contain("but 4 GiB is available"));
            Assert.That(run.Error, Does.Contain(points).And.Contain(knob));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }
    }

    [Test]
    public void Sweep_whose_range_raises_the_citizens_is_estimated_at_its_high_end()
    {
        CliRun run;
        using (HostLimits.Assume(FourGiB))
        {
            run = CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=100:100000000:2", "-r", "1", "-j", "2", "--out", _temp.File("out"));
        }

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain("2 points at a time x 200,000,000 citizens").And.Contain("fewer citizens (citizens.per_state, now 100,000,000) or fewer threads (--threads, now 2)"));
    }

    [Test]
    public void Design_points_are_counted_without_building_the_design()
    {
        var fear = new ParameterRange("a", 0, 1, 4);
        var trust = new ParameterRange("b", 0, 1);
        SweepPlan Plan(SweepDesign design, int samples) => new([fear, trust], design, samples, 1, 1, []);

        foreach (var (design, samples) in new[] { (SweepDesign.Grid, 0), (SweepDesign.Lhs, 7), (SweepDesign.Morris, 3), (SweepDesign.Sobol, 8) })
        {
            var plan = Plan(design, samples);
            Assert.That(MemoryEstimate.DesignPoints(plan), Is.EqualTo(plan.CreateDesign().Points.Length), design.ToString());
        }
    }

    [Test]
    public void A_citizen_holds_its_arrays_and_its_network_row()
    {
        var scenario = TinyScenario.Load();

        // 4 + 4 + 4 + 1 + 2 bytes of arrays, one int offset and ten int tie ends (mean degree 10).
        Assert.That(MemoryEstimate.BytesPerCitizen(scenario.Citizens), Is.EqualTo(15 + 4 + 40));
    }

    [Test]
    public void A_citizen_of_three_states_holds_a_second_trust_layer()
    {
        var scenario = TrackSim.Scenarios.Loading.ScenarioLoader.LoadText("""
            calendar: { start: 2000-01, end: 2000-12 }
            states: [ { id: US }, { id: CN }, { id: IN } ]
            """, "t.yaml").Scenario!;

        // Trust toward two other states: a second float of trust and a second ushort of ties.
        Assert.That(MemoryEstimate.BytesPerCitizen(scenario), Is.EqualTo(MemoryEstimate.BytesPerCitizen(scenario.Citizens) + 4 + 2));
    }

    [Test]
    public void A_real_memory_limit_of_the_process_is_respected()
    {
        // DOTNET_GCHeapHardLimit is what GC.GetGCMemoryInfo reports, as a container limit is.
        string? dotnet = Environment.ProcessPath;
        Assume.That(dotnet is not null && Path.GetFileNameWithoutExtension(dotnet) == "dotnet", "needs the dotnet host");
        var start = new ProcessStartInfo(dotnet!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { typeof(TrackSim.Cli.ExitCodes).Assembly.Location, "run", _scenario, "--set", "citizens.per_state=100000000", "--out", _temp.File("out") },
            Environment = { ["DOTNET_GCHeapHardLimit"] = "0x100000000" },
        };
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(60_000), Is.True);

        Assert.That(process.ExitCode, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith("tracksim: error: this run needs about ").And.Contain("but 4 GiB is available"));
    }
}

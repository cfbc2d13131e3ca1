using System.Globalization;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// <c>tracksim calibrate</c>: a small India-Pakistan calibration end to end, determinism over
/// threads, resuming, and bad input refused with a message and nothing written.
/// </summary>
[TestFixture]
public sealed class CalibrateCommandTests
{
    private const string Header = "id,kind,metric,subject,period,baseline,observed,tolerance,weight,source,why\n";

    private TempFolder _temp = null!;
    private string _scenario = string.Empty;
    private string _targets = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
        _targets = _temp.File("targets.csv");
        File.WriteAllText(_targets, Header
            + "calm,level,tension,AA-BB,2000-01..2000-12,,0.2,0.1,,invented,a level\n"
            + "crisis,peak,tension,AA-BB,2001-01..2001-12,,2001-04,3,,invented,a timing\n"
            + "opinion,unfavourable,,AA>BB,2002,,0.5,0.1,,invented,a survey level\n");
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    private CliRun Calibrate(string folder, params string[] more) =>
        CliRun.Of([
            "calibrate", _scenario, "--targets", _targets, "--vary", "parameters.posture.fear=0.1:0.6", "--vary", "observation.unfavourable_cut",
            "-n", "12", "-g", "3", "--predictive", "4", "-q", "--out", folder, .. more]);

    private static string[] Lines(string path) => File.ReadAllLines(path);

    [Test]
    public void A_small_India_Pakistan_calibration_runs_end_to_end()
    {
        string folder = _temp.File("ip");
        var run = CliRun.Of(
            "calibrate", RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"),
            "--targets", RepositoryFiles.PathOf("data/targets/india-pakistan-1984-2021.csv"),
            "--vary", "parameters.dialogue.min_suspension=0:5", "--vary", "parameters.media.effect=0.02:0.3", "--vary", "observation.unfavourable_cut",
            "-n", "10", "-g", "2", "--predictive", "4", "--out", folder);
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        var particles = Lines(Path.Combine(folder, "particles.csv"));
        var summary = Lines(Path.Combine(folder, "posterior-summary.csv"));
        var fit = Lines(Path.Combine(folder, "fit.csv"));
        string manifest = File.ReadAllText(Path.Combine(folder, "calibration.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(particles[0], Is.EqualTo("generation,particle,proposal,weight,distance,parameters.dialogue.min_suspension,parameters.media.effect,observation.unfavourable_cut"));
            Assert.That(particles, Has.Length.EqualTo(1 + 20), "two generations of ten particles");

            // Every particle inside its prior, every distance finite, the weights of each generation summing to 1.
            foreach (string line in particles.Skip(1))
            {
                double[] v = [.. line.Split(',').Skip(3).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
                Assert.That(v[1], Is.GreaterThanOrEqualTo(0).And.LessThan(double.PositiveInfinity));
                Assert.That(v[2], Is.InRange(0, 5));
                Assert.That(v[3], Is.InRange(0.02, 0.3));
                Assert.That(v[4], Is.InRange(0.05, 0.6));
            }

            foreach (var generation in particles.Skip(1).GroupBy(l => l.Split(',')[0]))
            {
                Assert.That(generation.Sum(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)), Is.EqualTo(1).Within(1e-9));
            }

            Assert.That(summary, Has.Length.EqualTo(4));
            Assert.That(fit, Has.Length.EqualTo(1 + (54 * 2)), "each of the 54 targets for the drawn and the central runs");
            Assert.That(manifest, Does.Contain("\"complete\": true"));
            Assert.That(run.Out, Does.Contain("targets met:"));
        }
    }

    /// <summary>
    /// A toy with a known answer, through the command: with common random numbers every particle
    /// runs the same simulation, so the only thing calibrated, the unfavourable cut u of the survey
    /// mapping, has a distance |mean_k Φ((u − μ_k)/σ_k) − 0.5| / 0.1 that is zero at exactly one u*,
    /// computed here from that simulation by bisection. As the tolerance falls the posterior
    /// closes on u*: after eight generations of 200 its median is within 0.005 of u* and its 90 %
    /// interval narrower than 0.02, against a prior 0.55 wide (measured: median 0.4977 against
    /// u* = 0.4981, interval 0.4955 to 0.5007). Most of the prior puts the share far from 0.5, so
    /// most distances sit at the cap: the run also checks that such ties do not stall the sampler.
    /// </summary>
    [Test]
    public void The_command_recovers_the_known_answer_of_a_toy()
    {
        File.WriteAllText(_targets, Header + "opinion,unfavourable,,AA>BB,2002,,0.5,0.1,,invented,a survey level\n");
        string folder = _temp.File("toy");
        var run = CliRun.Of(
            "calibrate", _scenario, "--targets", _targets, "--vary", "observation.unfavourable_cut", "--common-random-numbers",
            "-n", "200", "-g", "8", "--predictive", "2", "--no-charts", "-q", "--out", folder);
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        // The simulation every particle ran: the scenario's base, replicate 0 of the calibration's seed (the scenario's, 7).
        var simulated = TrackSim.Experiments.Ensembles.Ensemble.Run(TinyScenario.Load(), new TrackSim.Experiments.Ensembles.EnsembleOptions { Replicates = 1, Threads = 1, Variants = ["base"] }).Runs[0];
        int[] points = [.. Enumerable.Range(0, simulated.Dates.Length).Where(k => simulated.Dates[k].Year == 2002)];
        var trust = simulated.Get("public_trust", "AA").Values;
        var spread = simulated.Get("polarization", "AA").Values;
        double Share(double u) => points.Average(k => MathNet.Numerics.Distributions.Normal.CDF(trust[k], spread[k], u));
        double low = 0.05;
        double high = 0.6;
        for (int i = 0; i < 60; i++)
        {
            double middle = (low + high) / 2;
            (low, high) = Share(middle) < 0.5 ? (middle, high) : (low, middle);
        }

        double exact = (low + high) / 2;
        var summary = Lines(Path.Combine(folder, "posterior-summary.csv"))[1].Split(',');
        double median = double.Parse(summary[6], CultureInfo.InvariantCulture);
        double q05 = double.Parse(summary[5], CultureInfo.InvariantCulture);
        double q95 = double.Parse(summary[7], CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exact, Is.InRange(0.1, 0.55), "the answer lies inside the prior");
            Assert.That(median, Is.EqualTo(exact).Within(0.005), $"posterior median {median}, exact {exact}");
            Assert.That(q95 - q05, Is.LessThan(0.02), $"90 % interval {q05} to {q95}");
            Assert.That(q05, Is.LessThanOrEqualTo(exact), "the interval holds the answer");
            Assert.That(q95, Is.GreaterThanOrEqualTo(exact));
        }
    }

    [Test]
    public void Particles_do_not_depend_on_the_thread_count()
    {
        Assert.That(Calibrate(_temp.File("one"), "-j", "1").ExitCode, Is.Zero);
        Assert.That(Calibrate(_temp.File("two"), "-j", "2").ExitCode, Is.Zero);
        foreach (string file in new[] { "particles.csv", "generations.csv", "posterior-summary.csv", "fit.csv", "predictive.csv" })
        {
            Assert.That(File.ReadAllBytes(_temp.File("two/" + file)), Is.EqualTo(File.ReadAllBytes(_temp.File("one/" + file))), file);
        }
    }

    [Test]
    public void A_resumed_calibration_ends_with_the_particles_of_an_uninterrupted_one()
    {
        string whole = _temp.File("whole");
        string cut = _temp.File("cut");
        Assert.That(Calibrate(whole).ExitCode, Is.Zero);

        // Interrupted after generation 1: its checkpoint holds generations 0 and 1 only.
        Directory.CreateDirectory(cut);
        var particles = Lines(Path.Combine(whole, "particles.csv"));
        var generations = Lines(Path.Combine(whole, "generations.csv"));
        File.WriteAllLines(Path.Combine(cut, "particles.csv"), particles.Where(l => !l.StartsWith("2,", StringComparison.Ordinal)));
        File.WriteAllLines(Path.Combine(cut, "generations.csv"), generations.Where(l => !l.StartsWith("2,", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(cut, "calibration.json"), File.ReadAllText(Path.Combine(whole, "calibration.json")).Replace("\"complete\": true", "\"complete\": false", StringComparison.Ordinal));

        var resumed = Calibrate(cut, "--resume");
        Assert.That(resumed.ExitCode, Is.Zero, resumed.Error);
        Assert.That(File.ReadAllBytes(Path.Combine(cut, "particles.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "particles.csv"))));
        Assert.That(File.ReadAllBytes(Path.Combine(cut, "fit.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "fit.csv"))));
    }

    [Test]
    public void A_folder_holding_a_calibration_needs_resume_or_force_and_resume_needs_the_same_inputs()
    {
        string folder = _temp.File("out");
        Assert.That(Calibrate(folder).ExitCode, Is.Zero);

        var again = Calibrate(folder);
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("already holds a calibration; use --resume"));

        var other = Calibrate(folder, "--resume", "--seed", "8");
        Assert.That(other.ExitCode, Is.EqualTo(2));
        Assert.That(other.Error, Does.Contain("holds a different calibration").And.Contain("seed: 7 in calibration.json, 8 now"));

        Assert.That(Calibrate(folder, "--force").ExitCode, Is.Zero);
    }

    [Test]
    public void A_folder_of_other_files_is_refused()
    {
        string folder = _temp.File("mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var run = Calibrate(folder);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("holds files that TrackSim did not write (such as notes.txt)"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "notes.txt")), Is.EqualTo("mine"));
    }

    [TestCase("--vary parameters.nope.x=0:1", "unknown key 'nope'")]
    [TestCase("--vary parameters.posture.fear=0.6:0.1", "LOW 0.6 is above HIGH 0.1")]
    [TestCase("--vary parameters.posture.fear=0.1:0.1", "LOW must be below HIGH")]
    [TestCase("--vary name", "give a range (PATH=LOW:HIGH)")]
    [TestCase("--vary observation.cut", "there is no observation parameter 'observation.cut'")]
    [TestCase("--vary observation.neutral_band=0:2", "an observation parameter is a level of trust, between 0 and 1")]
    [TestCase("--vary parameters.posture.fear=0.1:0.6 --vary parameters.posture.fear", "each parameter may be calibrated only once")]
    [TestCase("--vary parameters.posture.fear --until 1999-01", "no target ends by then")]
    [TestCase("--vary parameters.posture.fear --until soon", "--until: 'soon' is not a date")]
    [TestCase("--vary parameters.posture.fear -n 1", "--population: expected a whole number from 2 to 100000, found '1'")]
    public void Bad_options_are_refused_with_exit_code_2_and_nothing_written(string options, string message)
    {
        string folder = _temp.File("out");
        var run = CliRun.Of(["calibrate", _scenario, "--targets", _targets, "--out", folder, .. options.Split(' ')]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(File.Exists(Path.Combine(folder, "calibration.json")), Is.False);
    }

    [TestCase("calm,level,tension,AA-BB,2000,,0.2,0.1,,src,why\ncalm,level,tension,AA-BB,2001,,0.2,0.1,,src,why\n", "targets.csv:3: id: 'calm' is also the id of line 2")]
    [TestCase("calm,level,tension,AA-CC,2000,,0.2,0.1,,src,why\n", "targets.csv:2: target 'calm': tension is recorded for AA-BB, not 'AA-CC'")]
    [TestCase("calm,level,tension,AA-BB,1990,,0.2,0.1,,src,why\n", "targets.csv:2: target 'calm': the period 1990-01-01..1990-12-31 is not inside the run")]
    [TestCase("deal,agreement,,peace,,,2001-01,12,,src,why\n", "targets.csv:2: target 'deal': the scenario has no agreement 'peace'; it has none")]
    public void Targets_that_are_wrong_or_do_not_fit_the_scenario_are_refused_by_line(string rows, string message)
    {
        File.WriteAllText(_targets, Header + rows);
        string folder = _temp.File("out");
        var run = CliRun.Of("calibrate", _scenario, "--targets", _targets, "--vary", "parameters.posture.fear", "--out", folder);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(Directory.Exists(folder), Is.False, "nothing written");
    }

    [Test]
    public void A_missing_targets_file_is_named()
    {
        var run = CliRun.Of("calibrate", _scenario, "--targets", _temp.File("nope.csv"), "--vary", "parameters.posture.fear", "--out", _temp.File("out"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("nope.csv: no such file"));
    }
}

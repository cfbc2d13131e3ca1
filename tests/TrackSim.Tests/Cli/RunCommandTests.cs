using System.Globalization;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class RunCommandTests
{
    private static readonly string[] DataFiles = ["series.parquet", "variants.csv", "summary.csv", "events.csv"];
    private static readonly string[] BaseOnly = ["base"];
    private static readonly string[] OutcomeFiles = ["agreements.csv", "agreement-targets.csv", "dialogue.csv"];
    private static readonly string[] AgreementRows = ["base,truce", "no-crisis,truce"];
    private static readonly string[] TargetRows = ["base,truce,2001-06-01", "base,truce,2002-06-01", "no-crisis,truce,2001-06-01", "no-crisis,truce,2002-06-01"];
    private static readonly string[] DialogueRows = ["base,AA-BB,3", "no-crisis,AA-BB,3"];

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

    [TestCase("no-crisis", true)]
    [TestCase("base,no-crisis", false)]
    public void A_run_without_the_base_says_it_writes_no_effects(string variants, bool noted)
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, "--variant", variants, "--no-charts", "-r", "2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Error.Contains("note: --variant: 'base' is not among the variants run", StringComparison.Ordinal), Is.EqualTo(noted), run.Error);
            Assert.That(File.Exists(Path.Combine(folder, "effects.csv")), Is.EqualTo(!noted));
        }

        if (noted)
        {
            Assert.That(run.Error, Does.Contain("(add it: --variant base,no-crisis)"));
        }
    }

    [Test]
    public void Run_writes_data_manifest_and_charts_and_says_where()
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, "--threads", "2");

        var manifest = ResultsWriter.TryReadManifest(folder);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.OutLines[0], Does.StartWith(folder + "/ ("));
            Assert.That(run.Out, Does.Contain("series.parquet (").And.Contain("manifest.json").And.Contain("charts/: 20 files (png, svg)"));
            Assert.That(run.ErrorLines[0], Is.EqualTo("tiny: 2 variants x 3 replicates = 6 runs of 36 steps on 2 threads"));
            Assert.That(run.Error, Does.Contain("runs 6/6 (100%)"));
            Assert.That(manifest, Is.Not.Null);
            Assert.That(manifest!.CommandLine, Is.EqualTo($"tracksim run {_scenario} --out {folder} --threads 2"));
            Assert.That(manifest.Files.Select(f => f.Path), Is.SupersetOf(DataFiles));
        }
    }

    [Test]
    public void Run_writes_the_official_outcomes_and_lists_them_in_the_manifest_with_their_hashes()
    {
        string scenario = Path.Combine(_temp.Path, "tiny-truce.yaml");
        File.WriteAllText(scenario, TinyScenario.Yaml.Replace(
            "variants:",
            "agreements:\n  - { id: truce, name: Truce, label: Truce, states: [AA, BB], kind: ceasefire, historical: [2001-06, 2002-06] }\nvariants:",
            StringComparison.Ordinal));
        string folder = _temp.File("out");

        var run = CliRun.Of("run", scenario, "--out", folder, "--no-charts", "-q");

        var manifest = ResultsWriter.TryReadManifest(folder);
        Assert.That((run.ExitCode, run.Error), Is.EqualTo((0, string.Empty)));
        using (Assert.EnterMultipleScope())
        {
            foreach (string file in OutcomeFiles)
            {
                string path = Path.Combine(folder, file);
                Assert.That(File.Exists(path), file);
                var entry = manifest!.Files.SingleOrDefault(f => f.Path == file);
                Assert.That(entry, Is.Not.Null, $"{file} in the manifest");
                Assert.That(entry?.Sha256, Is.EqualTo(FileHash.Sha256(path)), file);
                Assert.That(entry?.Bytes, Is.EqualTo(new FileInfo(path).Length), file);
            }

            // A row per variant and agreement, per variant, agreement and historical date, per variant and dyad.
            Assert.That(File.ReadAllLines(Path.Combine(folder, "agreements.csv")).Skip(1).Select(l => l.Split(',')[0] + "," + l.Split(',')[1]), Is.EqualTo(AgreementRows));
            Assert.That(File.ReadAllLines(Path.Combine(folder, "agreement-targets.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..3])), Is.EqualTo(TargetRows));
            Assert.That(File.ReadAllLines(Path.Combine(folder, "dialogue.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..3])), Is.EqualTo(DialogueRows));
        }
    }

    [Test]
    public void Quiet_run_prints_nothing()
    {
        var run = CliRun.Of("run", _scenario, "--out", _temp.File("out"), "--quiet");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public void Data_files_are_byte_identical_for_one_and_two_threads()
    {
        var clockA = new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clockB = new FixedClock(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var one = CliInvocation.Of(["run", _scenario, "--out", _temp.File("one"), "--threads", "1", "-q", "--no-charts"], clockA, CancellationToken.None);
        var two = CliInvocation.Of(["run", _scenario, "--out", _temp.File("two"), "--threads", "2", "-q", "--no-charts"], clockB, CancellationToken.None);

        Assert.That((one.ExitCode, two.ExitCode), Is.EqualTo((0, 0)));
        foreach (string file in DataFiles)
        {
            Assert.That(File.ReadAllBytes(_temp.File($"two/{file}")), Is.EqualTo(File.ReadAllBytes(_temp.File($"one/{file}"))), file);
        }
    }

    [Test]
    public void A_folder_holding_another_scenarios_results_is_refused_without_force()
    {
        string folder = _temp.File("shared");
        string other = Path.Combine(_temp.Path, "other.yaml");
        File.WriteAllText(other, TinyScenario.Yaml.Replace("name: tiny", "name: other", StringComparison.Ordinal));
        Assert.That(CliRun.Of("run", other, "--out", folder, "-q", "--no-charts", "-r", "1").ExitCode, Is.EqualTo(0));

        var refused = CliRun.Of("run", _scenario, "--out", folder, "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Error, Is.EqualTo($"tracksim: error: {folder} holds the results of another scenario (other); use --force to write there anyway, or --out to choose another folder\n"));
            Assert.That(ResultsWriter.TryReadManifest(folder)!.ScenarioName, Is.EqualTo("other"));
        }

        var forced = CliRun.Of("run", _scenario, "--out", folder, "-q", "--force");

        Assert.That(forced.ExitCode, Is.EqualTo(0));
        Assert.That(ResultsWriter.TryReadManifest(folder)!.ScenarioName, Is.EqualTo("tiny"));
    }

    [Test]
    public void A_folder_with_other_files_is_refused_and_a_rerun_of_the_same_scenario_is_not()
    {
        string folder = _temp.File("mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "my notes");

        var refused = CliRun.Of("run", _scenario, "--out", folder, "-q");
        File.Delete(Path.Combine(folder, "notes.txt"));
        var first = CliRun.Of("run", _scenario, "--out", folder, "-q", "--no-charts");
        var again = CliRun.Of("run", _scenario, "--out", folder, "-q", "--no-charts");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("holds files that TrackSim did not write (such as notes.txt)"));
            Assert.That(first.ExitCode, Is.EqualTo(0));
            Assert.That(again.ExitCode, Is.EqualTo(0));
        }
    }

    [TestCase("--threads", "0", "--threads: expected a whole number from 1 to 1024, found '0'")]
    [TestCase("--replicates", "-1", "--replicates: expected a whole number from 1 to 100000, found '-1'")]
    [TestCase("--replicates", "0", "--replicates: expected a whole number from 1 to 100000, found '0'")]
    [TestCase("--width", "100", "--width: expected a number of inches from 1 to 40, found '100'")]
    [TestCase("--dpi", "20", "--dpi: expected a whole number from 50 to 1200, found '20'")]
    [TestCase("--font-size", "2", "--font-size: expected a number of points from 4 to 72, found '2'")]
    [TestCase("--format", "gif", "--format: unknown format 'gif'; expected png, svg or png,svg.")]
    [TestCase("--seed", "9007199254740992", "--seed: expected a whole number from 0 to 9007199254740991, found '9007199254740992'")]
    public void Bad_option_values_exit_2_before_anything_runs(string option, string value, string message)
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Is.EqualTo($"tracksim: error: {message}"));
            Assert.That(Directory.Exists(folder), Is.False);
        }
    }

    [Test]
    public void A_chart_too_large_to_draw_is_refused()
    {
        var run = CliRun.Of("run", _scenario, "--out", _temp.File("out"), "--width", "40", "--height", "40", "--dpi", "1200");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("tracksim: error: charts: a 40 x 40 in chart at 1200 dpi would have 2,304,000,000 pixels; at most 100,000,000 are allowed"));
    }

    [Test]
    public void A_run_too_large_for_memory_is_refused_before_it_starts()
    {
        // The count is what the runs would record: every variant and replicate, each recording
        // the series of one real run (its base, which has the most initiatives) at every step.
        string file = RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml");
        var scenario = ScenarioLoader.LoadFile(file).Scenario!;
        Assert.That(scenario.VariantNames.Max(v => scenario.ForVariant(v).Initiatives.Length), Is.EqualTo(scenario.Initiatives.Length));
        var small = scenario with { Citizens = scenario.Citizens with { PerState = 20 } };
        var one = Ensemble.Run(small, new EnsembleOptions { Threads = 1, Replicates = 1, Variants = ["base"] }).Runs.Single();
        long expected = 100_000L * scenario.VariantNames.Count() * one.Dates.Length * one.Series.Length;

        var run = CliRun.Of("run", file, "--out", _temp.File("out"), "--replicates", "100000");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(string.Create(CultureInfo.InvariantCulture, $"tracksim: error: this run would record {expected:N0} values")));
        Assert.That(Directory.Exists(_temp.File("out")), Is.False, "refused before any work");
    }

    [Test]
    public void An_unknown_variant_exits_2_with_a_suggestion()
    {
        var run = CliRun.Of("run", _scenario, "--out", _temp.File("out"), "--variant", "no-crisiss");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("tracksim: error: --variant: the scenario has no variant 'no-crisiss'; did you mean 'no-crisis'? its variants are base, no-crisis\n"));
    }

    [Test]
    public void Chosen_variants_are_the_only_ones_run_and_one_variant_gets_no_comparison_charts()
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, "--variant", "base", "-q", "--format", "svg");

        var manifest = ResultsWriter.TryReadManifest(folder)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(manifest.Variants, Is.EqualTo(BaseOnly));
            Assert.That(manifest.Files.Select(f => f.Path).Where(p => p.StartsWith("charts/", StringComparison.Ordinal)), Has.None.Contains("compare-").And.All.EndsWith(".svg"));
        }
    }

    [Test]
    public void An_invalid_scenario_exits_2_with_the_diagnostics_validate_prints()
    {
        string broken = Path.Combine(_temp.Path, "broken.yaml");
        File.WriteAllText(broken, TinyScenario.Yaml.Replace("severity: 0.8", "severity: 1.8", StringComparison.Ordinal));

        var run = CliRun.Of("run", broken, "--out", _temp.File("out"));
        var validate = CliRun.Of("validate", broken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Is.EqualTo(validate.Error));
            Assert.That(run.Error, Does.Contain("broken.yaml:16:").And.Contain("events[0].severity: expected a number in [0, 1], found 1.8, which is out of range"));
        }
    }

    [Test]
    public void Ctrl_c_exits_130_and_leaves_no_results()
    {
        string folder = _temp.File("out");
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var run = CliInvocation.Of(["run", _scenario, "--out", folder, "-q"], TimeProvider.System, interrupt.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(130));
            Assert.That(run.Error, Does.StartWith("tracksim: interrupted; no file was left half-written"));
            Assert.That(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName) : [], Is.Empty.Or.EqualTo(new[] { OutputFolder.LockFileName }));
        }
    }

    [Test]
    public void The_default_results_folder_is_results_slash_the_scenario_name()
    {
        Assert.That(ResultsFolder.DefaultFor("india-pakistan-1984-2021"), Is.EqualTo(Path.Combine("results", "india-pakistan-1984-2021")));
    }
}

using System.Text.Json.Nodes;
using TrackSim.Experiments.Limits;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Results;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// <c>sweep --series</c> and <c>--metrics</c>: each point's per-step series in series/, the same rows
/// <c>run</c> writes for the point's values, exact through resume, merge and any thread count.
/// </summary>
[TestFixture]
public sealed class SweepSeriesTests
{
    private const string Seed = "11";

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

    // A 3 x 2 grid, two replicates per point: six points; two threads unless -j is given.
    private CliRun Sweep(string folder, params string[] more) =>
        CliRun.Of([
            "sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.5:3", "--vary", "events[crisis].severity=0.2:0.9:2",
            "-r", "2", "--seed", Seed, "-q", "--no-charts", "--out", folder, .. more.Contains("-j") ? more : [.. more, "-j", "2"]]);

    [Test]
    public void Without_series_a_sweep_writes_no_series_folder()
    {
        var run = Sweep(_temp.File("out"));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(Directory.Exists(_temp.File("out/series")), Is.False);
    }

    [Test]
    public void A_point_parquet_file_holds_the_rows_run_writes_for_its_values_and_seed()
    {
        Assert.That(Sweep(_temp.File("out"), "--series", "parquet").ExitCode, Is.Zero);
        Assert.That(Directory.GetFiles(_temp.File("out/series")).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(Enumerable.Range(0, 6).Select(p => $"point-{p:D6}.parquet")));

        foreach (int point in new[] { 0, 4 })
        {
            var expected = RunAt(point, "parquet");
            IReadOnlyList<(int Point, SeriesRow Row)> rows;
            using (var stream = File.OpenRead(_temp.File($"out/series/point-{point:D6}.parquet")))
            {
                rows = SeriesParquet.ReadPoint(stream);
            }

            IReadOnlyList<SeriesRow> run;
            using (var stream = File.OpenRead(Path.Combine(expected, SeriesParquet.FileName)))
            {
                run = SeriesParquet.Read(stream);
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(rows.Select(r => r.Point).Distinct(), Is.EqualTo((int[])[point]));
                Assert.That(run.Select(r => r.Replicate).Distinct(), Is.EqualTo((int[])[0, 1]), "both replicates are compared");
                Assert.That(rows.Select(r => r.Row), Is.EqualTo(run), $"point {point}, row by row");
            }
        }
    }

    [Test]
    public void A_point_csv_file_is_run_s_series_csv_with_the_point_in_front_and_only_the_metrics_asked()
    {
        Assert.That(Sweep(_temp.File("out"), "--series", "csv", "--metrics", "tension,public_trust").ExitCode, Is.Zero);

        string expected = RunAt(3, "csv", "--metrics", "public_trust,tension");
        string[] run = File.ReadAllLines(Path.Combine(expected, SeriesCsv.FileName));
        string[] point = File.ReadAllLines(_temp.File("out/series/point-000003.csv"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(point, Is.EqualTo(run.Select((line, i) => (i == 0 ? "point," : "3,") + line)));
            Assert.That(run.Skip(1).Select(l => l.Split(',')[4]).Distinct().Order(StringComparer.Ordinal), Is.EqualTo((string[])["public_trust", "tension"]));
        }
    }

    [Test]
    public void Resume_after_an_interruption_leaves_the_bytes_of_an_uninterrupted_sweep()
    {
        string whole = _temp.File("whole");
        string resumed = _temp.File("resumed");
        Assert.That(Sweep(whole, "--series", "csv").ExitCode, Is.Zero);
        Assert.That(Sweep(resumed, "--series", "csv").ExitCode, Is.Zero);

        // The state an interruption can leave: point 1's rows without its file, which a crash cannot
        // make but a user can (its file deleted), and point 4 half-written in runs.csv with its
        // file written; point 5's file there but not a row of it.
        string runs = Path.Combine(resumed, RunsCsv.FileName);
        string[] lines = File.ReadAllLines(runs);
        File.WriteAllText(runs, string.Join('\n', lines.Take(1 + (4 * 2) + 1)) + "\n");
        File.Delete(Path.Combine(resumed, "series/point-000001.csv"));
        File.WriteAllText(Path.Combine(resumed, "series/point-000005.csv"), "not yet\n");

        var run = Sweep(resumed, "--series", "csv", "--resume", "-j", "1");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        AssertSameFiles(resumed, whole);
    }

    [Test]
    public void Shards_merged_equal_the_unsharded_sweep_series_and_all()
    {
        Assert.That(Sweep(_temp.File("whole"), "--series", "parquet").ExitCode, Is.Zero);
        Assert.That(Sweep(_temp.File("s0"), "--series", "parquet", "--shard", "0/2").ExitCode, Is.Zero);
        Assert.That(Sweep(_temp.File("s1"), "--series", "parquet", "--shard", "1/2").ExitCode, Is.Zero);
        Assert.That(Directory.GetFiles(_temp.File("s1/series")), Has.Length.EqualTo(3), "a shard writes its own points' files");

        var merge = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "--no-charts");

        Assert.That(merge.ExitCode, Is.Zero, merge.Error);
        Assert.That(merge.Out, Does.Contain("series/"));
        AssertSameFiles(_temp.File("merged"), _temp.File("whole"));
        Assert.That(Inputs(_temp.File("merged"))["series"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("parquet"));
    }

    [Test]
    public void Shards_with_a_missing_series_file_or_other_series_are_not_merged()
    {
        Assert.That(Sweep(_temp.File("s0"), "--series", "csv", "--shard", "0/2").ExitCode, Is.Zero);
        Assert.That(Sweep(_temp.File("s1"), "--series", "parquet", "--shard", "1/2").ExitCode, Is.Zero);

        var mixed = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");

        Assert.That(mixed.ExitCode, Is.EqualTo(2), mixed.Error);
        Assert.That(mixed.Error, Does.Contain($"--series: csv in {_temp.File("s0")}, parquet in {_temp.File("s1")}"));

        Assert.That(Sweep(_temp.File("s1"), "--series", "csv", "--shard", "1/2", "--force").ExitCode, Is.Zero);
        File.Delete(_temp.File("s1/series/point-000003.csv"));
        var missing = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.ExitCode, Is.EqualTo(2), missing.Error);
            Assert.That(missing.Error, Does.Contain("point-000003.csv is missing").And.Contain("--resume"));
            Assert.That(Directory.Exists(_temp.File("merged")), Is.False, "nothing is written before the shards are checked");
        }
    }

    [Test]
    public void One_or_two_threads_write_the_same_bytes()
    {
        Assert.That(Sweep(_temp.File("one"), "--series", "parquet", "-j", "1").ExitCode, Is.Zero);
        Assert.That(Sweep(_temp.File("two"), "--series", "parquet", "-j", "2").ExitCode, Is.Zero);

        AssertSameFiles(_temp.File("one"), _temp.File("two"));
    }

    [Test]
    public void Resume_with_other_series_options_is_refused_naming_them()
    {
        Assert.That(Sweep(_temp.File("out"), "--series", "csv").ExitCode, Is.Zero);

        var run = Sweep(_temp.File("out"), "--series", "csv", "--metrics", "tension", "--resume");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain($"--metrics: (none) in {_temp.File("out")}, tension now"));
    }

    [TestCase("--series xml", "--series: unknown format 'xml'; expected parquet, csv or none.")]
    [TestCase("--series csv --metrics tensoin", "--metrics: no metric 'tensoin'; did you mean 'tension'?")]
    [TestCase("--metrics tension", "--metrics chooses the metrics of the series files, which a sweep writes only when asked: add --series parquet or --series csv")]
    public void Bad_series_options_exit_2_with_a_message(string options, string message)
    {
        var run = CliRun.Of(["sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.5", "--out", _temp.File("out"), .. options.Split(' ')]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }
    }

    [Test]
    public void Series_too_large_for_the_disk_are_refused_before_any_run()
    {
        CliRun run;
        using (HostLimits.Assume(null, diskBytes: 1000))
        {
            run = Sweep(_temp.File("out"), "--series", "csv");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain("the sweep's series files (--series csv) would take at least").And.Contain("values in 12 runs").And.Contain("--series none"));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }

        using (HostLimits.Assume(null, diskBytes: 1000))
        {
            Assert.That(Sweep(_temp.File("none")).ExitCode, Is.Zero, "without series, the disk check has nothing to count");
        }
    }

    [Test]
    public void Starting_again_without_series_removes_the_previous_point_files()
    {
        Assert.That(Sweep(_temp.File("out"), "--series", "csv").ExitCode, Is.Zero);

        var again = Sweep(_temp.File("out"), "--force");

        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(Directory.GetFiles(_temp.File("out/series")), Is.Empty);
        Assert.That(Files(_temp.File("out")).Keys.Where(f => f.StartsWith("series/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void A_sweep_folder_with_series_is_ours_but_a_stranger_in_series_is_not()
    {
        Assert.That(Sweep(_temp.File("out"), "--series", "csv").ExitCode, Is.Zero);
        Assert.That(ResultsFolder.SweepRefusal(_temp.File("out")), Is.Null);

        File.WriteAllText(_temp.File("out/series/notes.txt"), "mine");

        Assert.That(ResultsFolder.SweepRefusal(_temp.File("out")), Does.Contain("series/notes.txt"));
    }

    // Runs 'run' with the values of the sweep's point (as runs.csv records them) and the sweep's seed and replicates.
    private string RunAt(int point, string series, params string[] more)
    {
        string[] header = File.ReadAllLines(_temp.File("out/runs.csv"))[0].Split(',');
        string[] row = File.ReadAllLines(_temp.File("out/runs.csv")).Skip(1).Select(l => l.Split(',')).First(f => f[0] == point.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string folder = _temp.File($"run-{point}");
        var run = CliRun.Of([
            "run", _scenario, "--set", $"{header[3]}={row[3]}", "--set", $"{header[4].Trim('"')}={row[4]}",
            "-r", "2", "--seed", Seed, "--variant", "base", "--series", series, "--no-charts", "-q", "--out", folder, .. more]);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        return folder;
    }

    // Every file sweep.json lists, by path and SHA-256, and the files themselves, are the same in both folders.
    private static void AssertSameFiles(string actual, string expected)
    {
        var files = Files(expected);
        Assert.That(Files(actual), Is.EqualTo(files));
        Assert.That(files.Keys, Does.Contain(RunsCsv.FileName).And.Contain("series/point-000005" + (files.Keys.Any(k => k.EndsWith(".csv", StringComparison.Ordinal) && k.StartsWith("series/", StringComparison.Ordinal)) ? ".csv" : ".parquet")));
        foreach (string file in Directory.GetFiles(Path.Combine(expected, "series")).Select(Path.GetFileName).OfType<string>())
        {
            Assert.That(File.ReadAllBytes(Path.Combine(actual, "series", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expected, "series", file))), file);
        }

        Assert.That(Directory.GetFiles(Path.Combine(actual, "series")), Has.Length.EqualTo(Directory.GetFiles(Path.Combine(expected, "series")).Length), "no file more");
    }

    private static Dictionary<string, string> Files(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")))!["files"]!.AsArray()
            .ToDictionary(f => f!["path"]!.GetValue<string>(), f => f!["sha256"]!.GetValue<string>(), StringComparer.Ordinal);

    private static JsonObject Inputs(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")))!["inputs"]!.AsObject();
}

using System.Text.Json.Nodes;
using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Reliability;

/// <summary>
/// sweep --resume and merge compare every input that shapes the runs (scenario file, --set in
/// order, tool version, design, samples, replicates, seed, ranges, outcomes) and refuse a mismatch
/// with exit code 2, naming each differing input with both values.
/// </summary>
[TestFixture]
public sealed class SweepProvenanceTests
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

    private static readonly string[] Base = ["--vary", "parameters.posture.fear=0.1:0.5:3", "-q", "--no-charts"];

    // One replicate on two threads unless the test says otherwise.
    private CliRun Sweep(string folder, params string[] more) =>
        CliRun.Of([
            "sweep", _scenario, .. Base, "--out", folder, .. more,
            .. more.Contains("--replicates") ? Array.Empty<string>() : ["-r", "1"],
            .. more.Contains("-j") ? Array.Empty<string>() : ["-j", "2"]]);

    // A sweep cut short: its last runs are missing from runs.csv and sweep.json says it is not complete.
    private static void CutShort(string folder)
    {
        string runs = Path.Combine(folder, "runs.csv");
        var lines = File.ReadAllLines(runs);
        File.WriteAllLines(runs, lines[..^2]);
        EditManifest(folder, m => m["complete"] = false);
    }

    private static void EditManifest(string folder, Action<JsonObject> edit)
    {
        string path = Path.Combine(folder, "sweep.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    [Test]
    public void Resume_with_another_set_value_is_refused_naming_both_values()
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder, "--set", "citizens.per_state=120").ExitCode, Is.EqualTo(0));
        CutShort(folder);
        byte[] before = File.ReadAllBytes(Path.Combine(folder, "runs.csv"));

        var resumed = Sweep(folder, "--resume", "--set", "citizens.per_state=140");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resumed.ExitCode, Is.EqualTo(2), resumed.Error);
            Assert.That(resumed.Error, Does.Contain("holds a different sweep"));
            Assert.That(resumed.Error, Does.Contain($"--set: citizens.per_state=120 in {folder}, citizens.per_state=140 now"));
            Assert.That(File.ReadAllBytes(Path.Combine(folder, "runs.csv")), Is.EqualTo(before));
            Assert.That(File.ReadAllText(Path.Combine(folder, "sweep.json")), Does.Contain("citizens.per_state=120").And.Not.Contain("citizens.per_state=140"));
        }
    }

    [Test]
    public void Resume_with_the_same_sets_in_another_order_is_refused()
    {
        // A later --set overrides an earlier one of the same path, so the order is an input.
        string folder = _temp.File("out");
        Assert.That(Sweep(folder, "--set", "citizens.per_state=120", "--set", "citizens.per_state=140").ExitCode, Is.EqualTo(0));
        CutShort(folder);

        var resumed = Sweep(folder, "--resume", "--set", "citizens.per_state=140", "--set", "citizens.per_state=120");

        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Error, Does.Contain($"--set: citizens.per_state=120 citizens.per_state=140 in {folder}, citizens.per_state=140 citizens.per_state=120 now"));
    }

    [TestCase("--seed", "8", "--seed: 7 in", "8 now")]
    [TestCase("--replicates", "2", "--replicates: 1 in", "2 now")]
    [TestCase("--outcome", "incidents", "--outcome: tension:AA-BB:whole in", "incidents:AA-BB:whole now")]
    [TestCase("--design", "lhs", "--design: grid in", "lhs now")]
    public void Resume_with_another_option_is_refused_naming_it(string option, string value, string was, string now)
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder).ExitCode, Is.EqualTo(0));
        CutShort(folder);

        var resumed = Sweep(folder, "--resume", option, value);

        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Error, Does.Contain(was).And.Contain(now));
    }

    [Test]
    public void Resume_with_another_range_or_scenario_file_is_refused_naming_each()
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder).ExitCode, Is.EqualTo(0));
        CutShort(folder);
        File.AppendAllText(_scenario, "# edited\n");

        var resumed = CliRun.Of(["sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.6:3", "-r", "1", "-q", "--no-charts", "--out", folder, "--resume"]);

        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Error, Does.Contain("--vary: parameters.posture.fear=0.1:0.5:3 in").And.Contain("parameters.posture.fear=0.1:0.6:3 now"));
        Assert.That(resumed.Error, Does.Contain("scenario file SHA-256: "));
    }

    [Test]
    public void Resume_with_other_threads_continues_the_sweep()
    {
        // Results do not depend on threads, so they are not an input.
        string folder = _temp.File("out");
        string whole = _temp.File("whole");
        Assert.That(Sweep(whole).ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(folder).ExitCode, Is.EqualTo(0));
        CutShort(folder);

        var resumed = Sweep(folder, "--resume", "-j", "1");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "runs.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "runs.csv"))));
    }

    [Test]
    public void Resume_of_a_sweep_made_by_another_version_is_refused()
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder).ExitCode, Is.EqualTo(0));
        CutShort(folder);
        EditManifest(folder, m => m["inputs"]!["tool_version"] = new JsonArray("0.0.1"));

        var resumed = Sweep(folder, "--resume");

        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Error, Does.Contain("tracksim version: 0.0.1 in"));
    }

    [Test]
    public void Resume_of_a_manifest_from_an_older_version_is_refused()
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder).ExitCode, Is.EqualTo(0));
        CutShort(folder);
        EditManifest(folder, m => m.Remove("inputs"));

        var resumed = Sweep(folder, "--resume");

        Assert.That(resumed.ExitCode, Is.EqualTo(2));
        Assert.That(resumed.Error, Does.Contain("was written by an older version of tracksim").And.Contain("--force"));
    }

    [Test]
    public void Sweep_json_records_every_input()
    {
        string folder = _temp.File("out");
        Assert.That(Sweep(folder, "--set", "citizens.per_state=120").ExitCode, Is.EqualTo(0));

        var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")))!["inputs"]!.AsObject();

        Assert.That(inputs.Select(p => p.Key), Is.EquivalentTo((string[])["scenario_sha256", "set", "tool_version", "design", "samples", "replicates", "seed", "vary", "outcomes", "shard", "series", "metrics"]));
        Assert.That(inputs["set"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo((string[])["citizens.per_state=120"]));
        Assert.That(inputs["series"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo((string[])["none"]), "a sweep keeps no series unless asked");
    }

    [Test]
    public void Shards_made_with_other_set_values_are_not_merged()
    {
        Assert.That(Sweep(_temp.File("s0"), "--shard", "0/2", "--set", "citizens.per_state=120").ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s1"), "--shard", "1/2", "--set", "citizens.per_state=140").ExitCode, Is.EqualTo(0));

        var merge = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merge.ExitCode, Is.EqualTo(2), merge.Error);
            Assert.That(merge.Error, Does.Contain("is a shard of a different sweep"));
            Assert.That(merge.Error, Does.Contain($"--set: citizens.per_state=120 in {_temp.File("s0")}, citizens.per_state=140 in {_temp.File("s1")}"));
            Assert.That(File.Exists(_temp.File("merged/runs.csv")), Is.False);
        }
    }

    [Test]
    public void Shards_made_by_another_version_or_an_older_one_are_not_merged()
    {
        Assert.That(Sweep(_temp.File("s0"), "--shard", "0/2").ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s1"), "--shard", "1/2").ExitCode, Is.EqualTo(0));
        EditManifest(_temp.File("s1"), m => m["inputs"]!["tool_version"] = new JsonArray("0.0.1"));

        var otherVersion = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");
        EditManifest(_temp.File("s1"), m => m.Remove("inputs"));
        var older = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherVersion.ExitCode, Is.EqualTo(2));
            Assert.That(otherVersion.Error, Does.Contain($"in {_temp.File("s0")}, 0.0.1 in {_temp.File("s1")}").And.Contain("tracksim version: "));
            Assert.That(older.ExitCode, Is.EqualTo(2));
            Assert.That(older.Error, Does.Contain("was written by an older version of tracksim"));
        }
    }

    [Test]
    public void Shards_of_the_same_sweep_still_merge()
    {
        Assert.That(Sweep(_temp.File("s0"), "--shard", "0/2", "--set", "citizens.per_state=120", "-j", "1").ExitCode, Is.EqualTo(0));
        Assert.That(Sweep(_temp.File("s1"), "--shard", "1/2", "--set", "citizens.per_state=120").ExitCode, Is.EqualTo(0));

        var merge = CliRun.Of("merge", _temp.File("s0"), _temp.File("s1"), "--out", _temp.File("merged"), "-q", "--no-charts");

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        var inputs = JsonNode.Parse(File.ReadAllText(_temp.File("merged/sweep.json")))!["inputs"]!;
        Assert.That(inputs["shard"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("0/1"));
        Assert.That(inputs["set"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("citizens.per_state=120"));
    }
}

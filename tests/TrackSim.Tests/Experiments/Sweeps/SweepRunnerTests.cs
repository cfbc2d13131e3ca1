using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Sweeps;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments.Sweeps;

public sealed class SweepRunnerTests
{
    private static readonly Scenario Tiny = TinyScenario.Load();

    private static SweepPlan Plan(SweepDesign design = SweepDesign.Grid, int samples = 0) => new(
        [new ParameterRange("parameters.posture.fear", 0.1, 0.5, 3), new ParameterRange("events[crisis].severity", 0.2, 0.9, 2)],
        design,
        samples,
        2,
        7,
        [SweepOutcome.Parse("tension", Tiny), SweepOutcome.Parse("public_trust:BB:last:1", Tiny)]);

    private static Scenario At(SweepPlan plan, ImmutableArray<double> values)
    {
        var overrides = plan.Ranges.Select((r, i) => new Override(r.Path, SweepPlan.Format(values[i]))).ToList();
        var result = ScenarioLoader.LoadText(TinyScenario.Yaml, "tiny.yaml", overrides);
        Assert.That(result.Errors, Is.Empty);
        return result.Scenario!;
    }

    private static byte[] Clean(TempFolder temp, SweepPlan plan, SweepShard? shard = null, string name = "clean")
    {
        string folder = temp.File(name);
        SweepRunner.Run(folder, plan, shard ?? SweepShard.All, v => At(plan, v), threads: 2, resume: false);
        return File.ReadAllBytes(Path.Combine(folder, RunsCsv.FileName));
    }

    [Test]
    public void Runs_are_written_one_row_per_point_and_replicate_in_order()
    {
        using var temp = new TempFolder();
        var plan = Plan();

        string[] lines = System.Text.Encoding.UTF8.GetString(Clean(temp, plan)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Is.EqualTo("point,replicate,seed,parameters.posture.fear,events[crisis].severity,tension:AA-BB:whole,public_trust:BB:last:1"));
        Assert.That(lines, Has.Length.EqualTo(1 + (6 * 2)));
        Assert.That(lines[1], Does.StartWith("0,0,7,0.1,0.2,"));
        Assert.That(lines[4], Does.StartWith("1,1,7,0.1,0.9,"));
        Assert.That(lines[12], Does.StartWith("5,1,7,0.5,0.9,"));
    }

    [Test]
    public void Resuming_a_cancelled_sweep_gives_the_same_runs_file_byte_for_byte()
    {
        using var temp = new TempFolder();
        var plan = Plan();
        byte[] clean = Clean(temp, plan);
        string folder = temp.File("resumed");
        using var cancel = new CancellationTokenSource();
        var stopHalfway = new Progress(done =>
        {
            if (done >= 6)
            {
                cancel.Cancel();
            }
        });

        Assert.That(
            () => SweepRunner.Run(folder, plan, SweepShard.All, v => At(plan, v), threads: 1, resume: false, stopHalfway, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        string path = Path.Combine(folder, RunsCsv.FileName);
        int kept = File.ReadAllLines(path).Length - 1;

        // A crash can also leave half a row behind; resume must cut it off.
        File.AppendAllText(path, "3,0,7,0.3,0.");
        int ran = SweepRunner.Run(folder, plan, SweepShard.All, v => At(plan, v), threads: 2, resume: true);

        Assert.That(kept, Is.InRange(2, 10), "the first attempt stopped midway");
        Assert.That(ran, Is.EqualTo(12 - kept));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(clean));
    }

    [Test]
    public void One_thread_writes_the_same_runs_as_several()
    {
        using var temp = new TempFolder();
        var plan = Plan(SweepDesign.Morris, 2);
        byte[] parallel = Clean(temp, plan);
        string folder = temp.File("one");

        SweepRunner.Run(folder, plan, SweepShard.All, v => At(plan, v), threads: 1, resume: false);

        Assert.That(File.ReadAllBytes(Path.Combine(folder, RunsCsv.FileName)), Is.EqualTo(parallel));
    }

    [Test]
    public void Shards_merged_equal_the_unsharded_sweep()
    {
        using var temp = new TempFolder();
        var plan = Plan(SweepDesign.Lhs, 5);
        byte[] clean = Clean(temp, plan);
        string[] shards = [temp.File("s0"), temp.File("s1"), temp.File("s2")];
        for (int i = 0; i < shards.Length; i++)
        {
            SweepRunner.Run(shards[i], plan, new SweepShard(i, shards.Length), v => At(plan, v), threads: 2, resume: false);
            SweepManifest.Write(shards[i], plan, new SweepShard(i, shards.Length), "tiny.yaml", "hash", [], "test", "0", [RunsCsv.FileName]);
        }

        SweepMerge.Merge(shards, temp.File("merged"));

        Assert.That(File.ReadAllBytes(temp.File("merged/runs.csv")), Is.EqualTo(clean));
        Assert.That(File.ReadAllLines(temp.File("merged/sensitivity.csv")), Has.Length.EqualTo(1 + (2 * 2)));
    }

    [Test]
    public void Merge_refuses_shards_that_miss_runs()
    {
        using var temp = new TempFolder();
        var plan = Plan();
        string shard = temp.File("s0");
        SweepRunner.Run(shard, plan, new SweepShard(0, 2), v => At(plan, v), threads: 2, resume: false);
        SweepManifest.Write(shard, plan, new SweepShard(0, 2), "tiny.yaml", "hash", [], "test", "0", [RunsCsv.FileName]);

        Assert.That(() => SweepMerge.Merge([shard], temp.File("merged")), Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void Sensitivity_of_a_grid_ranks_crisis_severity_above_fear_for_tension()
    {
        using var temp = new TempFolder();
        var plan = Plan();
        Clean(temp, plan);

        var rows = Sensitivity.Compute(plan, RunsCsv.Read(temp.File("clean/runs.csv"), plan.Header));

        var tension = rows.Where(r => r.Outcome == "tension:AA-BB:whole").ToDictionary(r => r.Parameter);
        Assert.That(tension.Values.Select(r => r.Index), Is.All.EqualTo("pearson_r"));

        // A harsher crisis must raise tension over the run; its correlation dominates on this grid.
        Assert.That(tension["events[crisis].severity"].Value, Is.GreaterThan(0.5));
        Assert.That(Math.Abs(tension["events[crisis].severity"].Value), Is.GreaterThan(Math.Abs(tension["parameters.posture.fear"].Value)));
    }

    [Test]
    public void Plan_survives_a_round_trip_through_sweep_json()
    {
        using var temp = new TempFolder();
        var plan = Plan(SweepDesign.Sobol, 8);

        SweepManifest.Write(temp.Path, plan, new SweepShard(1, 3), "tiny.yaml", "hash", ["a=1"], "test", "0", []);
        var (read, shard, sha, _, overrides) = SweepManifest.Read(temp.Path);

        Assert.That(SweepManifest.PlanJson(read), Is.EqualTo(SweepManifest.PlanJson(plan)));
        Assert.That((shard, sha, overrides.Single()), Is.EqualTo((new SweepShard(1, 3), "hash", "a=1")));
    }

    // Progress<T> posts to a synchronization context; this reports on the worker thread at once.
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

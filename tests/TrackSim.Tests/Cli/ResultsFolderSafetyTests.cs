using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// Results folders that nothing can corrupt: each test is one failure reproduced on an earlier
/// version (deletion outside the folder, concurrent runs, special files replaced, the manifest
/// deleted first, interrupted runs taken for foreign files, overwritten user files, leftovers).
/// Only the command line is used, so the tests hold for any implementation.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResultsFolderSafetyTests
{
    private TempFolder _temp = null!;
    private string _scenario = null!;

    [SetUp]
    public void Create()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
    }

    [TearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void Case1_a_manifest_entry_through_a_symlink_never_deletes_a_file_outside_the_folder()
    {
        string folder = _temp.File("res");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1").ExitCode, Is.Zero);
        string outside = _temp.File("outside");
        Directory.CreateDirectory(outside);
        string victim = Path.Combine(outside, "a.png");
        File.WriteAllText(victim, "precious");
        Directory.CreateSymbolicLink(Path.Combine(folder, "ext"), outside);
        AddManifestEntry(folder, "charts/../ext/a.png", victim);

        int plot = CliRun.Of("plot", folder, "-q").ExitCode;
        AddManifestEntry(folder, "charts/../ext/a.png", victim);
        AddManifestEntry(folder, "ext/a.png", victim);
        AddManifestEntry(folder, victim, victim);
        int run = CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1", "--force").ExitCode;

        Assert.That((plot, run), Is.EqualTo((0, 0)));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
    }

    [Test]
    public void Case3_two_runs_into_one_folder_at_once_leave_exactly_one_runs_results()
    {
        for (int trial = 0; trial < 3; trial++)
        {
            string folder = _temp.File($"shared{trial}");
            using var first = Tracksim("run", _scenario, "--out", folder, "-q", "--no-charts", "-r", "40", "--seed", "1");
            using var second = Tracksim("run", _scenario, "--out", folder, "-q", "--no-charts", "-r", "40", "--seed", "2");
            first.WaitForExit();
            second.WaitForExit();
            Assert.That(new[] { first.ExitCode, second.ExitCode }, Has.Some.EqualTo(0));

            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
            ulong seed = manifest["seed"]!.GetValue<ulong>();
            foreach (var file in manifest["files"]!.AsArray())
            {
                Assert.That(Sha256(Path.Combine(folder, file!["path"]!.GetValue<string>())), Is.EqualTo(file["sha256"]!.GetValue<string>()), file["path"]!.GetValue<string>());
            }

            string alone = _temp.File($"alone{trial}");
            Assert.That(CliRun.Of("run", _scenario, "--out", alone, "-q", "--no-charts", "-r", "40", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-j", "2").ExitCode, Is.Zero);
            Assert.That(File.ReadAllBytes(Path.Combine(folder, "series.parquet")), Is.EqualTo(File.ReadAllBytes(Path.Combine(alone, "series.parquet"))), $"trial {trial}: series.parquet is not the run of seed {seed}");
        }
    }

    [TestCase("schema")]
    [TestCase("describe")]
    public void Case4_out_never_replaces_a_fifo_or_a_symlink(string command)
    {
        string fifo = _temp.File("pipe");
        MakeFifo(fifo);
        string target = _temp.File("target");
        File.WriteAllText(target, "mine");
        string link = _temp.File("link");
        File.CreateSymbolicLink(link, target);
        string[] input = command == "describe" ? [_scenario] : [];

        var toFifo = CliRun.Of([command, .. input, "--out", fifo]);
        var toLink = CliRun.Of([command, .. input, "--out", link]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(toFifo.ExitCode, Is.EqualTo(2));
            Assert.That(toFifo.Error, Does.Contain(fifo));
            Assert.That(toLink.ExitCode, Is.EqualTo(2));
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
            Assert.That(File.ReadAllText(target), Is.EqualTo("mine"));
            Assert.That(IsFifo(fifo), Is.True);
        }
    }

    [Test]
    public void Case6_an_interrupted_plot_keeps_the_manifest()
    {
        string folder = _temp.File("res");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1").ExitCode, Is.Zero);
        string before = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var plot = CliInvocation.Of(["plot", folder, "--dpi", "600"], TimeProvider.System, interrupt.Token);

        Assert.That(plot.ExitCode, Is.EqualTo(130));
        Assert.That(File.ReadAllText(Path.Combine(folder, "manifest.json")), Is.EqualTo(before));
        Assert.That(CliRun.Of("plot", folder, "-q").ExitCode, Is.Zero);
    }

    [Test]
    public void Case7_the_files_of_an_interrupted_run_are_recognised_as_trackSims()
    {
        string folder = _temp.File("res");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1").ExitCode, Is.Zero);
        Assume.That(File.Exists(Path.Combine(folder, "effects.csv")), "the scenario writes effects.csv");

        // What a run interrupted before its manifest leaves: its data, effects and charts.
        File.Delete(Path.Combine(folder, "manifest.json"));
        var again = CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1");

        Assert.That(again.ExitCode, Is.Zero, again.Error);
    }

    [TestCase("series.csv")]
    [TestCase("summary.csv")]
    [TestCase("charts/tension.png")]
    public void Case8_run_refuses_to_replace_a_users_own_files_without_force(string file)
    {
        string folder = _temp.File("mine");
        string path = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "my own");

        var run = CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(path), Is.EqualTo("my own"));
    }

    [Test]
    public void Case8_sweep_and_merge_refuse_to_replace_a_users_own_files_without_force()
    {
        string sweepFolder = _temp.File("sweep");
        Directory.CreateDirectory(sweepFolder);
        File.WriteAllText(Path.Combine(sweepFolder, "sensitivity.csv"), "my own");
        string shard = _temp.File("shard");
        Assert.That(CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=50:150:2", "-r", "1", "-j", "1", "--no-charts", "-q", "--out", shard).ExitCode, Is.Zero);
        string mergeFolder = _temp.File("merged");
        Directory.CreateDirectory(mergeFolder);
        File.WriteAllText(Path.Combine(mergeFolder, "runs.csv"), "my own");

        var sweep = CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=50:150:2", "-r", "1", "-j", "1", "--no-charts", "-q", "--out", sweepFolder);
        var merge = CliRun.Of("merge", shard, "--out", mergeFolder, "--no-charts", "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sweep.ExitCode, Is.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(sweepFolder, "sensitivity.csv")), Is.EqualTo("my own"));
            Assert.That(merge.ExitCode, Is.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(mergeFolder, "runs.csv")), Is.EqualTo("my own"));
        }
    }

    [Test]
    public void Case12_temporary_leftovers_are_removed_by_the_next_run()
    {
        string folder = _temp.File("res");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1").ExitCode, Is.Zero);
        string top = Path.Combine(folder, $".series.csv.{Guid.NewGuid():N}.tmp");
        string chart = Path.Combine(folder, "charts", $".tension.png.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(top, "half");
        File.WriteAllText(chart, "half");

        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q", "-r", "1", "--force").ExitCode, Is.Zero);
        Assert.That(File.Exists(top) || File.Exists(chart), Is.False);
    }

    [Test]
    public void Case12_sweep_force_removes_the_previous_sweeps_charts()
    {
        string folder = _temp.File("sweep");
        Assert.That(CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=50:150:2", "-r", "1", "-j", "1", "-q", "--out", folder).ExitCode, Is.Zero);
        Assume.That(Directory.GetFiles(Path.Combine(folder, "charts")), Is.Not.Empty);

        Assert.That(CliRun.Of("sweep", _scenario, "--vary", "citizens.per_state=50:150:2", "-r", "1", "-j", "1", "-q", "--no-charts", "--force", "--out", folder).ExitCode, Is.Zero);
        Assert.That(Directory.Exists(Path.Combine(folder, "charts")) ? Directory.GetFiles(Path.Combine(folder, "charts")) : [], Is.Empty);
    }

    [Test]
    public void Case12_the_sweeps_ctrl_c_message_names_what_a_sweep_leaves()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var sweep = CliInvocation.Of(["sweep", _scenario, "--vary", "citizens.per_state=50:150:2", "-r", "1", "--out", _temp.File("sweep")], TimeProvider.System, interrupt.Token);

        Assert.That(sweep.ExitCode, Is.EqualTo(130));
        Assert.That(sweep.Error, Does.Contain("runs.csv").And.Contain("--resume"));
    }

    [Test]
    public void Case12_an_unwritable_out_is_found_before_the_simulation()
    {
        var run = CliRun.Of("run", _scenario, "--out", "/proc/tracksim-cannot-write-here", "-r", "1");

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Not.Contain("runs of"));
    }

    internal static Process Tracksim(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tracksim.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static void MakeFifo(string path)
    {
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            if (mkfifo.ExitCode != 0)
            {
                Assert.Ignore("mkfifo failed");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("mkfifo is not available");
        }
    }

    internal static bool IsFifo(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        string kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind == "fifo";
    }

    internal static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static void AddManifestEntry(string folder, string entry, string hashedFile)
    {
        string path = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["files"]!.AsArray().Add(new JsonObject
        {
            ["path"] = entry,
            ["bytes"] = new FileInfo(hashedFile).Length,
            ["sha256"] = Sha256(hashedFile),
        });
        File.WriteAllText(path, manifest.ToJsonString());
    }
}

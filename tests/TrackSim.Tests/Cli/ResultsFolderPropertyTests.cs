using System.Text.Json.Nodes;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// Random results folders (links to outside files and folders, foreign files, stale and hand-edited
/// manifests with '..', absolute and linked entries, FIFOs, temporary leftovers): run, plot and
/// run --force never delete or change a file outside the folder or a file TrackSim did not write.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResultsFolderPropertyTests
{
    [Test]
    public void Run_plot_and_force_never_touch_files_outside_or_not_written_by_TrackSim([Range(1, 12)] int seed)
    {
        using var temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(temp.Path);
        var random = new Random(seed);
        string outside = temp.File("outside");
        Directory.CreateDirectory(Path.Combine(outside, "sub"));
        for (int i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(outside, i % 2 == 0 ? "sub" : string.Empty, $"o{i}.png"), $"outside {i} {random.Next()}");
        }

        string folder = temp.File("res");
        Assert.That(CliRun.Of("run", scenario, "--out", folder, "-q", "-r", "1").ExitCode, Is.Zero);
        var foreign = new List<string>();
        string[] names = ["notes.txt", "series.csv.bak", "charts/mine.txt", "effects/keep.md", "charts/extra.png"];
        foreach (string name in names.Where(_ => random.Next(2) == 0))
        {
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "foreign " + name);
            foreign.Add(path);
        }

        var outsideFiles = Directory.GetFiles(outside, "*", SearchOption.AllDirectories);
        var entries = new List<(string Entry, string Hashed)>();
        if (random.Next(2) == 0)
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "ext"), outside);
            entries.Add(("charts/../ext/o1.png", outsideFiles[0]));
            entries.Add(("ext/sub/o0.png", outsideFiles[^1]));
        }

        if (random.Next(2) == 0)
        {
            Directory.Delete(Path.Combine(folder, "charts"), recursive: true);
            Directory.CreateSymbolicLink(Path.Combine(folder, "charts"), Path.Combine(outside, "sub"));
            foreign.RemoveAll(f => f.Contains("charts", StringComparison.Ordinal));
        }

        if (random.Next(2) == 0)
        {
            File.CreateSymbolicLink(Path.Combine(folder, "link.png"), outsideFiles[random.Next(outsideFiles.Length)]);
            entries.Add(("link.png", outsideFiles[0]));
        }

        foreach (string f in outsideFiles)
        {
            entries.Add((f, f));
            entries.Add(("../outside/" + Path.GetFileName(f), f));
        }

        if (random.Next(2) == 0)
        {
            ResultsFolderSafetyTests.MakeFifo(Path.Combine(folder, "pipe.png"));
            entries.Add(("pipe.png", outsideFiles[0]));
        }

        if (random.Next(2) == 0)
        {
            File.WriteAllText(Path.Combine(folder, $".summary.csv.{Guid.NewGuid():N}.tmp"), "leftover");
        }

        foreach (string f in foreign)
        {
            entries.Add((Path.GetRelativePath(folder, f).Replace('\\', '/'), f + ".nope"));
        }

        EditManifest(folder, entries, random);
        var before = Snapshot(outsideFiles.Concat(foreign));

        // Each command may refuse; none may touch what is not TrackSim's.
        CliRun.Of("plot", folder, "-q");
        CliRun.Of("run", scenario, "--out", folder, "-q", "-r", "1");
        CliRun.Of("run", scenario, "--out", folder, "-q", "-r", "1", "--force", "--seed", "3");
        CliRun.Of("plot", folder, "-q", "--format", "svg");

        var after = Snapshot(outsideFiles.Concat(foreign));
        Assert.That(after.Where(a => before[a.Key] != a.Value).Select(a => $"{a.Key}: {before[a.Key]} -> {a.Value}"), Is.Empty);
    }

    private static Dictionary<string, string> Snapshot(IEnumerable<string> files) =>
        files.ToDictionary(f => f, f => File.Exists(f) ? $"{ResultsFolderSafetyTests.Sha256(f)} {File.GetLastWriteTimeUtc(f).Ticks}" : "deleted");

    private static void EditManifest(string folder, List<(string Entry, string Hashed)> entries, Random random)
    {
        string path = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        var files = manifest["files"]!.AsArray();
        foreach (var (entry, hashed) in entries.OrderBy(_ => random.Next()))
        {
            files.Add(new JsonObject
            {
                ["path"] = entry,
                ["bytes"] = File.Exists(hashed) ? new FileInfo(hashed).Length : 0,
                ["sha256"] = File.Exists(hashed) ? ResultsFolderSafetyTests.Sha256(hashed) : new string('0', 64),
            });
        }

        if (random.Next(3) == 0)
        {
            manifest["scenario"]!["name"] = "stale-other";
        }

        File.WriteAllText(path, manifest.ToJsonString());
    }
}

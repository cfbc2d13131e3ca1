using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Results;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class InterruptedWriteTests
{
    private static readonly string[] DataFiles = ["series.parquet", "variants.csv", "summary.csv", "events.csv", "chart-inputs.json", "agreements.csv", "agreement-targets.csv", "dialogue.csv", "effects.csv", "recovery.csv"];

    [Test]
    public void A_write_that_fails_half_way_leaves_neither_the_file_nor_its_temporary()
    {
        using var temp = new TempFolder();
        string path = temp.File("data.csv");

        Assert.That(
            () => AtomicFile.WriteText(path, w =>
            {
                w.Write("header\nfirst row\n");
                w.Flush();
                throw new IOException("disk full");
            }),
            Throws.InstanceOf<IOException>());
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.Empty);
    }

    [Test]
    public void A_write_replaces_an_older_file_only_when_complete()
    {
        using var temp = new TempFolder();
        string path = temp.File("data.csv");
        File.WriteAllText(path, "old\n");
        using var cancel = new CancellationTokenSource();

        Assert.That(
            () => AtomicFile.WriteText(path, w => { w.Write("new, partial"); cancel.Cancel(); }, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("old\n"));
            Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
        }
    }

    [TestCase("writing series.parquet")]
    [TestCase("writing events.csv")]
    [TestCase("drawing charts")]
    public void Cancelling_while_results_are_written_leaves_no_file_and_no_manifest(string cancelAt)
    {
        using var temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(temp.Path);
        string folder = temp.File("results");
        var ensemble = TinyScenario.Run();
        var provenance = RunProvenance.For(scenario, [], 1, "test", DateTimeOffset.UnixEpoch);
        using var cancel = new CancellationTokenSource();
        var status = new Callback(message =>
        {
            if (message == cancelAt)
            {
                cancel.Cancel();
            }
        });

        Assert.That(
            () => ResultsWriter.Write(folder, ensemble, provenance, ChartStyle.Default, TimeProvider.System, status: status, cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());

        var left = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).ToList();

        // Everything is staged and renamed into place only at the end: nothing but the lock file is left.
        Assert.That(left, Is.EqualTo(new[] { OutputFolder.LockFileName }));
    }

    [Test]
    public void Rerunning_into_a_folder_removes_files_no_longer_written()
    {
        using var temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(temp.Path);
        string folder = temp.File("results");
        var ensemble = TinyScenario.Run();
        var provenance = RunProvenance.For(scenario, [], 1, "test", DateTimeOffset.UnixEpoch);
        ResultsWriter.Write(folder, ensemble, provenance, ChartStyle.Default, TimeProvider.System);

        ResultsWriter.Write(folder, ensemble, provenance, charts: null, TimeProvider.System);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.GetFiles(Path.Combine(folder, ChartWriter.FolderName)), Is.Empty);
            Assert.That(ResultsWriter.TryReadManifest(folder)!.Files.Select(f => f.Path), Is.EqualTo(DataFiles));
        }
    }

    private sealed class Callback(Action<string> action) : IProgress<string>
    {
        public void Report(string value) => action(value);
    }
}

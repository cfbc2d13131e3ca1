using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;
using TrackSim.Tests.Cli;

namespace TrackSim.Tests.Reporting.Report;

/// <summary>
/// <c>tracksim report</c>: writes report.html into a results folder and lists it in the manifest, or
/// to another file; refuses what is not a results folder, a damaged one and someone else's file,
/// writing nothing then.
/// </summary>
[TestFixture]
public sealed class ReportCommandTests
{
    private TempFolder _temp = null!;
    private string _scenario = string.Empty;
    private string _folder = string.Empty;

    [SetUp]
    public void RunTinyScenario()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
        _folder = _temp.File("out");
        var run = CliRun.Of("run", _scenario, "--out", _folder, "-q");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void The_report_goes_into_the_folder_and_its_manifest()
    {
        var before = ResultsWriter.TryReadManifest(_folder)!;

        var report = CliRun.Of("report", _folder);

        string path = Path.Combine(_folder, "report.html");
        var manifest = ResultsWriter.TryReadManifest(_folder)!;
        var entry = manifest.Files.SingleOrDefault(f => f.Path == "report.html");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ExitCode, Is.EqualTo(0), report.Error);
            Assert.That(report.Out, Does.StartWith($"{path}: report written (").And.EndWith(" kB); manifest.json updated\n"));
            Assert.That(entry, Is.Not.Null);
            Assert.That(entry!.Sha256, Is.EqualTo(FileHash.Sha256(path)));
            Assert.That(entry.Bytes, Is.EqualTo(new FileInfo(path).Length));
            Assert.That(manifest.Files.Where(f => f.Path != "report.html"), Is.EqualTo(before.Files), "the other files keep the run's record");
            Assert.That(manifest.FinishedUtc, Is.EqualTo(before.FinishedUtc), "the run's record is kept");
            Assert.That(manifest.CommandLine, Is.EqualTo(before.CommandLine));
            Assert.That(manifest.ReplottedUtc, Is.Null, "a report redraws no chart");
        }
    }

    [Test]
    public void The_report_shows_the_scenario_file_when_it_is_unchanged_and_says_so_when_it_is_not()
    {
        var first = CliRun.Of("report", _folder);
        string html = File.ReadAllText(Path.Combine(_folder, "report.html"));
        File.AppendAllText(_scenario, "\n# edited\n");

        var second = CliRun.Of("report", _folder, "--out", _temp.File("edited.html"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Error, Is.Empty);
            Assert.That(html, Does.Contain("without the event crisis"), "the variant's change, from the scenario file");
            Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
            Assert.That(second.Error, Does.Contain($"note: {_scenario} has changed since the run; the report has no scenario description or variant changes"));
            Assert.That(File.ReadAllText(_temp.File("edited.html")), Does.Contain("not recorded in the results folder").And.Not.Contain("without the event crisis"));
        }
    }

    [Test]
    public void A_later_run_removes_the_report_of_the_earlier_one()
    {
        Assert.That(CliRun.Of("report", _folder, "-q").ExitCode, Is.EqualTo(0));

        var run = CliRun.Of("run", _scenario, "--out", _folder, "-q", "--replicates", "2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(File.Exists(Path.Combine(_folder, "report.html")), Is.False, "a report of other results would look current");
        }
    }

    [Test]
    public void Out_writes_elsewhere_and_leaves_the_folder_as_it_was()
    {
        string manifest = File.ReadAllText(Path.Combine(_folder, "manifest.json"));
        string file = _temp.File("tiny.html");

        var report = CliRun.Of("report", _folder, "--out", file);
        var again = CliRun.Of("report", _folder, "--out", file, "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ExitCode, Is.EqualTo(0), report.Error);
            Assert.That(again.ExitCode, Is.EqualTo(0), "an earlier report is replaced");
            Assert.That(again.Out, Is.Empty);
            Assert.That(File.ReadAllText(file), Does.StartWith("<!DOCTYPE html>"));
            Assert.That(File.Exists(Path.Combine(_folder, "report.html")), Is.False);
            Assert.That(File.ReadAllText(Path.Combine(_folder, "manifest.json")), Is.EqualTo(manifest));
        }
    }

    [Test]
    public void Someone_elses_file_is_not_replaced()
    {
        string file = _temp.File("notes.html");
        File.WriteAllText(file, "<html>my notes</html>");
        File.WriteAllText(Path.Combine(_folder, "report.html"), "<html>my own report</html>");

        var elsewhere = CliRun.Of("report", _folder, "--out", file);
        var inside = CliRun.Of("report", _folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(elsewhere.ExitCode, Is.EqualTo(1));
            Assert.That(elsewhere.Error, Is.EqualTo($"tracksim: error: {file} exists and is not a report TrackSim wrote; choose another --out; no report written\n"));
            Assert.That(File.ReadAllText(file), Is.EqualTo("<html>my notes</html>"));
            Assert.That(inside.ExitCode, Is.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "report.html")), Is.EqualTo("<html>my own report</html>"));
        }
    }

    [Test]
    public void A_folder_that_is_not_a_results_folder_exits_2_and_writes_nothing()
    {
        string empty = _temp.File("empty");
        Directory.CreateDirectory(empty);

        var missing = CliRun.Of("report", _temp.File("nowhere"));
        var notResults = CliRun.Of("report", empty);
        var noParent = CliRun.Of("report", _folder, "--out", _temp.File("no/such/folder.html"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.ExitCode, Is.EqualTo(2));
            Assert.That(missing.Error, Is.EqualTo($"tracksim: error: {_temp.File("nowhere")}: no such folder\n"));
            Assert.That(notResults.ExitCode, Is.EqualTo(2));
            Assert.That(notResults.Error, Does.Contain("is not a complete TrackSim results folder (it has no manifest.json)"));
            Assert.That(Directory.GetFileSystemEntries(empty), Is.Empty);
            Assert.That(noParent.ExitCode, Is.EqualTo(2));
        }
    }

    [TestCase("summary.csv", null, "has no summary.csv")]
    [TestCase("summary.csv", "variant,step\n", "summary.csv: line 1 should be the header")]
    [TestCase("chart-inputs.json", "{ \"scenario\": ", "chart-inputs.json cannot be read")]
    [TestCase("events.csv", "variant,replicate,step,date,rule,subject,detail\nbase,0\n", "events.csv: line 2 has 2 fields; expected 7")]
    [TestCase("effects.csv", "nonsense\n", "effects.csv: line 1 should be the header")]
    [TestCase("manifest.json", "{}", "manifest.json cannot be read")]
    public void A_missing_or_damaged_file_exits_1_and_writes_nothing(string file, string? text, string message)
    {
        string path = Path.Combine(_folder, file);
        if (text is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, text);
        }

        string manifest = File.ReadAllText(Path.Combine(_folder, "manifest.json"));

        var report = CliRun.Of("report", _folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ExitCode, Is.EqualTo(1));
            Assert.That(report.Error, Does.StartWith($"tracksim: error: {_folder}").And.Contain(message).And.EndWith("; no report written\n"));
            Assert.That(report.Out, Is.Empty);
            Assert.That(File.Exists(Path.Combine(_folder, "report.html")), Is.False);
            Assert.That(File.ReadAllText(Path.Combine(_folder, "manifest.json")), Is.EqualTo(manifest));
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Has.None.Contains(".tmp"), "no temporary file left");
        }
    }
}

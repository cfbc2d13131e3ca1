using TrackSim.Reporting.Results;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class PlotAndDescribeCommandTests
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

    [Test]
    public void Plot_redraws_in_another_style_without_running_again()
    {
        string folder = _temp.File("out");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q").ExitCode, Is.EqualTo(0));
        byte[] series = File.ReadAllBytes(Path.Combine(folder, "series.parquet"));

        var plot = CliRun.Of("plot", folder, "--format", "svg", "--width", "5");

        var manifest = ResultsWriter.TryReadManifest(folder)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.ExitCode, Is.EqualTo(0), plot.Error);
            Assert.That(plot.Out, Is.EqualTo($"{folder}: 10 chart files redrawn; manifest.json updated\n"));
            Assert.That(Directory.GetFiles(Path.Combine(folder, "charts"), "*.png"), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(folder, "charts", "tension.svg")), Does.Contain("width=\"480\""));
            Assert.That(File.ReadAllBytes(Path.Combine(folder, "series.parquet")), Is.EqualTo(series));
            Assert.That(manifest.ReplotCommandLine, Is.EqualTo($"tracksim plot {folder} --format svg --width 5"));
        }
    }

    [Test]
    public void Plot_of_a_folder_that_is_not_a_results_folder_exits_2()
    {
        var missing = CliRun.Of("plot", _temp.File("nowhere"));
        var notResults = CliRun.Of("plot", _temp.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.ExitCode, Is.EqualTo(2));
            Assert.That(missing.Error, Is.EqualTo($"tracksim: error: {_temp.File("nowhere")}: no such folder\n"));
            Assert.That(notResults.ExitCode, Is.EqualTo(2));
            Assert.That(notResults.Error, Does.Contain("is not a complete TrackSim results folder (it has no manifest.json)"));
        }
    }

    [Test]
    public void Plot_of_a_folder_with_an_edited_manifest_says_so_and_changes_nothing()
    {
        string folder = _temp.File("out");
        Assert.That(CliRun.Of("run", _scenario, "--out", folder, "-q").ExitCode, Is.EqualTo(0));
        string manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"bytes\"", "\"size\"", StringComparison.Ordinal));
        string chart = Path.Combine(folder, "charts", "tension.png");
        byte[] before = File.ReadAllBytes(chart);

        var plot = CliRun.Of("plot", folder, "--width", "5");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.ExitCode, Is.EqualTo(1), "a damaged results folder, like one missing its summary.csv");
            Assert.That(plot.Error, Does.Contain("manifest.json cannot be read").And.Contain("the key 'bytes' is missing").And.Contain("nothing is redrawn or removed"));
            Assert.That(File.ReadAllBytes(chart), Is.EqualTo(before));
        }
    }

    [Test]
    public void Describe_prints_markdown_for_an_appendix()
    {
        var run = CliRun.Of("describe", RepositoryFiles.PathOf("scenarios/minimal.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.StartWith("# Two states, one dialogue, one crisis\n\nScenario `minimal`"));
            Assert.That(run.Out, Does.Contain("\n## Parameters\n").And.Contain("\n## Events\n").And.Contain("\n## Agreements on the table\n").And.Contain("\n### Rules, in the order of a step\n").And.Contain("\n## Ensemble\n"));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public void Describe_can_write_a_file()
    {
        string path = _temp.File("appendix.md");

        var run = CliRun.Of("describe", _scenario, "--out", path);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(path), Does.StartWith("# Tiny test scenario\n"));
    }

    [TestCase("run", "tracksim run scenarios/india-pakistan-1984-2021.yaml")]
    [TestCase("plot", "tracksim plot results/india-pakistan-1984-2021")]
    [TestCase("describe", "tracksim describe scenarios/india-pakistan-1984-2021.yaml --out appendix.md")]
    public void New_commands_have_help_with_examples(string command, string example)
    {
        var run = CliRun.Of(command, "--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.Contain("Examples:").And.Contain(example));
        }
    }

    [Test]
    public void Root_help_documents_the_interrupted_exit_code()
    {
        Assert.That(CliRun.Of("--help").Out, Does.Contain("130  interrupted by Ctrl-C"));
    }
}

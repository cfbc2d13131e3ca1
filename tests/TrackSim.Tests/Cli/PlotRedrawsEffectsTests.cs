using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary><c>tracksim plot</c> redraws everything the run drew, the effects/ charts too, and says what it does not.</summary>
[TestFixture]
public sealed class PlotRedrawsEffectsTests
{
    private TempFolder _temp = null!;
    private string _folder = string.Empty;

    [SetUp]
    public void RunTiny()
    {
        _temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(_temp.Path);
        _folder = _temp.File("out");
        Assert.That(CliRun.Of("run", scenario, "--out", _folder, "-q", "--format", "png").ExitCode, Is.EqualTo(0));
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Plot_redraws_the_effects_charts_in_the_new_style()
    {
        var before = Hashes("effects");
        string data = File.ReadAllText(Path.Combine(_folder, "effects", DifferenceCharts.DataFileName));

        var plot = CliRun.Of("plot", _folder, "--width", "5", "--format", "png,pdf");

        var after = Hashes("effects");
        var manifest = ResultsWriter.TryReadManifest(_folder)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.ExitCode, Is.EqualTo(0), plot.Error);
            // Five metrics and their comparisons, two distributions and two network figures, each as PNG and PDF; five difference charts as PNG and PDF.
            Assert.That(plot.Out, Is.EqualTo($"{_folder}: 38 chart files redrawn (charts/: 28, effects/: 10); manifest.json updated\n"));
            Assert.That(before.Keys.Where(k => k.EndsWith(".png", StringComparison.Ordinal)), Has.Exactly(5).Items);

            // Every chart is drawn again, wider, and each now has a PDF beside its PNG.
            foreach (string chart in before.Keys.Where(k => k.EndsWith(".png", StringComparison.Ordinal)))
            {
                Assert.That(after[chart], Is.Not.EqualTo(before[chart]), chart);
                Assert.That(after, Contains.Key(Path.ChangeExtension(chart, ".pdf")));
            }

            // The statistics are the run's, untouched, and the manifest records every file as it is now.
            Assert.That(File.ReadAllText(Path.Combine(_folder, "effects", DifferenceCharts.DataFileName)), Is.EqualTo(data));
            Assert.That(manifest.Files.Where(f => f.Path.StartsWith("effects/", StringComparison.Ordinal)).Select(f => f.Path), Is.EquivalentTo(after.Keys.Select(k => $"effects/{k}")));
            Assert.That(manifest.Files.Select(f => f.Sha256 == FileHash.Sha256(Path.Combine(_folder, f.Path))), Is.All.True);
        }
    }

    [Test]
    public void Plot_says_which_effects_charts_it_cannot_redraw()
    {
        // Results written before effects/differences.csv existed: their charts stay, and plot says so.
        var manifest = ResultsWriter.TryReadManifest(_folder)!;
        var older = manifest with { Files = [.. manifest.Files.Where(f => f.Path != $"effects/{DifferenceCharts.DataFileName}")] };
        File.WriteAllText(Path.Combine(_folder, Manifest.FileName), ResultsJson.Write(older));
        File.Delete(Path.Combine(_folder, "effects", DifferenceCharts.DataFileName));
        var before = Hashes("effects");

        var plot = CliRun.Of("plot", _folder, "--width", "5");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.ExitCode, Is.EqualTo(0), plot.Error);
            Assert.That(plot.Error, Does.Contain("note: 5 effects/ chart files not redrawn: the results record no effects/differences.csv"));
            Assert.That(Hashes("effects"), Is.EqualTo(before));
        }
    }

    [Test]
    public void Plot_help_says_it_redraws_effects_with_the_results_own_style()
    {
        var help = CliRun.Of("plot", "--help");

        Assert.That(help.Out, Does.Contain("effects/").And.Contain("defaults to what the results were drawn with"));
    }

    private Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(Path.Combine(_folder, folder)).ToDictionary(f => Path.GetFileName(f), FileHash.Sha256);
}

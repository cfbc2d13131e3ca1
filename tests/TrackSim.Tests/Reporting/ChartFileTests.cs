using System.Xml.Linq;
using SkiaSharp;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;

namespace TrackSim.Tests.Reporting;

/// <summary>The chart files of a results folder: valid, drawn, sized as asked, and redrawn identically by plot.</summary>
[TestFixture]
public sealed class ChartFileTests
{
    private static readonly string[] OnlyDejaVu = ["DejaVu Sans"];

    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private TempFolder _temp = null!;
    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void WriteResults()
    {
        _temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(_temp.Path);
        _folder = _temp.File("results");
        var provenance = RunProvenance.For(scenario, [], 2, "tracksim run tiny.yaml", Start);
        ResultsWriter.Write(_folder, TinyScenario.Run(), provenance, ChartStyle.Default, new FixedClock(Start));
    }

    [OneTimeTearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void Each_charted_metric_gets_a_chart_and_a_comparison_in_both_formats()
    {
        var files = Directory.GetFiles(Path.Combine(_folder, ChartWriter.FolderName)).Select(Path.GetFileName);
        string[] stems = ["tension", "public_trust", "track2_trust", "incidents", "dialogue_open"];

        // With the charts drawn from the runs: each public's trust distribution and the networks at the end.
        string[] runCharts = ["distribution-AA", "distribution-BB", "track2-network-2003-01-01", "citizen-ties-2003-01-01"];
        Assert.That(files, Is.EquivalentTo(stems
            .SelectMany(s => new[] { s, $"compare-{s}" })
            .Concat(runCharts)
            .SelectMany(s => new[] { $"{s}.png", $"{s}.svg" })));
    }

    [TestCase("tension")]
    [TestCase("compare-public_trust")]
    [TestCase("incidents")]
    public void Png_has_the_size_and_resolution_asked_and_drawn_content(string stem)
    {
        byte[] png = File.ReadAllBytes(Chart($"{stem}.png"));
        using var bitmap = SKBitmap.Decode(png);
        var pixels = bitmap.Pixels;
        int inked = pixels.Count(p => p.Red < 235 || p.Green < 235 || p.Blue < 235);
        int colours = pixels.Select(p => (uint)p).Distinct().Count();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));

            // 3.5 in at 300 dpi; a single panel is 2.4 in tall, one with a panel per state taller.
            Assert.That(bitmap.Width, Is.EqualTo(1050));
            Assert.That(bitmap.Height, stem.StartsWith("compare-", StringComparison.Ordinal) ? Is.GreaterThan(720) : Is.EqualTo(720));
            Assert.That(PngResolution.DpiOf(png), Is.EqualTo(300));

            // Lines, bands, text and markers: a blank or nearly blank image has few colours and little ink.
            Assert.That(colours, Is.GreaterThan(50));
            Assert.That(inked, Is.GreaterThan(pixels.Length / 50));

            // An opaque white ground, so the chart reads the same on any page or slide.
            Assert.That(pixels.Count(p => p.Alpha != 255), Is.Zero);
        }
    }

    [TestCase("tension")]
    [TestCase("compare-track2_trust")]
    public void Svg_is_well_formed_with_lines_and_text(string stem)
    {
        var svg = XDocument.Load(Chart($"{stem}.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));

            // 3.5 in at the 96 units per inch of SVG.
            Assert.That(svg.Root.Attribute("width")!.Value, Is.EqualTo("336"));
            Assert.That(svg.Descendants(ns + "path").Count(), Is.GreaterThan(10));
            Assert.That(texts, Has.Some.StartsWith(stem.Contains("track2", StringComparison.Ordinal) ? "Track II trust" : "Tension"));
            Assert.That(texts, Has.Member("2001"));
            Assert.That(svg.Descendants().Attributes("font-family").Select(a => a.Value).Distinct(), Is.EqualTo(OnlyDejaVu));
            Assert.That(svg.Descendants().Attributes("x").Select(a => a.Value), Has.None.EndsWith(","));
        }
    }

    [Test]
    public void Plot_redraws_the_very_same_charts_from_the_results_folder()
    {
        using var copy = new TempFolder();
        CopyFolder(_folder, copy.Path);

        ResultsWriter.Replot(copy.Path, restyle: null, "tracksim plot results", new FixedClock(Start.AddHours(1)));

        foreach (string chart in Directory.GetFiles(Path.Combine(_folder, ChartWriter.FolderName)))
        {
            string name = Path.GetFileName(chart);
            Assert.That(File.ReadAllBytes(Path.Combine(copy.Path, ChartWriter.FolderName, name)), Is.EqualTo(File.ReadAllBytes(chart)), name);
        }
    }

    [Test]
    public void Plot_with_another_style_replaces_the_charts_and_updates_the_manifest()
    {
        using var copy = new TempFolder();
        CopyFolder(_folder, copy.Path);

        var report = ResultsWriter.Replot(copy.Path, s => s with { WidthInches = 7, Dpi = 150, Formats = ["png"] }, "tracksim plot results --width 7", new FixedClock(Start.AddHours(1)));

        var manifest = ResultsWriter.TryReadManifest(copy.Path)!;
        using var bitmap = SKBitmap.Decode(File.ReadAllBytes(Path.Combine(copy.Path, ChartWriter.FolderName, "tension.png")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bitmap.Width, Is.EqualTo(1050));
            Assert.That(Directory.GetFiles(Path.Combine(copy.Path, ChartWriter.FolderName), "*.svg"), Is.Empty);
            // Five metrics and their comparisons, two distributions and two network charts, as PNG only.
            Assert.That(manifest.Files.Where(f => f.Path.StartsWith("charts/", StringComparison.Ordinal)), Has.Exactly(14).Items);
            Assert.That(manifest.Files.Select(f => f.Sha256 == FileHash.Sha256(Path.Combine(copy.Path, f.Path))), Is.All.True);
            Assert.That(manifest.ReplottedUtc, Is.EqualTo(Start.AddHours(1)));
            Assert.That(manifest.ReplotCommandLine, Is.EqualTo("tracksim plot results --width 7"));
            Assert.That(manifest.StartedUtc, Is.EqualTo(Start));
            Assert.That(report.Manifest.Files, Is.EqualTo(manifest.Files));
            Assert.That(ResultsJson.ReadChartInputs(File.ReadAllText(Path.Combine(copy.Path, ChartInputs.FileName))).Style.WidthInches, Is.EqualTo(7));
        }
    }

    [Test]
    public void Plot_refuses_a_folder_without_a_manifest()
    {
        using var empty = new TempFolder();

        Assert.That(
            () => ResultsWriter.Replot(empty.Path, null, "tracksim plot", TimeProvider.System),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("no manifest.json"));
    }

    private string Chart(string name) => Path.Combine(_folder, ChartWriter.FolderName, name);

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

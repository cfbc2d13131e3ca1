using System.Collections.Immutable;
using System.Xml.Linq;
using SkiaSharp;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Sweeps;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Reporting.Sweeps;

/// <summary>The charts of a sweep: each kind drawn, in the project's style, the same bytes every time.</summary>
[TestFixture]
public sealed class SweepChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Scenario Tiny = TinyScenario.Load();
    private TempFolder _temp = null!;
    private SweepPlan _plan = null!;
    private IReadOnlyList<RunsRow> _rows = [];
    private IReadOnlyList<SensitivityRow> _sensitivity = [];
    private IReadOnlyList<string> _files = [];

    [OneTimeSetUp]
    public void RunSweep()
    {
        _temp = new TempFolder();
        _plan = new SweepPlan(
            [new ParameterRange("parameters.posture.fear", 0.1, 0.5, 3), new ParameterRange("events[crisis].severity", 0.2, 0.9, 2)],
            SweepDesign.Grid,
            0,
            2,
            7,
            [SweepOutcome.Parse("tension", Tiny)]);
        string folder = _temp.File("sweep");
        SweepRunner.Run(folder, _plan, SweepShard.All, At, threads: 2, resume: false);
        _rows = RunsCsv.Read(Path.Combine(folder, RunsCsv.FileName), _plan.Header);
        _sensitivity = Sensitivity.Compute(_plan, _rows);
        _files = SweepCharts.Write(folder, _plan, _rows, _sensitivity, ChartStyle.Default);
    }

    [OneTimeTearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void A_grid_sweep_gets_a_chart_per_parameter_a_heatmap_and_ranked_bars_in_both_formats()
    {
        string[] stems =
        [
            "tension_AA-BB_whole--parameters.posture.fear",
            "tension_AA-BB_whole--events_crisis_.severity",
            "heatmap-tension_AA-BB_whole",
            "sensitivity-tension_AA-BB_whole",
        ];

        Assert.That(_files, Is.EquivalentTo(stems.SelectMany(s => new[] { $"charts/{s}.png", $"charts/{s}.svg" })));
    }

    [Test]
    public void Sweep_charts_are_the_same_bytes_drawn_twice()
    {
        string again = _temp.File("again");
        SweepCharts.Write(again, _plan, _rows, _sensitivity, ChartStyle.Default);

        foreach (string file in _files)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(again, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_temp.File("sweep"), file))), file);
        }
    }

    [TestCase("tension_AA-BB_whole--parameters.posture.fear", "posture.fear (1/year)", "Mean tension (0–1)")]
    [TestCase("heatmap-tension_AA-BB_whole", "posture.fear (1/year)", "events[crisis].severity (0–1)")]
    [TestCase("sensitivity-tension_AA-BB_whole", "posture.fear", "Pearson r (95% interval)")]
    public void Sweep_charts_have_a_title_and_labelled_axes_in_the_embedded_font(string stem, string first, string second)
    {
        var svg = XDocument.Load(_temp.File($"sweep/charts/{stem}.svg"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        using var png = SKBitmap.Decode(File.ReadAllBytes(_temp.File($"sweep/charts/{stem}.png")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(texts, Has.Some.Contains("ension"), "title");
            Assert.That(texts, Has.Member("Grid of 3 × 2 points, 2 runs each"));
            Assert.That(texts, Has.Member(first));
            Assert.That(texts, Has.Member(second));

            // Numbers as a paper prints them: no group separators, a real minus sign.
            Assert.That(texts, Has.None.Match(@"^[0-9]+,[0-9]{3}$"));
            Assert.That(texts, Has.None.Match(@"^-[0-9]"));
            Assert.That(svg.Descendants().Attributes("font-family").Select(a => a.Value).Distinct(), Is.EqualTo((string[])["DejaVu Sans"]));
            Assert.That((png.Width, png.Height), Is.EqualTo((1050, 720)));
            Assert.That(png.Pixels.Count(p => p.Alpha != 255), Is.Zero);
        }
    }

    [Test]
    public void A_grid_draws_the_mean_and_band_at_each_value()
    {
        var texts = XDocument.Load(_temp.File("sweep/charts/tension_AA-BB_whole--parameters.posture.fear.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        // Each value of posture.fear gathers 2 severities x 2 replicates = 4 runs.
        Assert.That(texts, Has.Member("mean").And.Member("5–95% of runs").And.Member("one run"));
    }

    [Test]
    public void A_latin_hypercube_draws_runs_alone_as_its_points_share_no_values()
    {
        var plan = _plan with { Design = SweepDesign.Lhs, Samples = 6, Replicates = 3 };
        string folder = _temp.File("lhs");
        SweepRunner.Run(folder, plan, SweepShard.All, At, threads: 2, resume: false);
        var rows = RunsCsv.Read(Path.Combine(folder, RunsCsv.FileName), plan.Header);
        SweepCharts.Write(folder, plan, rows, Sensitivity.Compute(plan, rows), ChartStyle.Default with { Formats = ["svg"] });

        var texts = XDocument.Load(Path.Combine(folder, "charts/tension_AA-BB_whole--parameters.posture.fear.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        // Three replicates at each of six values would pass the count, but the six points differ in severity too.
        Assert.That(texts, Has.Member("one run (18 runs)").And.No.Member("mean"));
    }

    [Test]
    public void The_heatmap_has_a_labelled_colour_bar()
    {
        var texts = XDocument.Load(_temp.File("sweep/charts/heatmap-tension_AA-BB_whole.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        // The bar is labelled with what its colours measure, in the metric's unit, beside the title and axis labels.
        Assert.That(texts, Has.Member("Mean tension (0–1)"));
        Assert.That(texts, Has.Some.StartsWith("Mean tension by").Or.Some.StartsWith("Tension (AA-BB, whole run)"));
    }

    [TestCase("parameters.posture.fear", new[] { "posture.fear (1/year)", "posture.fear" })]
    [TestCase("parameters.influence.convergence", new[] { "influence.convergence" })]
    [TestCase("events[crisis].severity", new[] { "events[crisis].severity (0–1)", "events[crisis].severity" })]
    [TestCase("citizens.per_state", new[] { "citizens.per_state" })]
    public void Parameters_are_named_with_their_catalog_unit(string path, string[] labels) =>
        Assert.That(SweepLabels.ParameterAxis(path), Is.EqualTo(labels));

    [TestCase("whole", "whole run")]
    [TestCase("last:5", "last 5 years")]
    [TestCase("from:2008-12", "from 2008-12")]
    public void Windows_are_named_in_words(string window, string words) =>
        Assert.That(SweepLabels.Window(window), Is.EqualTo(words));

    private static Scenario At(ImmutableArray<double> values)
    {
        var plan = new[] { "parameters.posture.fear", "events[crisis].severity" };
        var overrides = plan.Select((path, i) => new Override(path, SweepPlan.Format(values[i]))).ToList();
        return ScenarioLoader.LoadText(TinyScenario.Yaml, "tiny.yaml", overrides).Scenario!;
    }
}

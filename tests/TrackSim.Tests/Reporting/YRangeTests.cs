using System.Collections.Immutable;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Results;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Reporting;

/// <summary>
/// <c>outputs.y_range</c>: a scenario sets the y axis of a metric's charts; the setting is checked
/// with positioned messages, kept in chart-inputs.json for plot, and honoured by the charts.
/// </summary>
[TestFixture]
public sealed class YRangeTests
{
    private const string Outputs = "outputs: { charts: [tension, public_trust, track2_trust, incidents, dialogue_open] }";

    private EnsembleResult _ensemble = null!;
    private SummaryTable _summary = null!;
    private ChartInputs _inputs = null!;

    [OneTimeSetUp]
    public void Run()
    {
        _ensemble = TinyScenario.Run();
        _summary = SummaryTable.FromEnsemble(_ensemble);
        _inputs = ChartInputs.FromEnsemble(_ensemble, ChartStyle.Default);
    }

    [Test]
    public void A_range_per_charted_metric_is_read()
    {
        var result = Load("outputs: { charts: [tension, public_trust], y_range: { public_trust: [0.2, 0.6], tension: [-1, 2.5] } }");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Outputs.YRanges, Is.EqualTo(new Dictionary<string, (double, double)> { ["public_trust"] = (0.2, 0.6), ["tension"] = (-1, 2.5) }));
    }

    [TestCase("y_range: { public_trst: [0.2, 0.6] }", "outputs.y_range.public_trst", "no metric 'public_trst'; did you mean 'public_trust'? ")]
    [TestCase("y_range: { readiness: [0.2, 0.6] }", "outputs.y_range.readiness", "'readiness' is not charted; the charted metrics are tension, public_trust")]
    [TestCase("y_range: { public_trust: [0.6, 0.2] }", "outputs.y_range.public_trust", "the low end 0.6 must be below the high end 0.2")]
    [TestCase("y_range: { public_trust: [0.5, 0.5] }", "outputs.y_range.public_trust", "the low end 0.5 must be below the high end 0.5")]
    [TestCase("y_range: { public_trust: [0.5] }", "outputs.y_range.public_trust", "")]
    public void A_wrong_range_gets_a_positioned_message(string setting, string path, string message)
    {
        var result = Load($"outputs:\n  charts: [tension, public_trust]\n  {setting}\n");

        var error = result.Errors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Scenario, Is.Null);
            Assert.That(error.Path, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain(message));

            // On the line of the setting, within it.
            Assert.That(error.Line, Is.EqualTo(TinyScenario.Yaml.Split('\n').ToList().FindIndex(l => l.Contains(Outputs, StringComparison.Ordinal)) + 3));
            Assert.That(error.Column, Is.GreaterThan(2));
        }
    }

    [Test]
    public void The_charts_of_a_metric_with_a_range_are_drawn_on_it_and_the_others_are_not()
    {
        var inputs = _inputs with { YRanges = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("public_trust", (0.2, 0.6))]) };
        var charts = ChartPlanner.Plan(_summary, inputs).Charts;
        ChartRenderer Render(string stem, ChartInputs with) => new(charts.Single(c => c.FileStem == stem), with, ChartStyle.Default, ChartStyle.DefaultFont);

        using (Assert.EnterMultipleScope())
        {
            // 0.2 to 0.6 with the usual 2.5% of air beyond the outer ticks, on the run's chart and the comparison.
            Assert.That(Render("public_trust", inputs).PanelYRanges, Is.All.EqualTo((0.19, 0.61)).Using<(double, double)>(Close));
            Assert.That(Render("compare-public_trust", inputs).PanelYRanges, Is.All.EqualTo((0.19, 0.61)).Using<(double, double)>(Close));

            // Without the setting, public trust has the whole 0-1 scale; tension keeps it with the setting.
            Assert.That(Render("public_trust", _inputs).PanelYRanges, Is.All.EqualTo((-0.025, 1.025)).Using<(double, double)>(Close));
            Assert.That(Render("tension", inputs).PanelYRanges, Is.All.EqualTo((-0.025, 1.025)).Using<(double, double)>(Close));
        }
    }

    [Test]
    public void The_ranges_are_kept_in_chart_inputs_for_plot()
    {
        var inputs = ChartInputs.FromEnsemble(_ensemble, ChartStyle.Default) with
        {
            YRanges = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("public_trust", (0.2, 0.6)), KeyValuePair.Create("incidents", (0.0, 12.5))]),
        };

        var read = ResultsJson.ReadChartInputs(ResultsJson.Write(inputs));

        Assert.That(read.YRanges, Is.EqualTo(inputs.YRanges));

        // A file written before the setting existed reads as no ranges.
        string older = ResultsJson.Write(_inputs).Replace("\"y_range\": {},", string.Empty, StringComparison.Ordinal).Replace("\"y_range\":{},", string.Empty, StringComparison.Ordinal);
        Assert.That(older, Does.Not.Contain("y_range"));
        Assert.That(ResultsJson.ReadChartInputs(older).YRanges, Is.Empty);
    }

    private static bool Close((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 1e-9 && Math.Abs(a.Item2 - b.Item2) < 1e-9;

    private static LoadResult Load(string outputs) =>
        ScenarioLoader.LoadText(TinyScenario.Yaml.Replace(Outputs, outputs, StringComparison.Ordinal), "tiny.yaml");
}

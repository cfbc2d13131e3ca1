using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Effects;

namespace TrackSim.Tests.Reporting;

/// <summary>
/// What makes a chart usable in a paper: an event key, labels tied to their lines and never
/// dropped unsaid, one 0-1 scale, a band swatch unlike an event span, yearly counts, readable
/// comparisons and differences, aligned data areas, and PDF output.
/// </summary>
[TestFixture]
public sealed class ChartReadabilityTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private EnsembleResult _ensemble = null!;
    private SummaryTable _summary = null!;
    private ChartInputs _inputs = null!;
    private IReadOnlyList<ChartDefinition> _charts = null!;

    [OneTimeSetUp]
    public void Run()
    {
        _ensemble = TinyScenario.Run();
        _summary = SummaryTable.FromEnsemble(_ensemble);
        _inputs = ChartInputs.FromEnsemble(_ensemble, ChartStyle.Default);
        _charts = ChartPlanner.Plan(_summary, _inputs).Charts;
    }

    [TestCase("public_trust")]
    [TestCase("compare-public_trust")]
    [TestCase("tension")]
    [TestCase("track2_trust")]
    public void Every_0_1_metric_is_drawn_on_0_1_whatever_its_data(string stem)
    {
        // Public trust in the tiny scenario stays well below 0.6; its axis still spans 0 to 1,
        // like tension and Track II trust, so charts of one scale read alike.
        var renderer = Render(Chart(stem));

        // 2.5% of air beyond the outer ticks, so a line at 0 or 1 is not hidden by the frame.
        Assert.That(renderer.PanelYRanges, Is.All.EqualTo((-0.025, 1.025)));
    }

    [Test]
    public void The_event_key_lists_exactly_the_marks_drawn()
    {
        // The tiny scenario has a crisis (a hostile one-day event) and a summit lasting months.
        var tension = Render(Chart("tension"));
        var withCooperative = Render(Chart("tension"), _inputs with
        {
            Events = _inputs.Events.Add(new ChartEvent("talks", "Talks", new DateOnly(2000, 5, 1), null, "summit", "cooperative", 0.3)),
        });
        var texts = SvgTexts(tension.Svg());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tension.EventKey.Select(e => e.Text), Is.EqualTo((string[])["hostile event", "event lasting months"]));
            Assert.That(tension.EventKey.Select(e => e.Symbol), Is.EqualTo((LegendSymbol[])[LegendSymbol.EventLine, LegendSymbol.Span]));
            Assert.That(withCooperative.EventKey.Select(e => e.Text), Is.EqualTo((string[])["hostile event", "cooperative event", "event lasting months"]));
            Assert.That(texts, Has.Member("hostile event").And.Member("event lasting months"));
            Assert.That(texts, Has.None.EqualTo("other event"));
        }
    }

    [Test]
    public void The_band_swatch_of_a_comparison_is_not_the_swatch_of_an_event_span()
    {
        var renderer = Render(Chart("compare-tension"));
        var legend = renderer.EventKey;

        // The comparison's band key carries its line; the span's key is a plain box in the span's fill.
        var texts = SvgTexts(renderer.Svg());
        Assert.That(texts, Has.Some.StartsWith("medians; shading"));
        Assert.That(legend.Single(e => e.Symbol == LegendSymbol.Span).Color, Is.Not.EqualTo(ScottPlot.Color.FromHex("#404040")));
    }

    [Test]
    public void Every_requested_label_is_drawn_or_named_in_a_warning()
    {
        // Twelve events a month apart with long labels cannot all be labelled on a 3.5 inch chart.
        var events = Enumerable.Range(0, 12)
            .Select(i => new ChartEvent($"e{i}", $"A rather long event label {i}", new DateOnly(2001, 1 + i, 1), null, "crisis", "hostile", 0.5))
            .ToImmutableArray();
        var inputs = _inputs with { Events = events, LabelEvents = [.. events.Select(e => e.Id)] };

        var renderer = Render(Chart("tension"), inputs);

        string warnings = string.Join("\n", renderer.Warnings);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(renderer.Warnings, Has.Count.EqualTo(1));
            Assert.That(renderer.LabelledEvents, Is.Not.Empty);
            foreach (var e in events)
            {
                Assert.That(renderer.LabelledEvents.Contains(e.Id) || warnings.Contains($"{e.Id} ({e.Label})", StringComparison.Ordinal), Is.True, e.Id);
                Assert.That(renderer.LabelledEvents.Contains(e.Id) && warnings.Contains($"{e.Id} (", StringComparison.Ordinal), Is.False, $"{e.Id} is drawn and warned");
            }
        }
    }

    [Test]
    public void Incidents_are_a_rolling_12_month_sum_of_the_monthly_mean_and_say_so()
    {
        var chart = Chart("incidents");
        var line = chart.Panels[0].Lines[0].Series;
        var monthly = _summary.Find("base", "incidents", line.Subject)!;
        var texts = SvgTexts(Render(chart).Svg());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chart.RollingYear, Is.True);
            Assert.That(chart.ShowsBand, Is.False);
            Assert.That(line.Mean.Take(12), Is.All.NaN);

            // Steps 1 to 12 are the first whole year (step 0 is the initial state).
            Assert.That(line.Mean[12], Is.EqualTo(monthly.Mean.Skip(1).Take(12).Sum()).Within(1e-9));
            Assert.That(line.Mean[^1], Is.EqualTo(monthly.Mean.TakeLast(12).Sum()).Within(1e-9));
            Assert.That(texts, Has.Some.StartsWith("Incidents"));
            Assert.That(texts, Has.Member("Mean of 3 runs, sum of the past 12 months"));
        }
    }

    [Test]
    public void A_comparison_is_small_multiples_named_by_the_variants_descriptions()
    {
        var chart = Chart("compare-public_trust");
        var texts = SvgTexts(Render(chart).Svg());

        using (Assert.EnterMultipleScope())
        {
            // A panel per variant and state, each holding the base and that variant alone.
            Assert.That(chart.Panels.Select(p => p.Header), Is.EqualTo((string[])["Atlantis: The crisis had not happened", "Borduria: The crisis had not happened"]));
            Assert.That(chart.Panels.Select(p => p.Lines.Count), Is.All.EqualTo(2));
            Assert.That(texts, Has.Member("The crisis had not happened").And.Member("base (as written)"));
            Assert.That(texts, Has.None.EqualTo("no-crisis"));
        }
    }

    [TestCase("What if there had been no Track II dialogue at all?", "There had been no Track II dialogue at all")]
    [TestCase("What if every Track II initiative had stopped meeting from Mumbai to Thimphu?", "Every Track II initiative had stopped…")]
    [TestCase("The same history read through the realist lens.", "The same history read through the realist…")]
    [TestCase(null, "v")]
    public void A_variant_is_named_by_its_description_shortened(string? description, string label)
    {
        var inputs = _inputs with { Variants = [new ChartVariant("v", description)] };

        Assert.That(inputs.LabelOf("v"), Is.EqualTo(label));
        Assert.That(inputs.LabelOf("v").Length, Is.LessThanOrEqualTo(ChartInputs.MaxVariantLabel));
    }

    [Test]
    public void Each_variant_of_a_difference_chart_has_its_own_scale()
    {
        // One variant moves tension by about 0.5, another by about 0.01: on a shared axis the second is flat.
        var dates = _summary.Find("base", "tension", "AA-BB")!.Dates;
        SummarySeries Series(string variant, double level) =>
            new(variant, "tension", "AA-BB", dates, [.. dates.Select(_ => level)], [.. dates.Select(_ => 0.0)], [.. dates.Select(_ => level * 0.8)], [.. dates.Select(_ => level)], [.. dates.Select(_ => level * 1.2)]);
        var table = new SummaryTable(3, [Series("big", 0.5), Series("small", 0.01)]);

        var chart = ChartPlanner.Difference(MetricCatalog.Find("tension")!, ["big", "small"], ["AA-BB"], table, _inputs)!;
        var ranges = Render(chart).PanelYRanges;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chart.Panels, Has.Count.EqualTo(2));
            Assert.That(ranges[0].Max, Is.GreaterThanOrEqualTo(0.6));

            // The small effect fills its own panel: its axis ends within a few hundredths of its band.
            Assert.That(ranges[1].Max, Is.InRange(0.012, 0.05));
            Assert.That(ranges[1].Min, Is.LessThanOrEqualTo(0));
        }
    }

    [Test]
    public void The_data_area_starts_at_the_same_x_on_every_chart_of_a_results_folder()
    {
        var differences = DifferenceTable.Of(
            EffectsTable.Runs(_ensemble, "base"),
            [("no-crisis", EffectsTable.Runs(_ensemble, "no-crisis"))],
            [.. _inputs.Charts]);
        var all = _charts.Concat(_inputs.Charts.Select(m => ChartPlanner.Difference(MetricCatalog.Find(m)!, ["no-crisis"], [.. differences.SubjectsOf(m)], differences, _inputs)!)).ToList();

        var lefts = all.Select(c => Render(c).DataLeft).Distinct().ToList();

        // Counts (incidents), shares, 0-1 metrics and signed differences alike.
        Assert.That(all, Has.Count.EqualTo(15));
        Assert.That(lefts, Has.Count.EqualTo(1), string.Join(", ", lefts));
    }

    [Test]
    public void A_pdf_is_a_pdf_with_its_font_embedded_and_the_same_bytes_each_time()
    {
        var renderer = Render(Chart("tension"));

        byte[] pdf = renderer.Pdf();
        string text = Encoding.Latin1.GetString(pdf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("%PDF-"));
            Assert.That(text, Does.Contain("/FontFile2"));
            Assert.That(text, Does.Contain("DejaVuSans"));

            // The page is the chart's size in points (3.5 x 2.4 in).
            Assert.That(text, Does.Contain("/MediaBox [0 0 252 172.8"));
            Assert.That(Render(Chart("tension")).Pdf(), Is.EqualTo(pdf));
        }
    }

    private ChartDefinition Chart(string stem) => _charts.Single(c => c.FileStem == stem);

    private ChartRenderer Render(ChartDefinition chart, ChartInputs? inputs = null) =>
        new(chart, inputs ?? _inputs, ChartStyle.Default, ChartStyle.DefaultFont);

    private static List<string> SvgTexts(byte[] svg)
    {
        using var stream = new MemoryStream(svg);
        return [.. XDocument.Load(stream).Descendants(Svg + "text").Select(t => t.Value.Trim())];
    }
}

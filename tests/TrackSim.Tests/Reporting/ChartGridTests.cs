using System.Xml.Linq;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting;

/// <summary>
/// Small multiples are laid out in a grid: aligned plot areas, time axis labels only under the
/// lowest panel of each column, y tick labels on the first column unless each panel has its own
/// scale, and a figure far shorter than the same panels in one column.
/// </summary>
[TestFixture]
public sealed partial class ChartGridTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private ChartInputs _inputs = null!;
    private ChartDefinition _comparison = null!;

    [OneTimeSetUp]
    public void Run()
    {
        var ensemble = TinyScenario.Run();
        var summary = SummaryTable.FromEnsemble(ensemble);
        _inputs = ChartInputs.FromEnsemble(ensemble, ChartStyle.Default);
        _comparison = ChartPlanner.Plan(summary, _inputs).Charts.Single(c => c.FileStem == "compare-public_trust");
    }

    [TestCase(3)]
    [TestCase(5)]
    public void A_few_panels_stay_in_one_column_of_a_narrow_figure(int panels)
    {
        // At 3.5 in, two columns of four or five panels would cut their headers and event labels.
        var boxes = Render(Panels(panels)).PanelBoxes;

        Assert.That(boxes.Select(b => b.Left).Distinct().Count(), Is.EqualTo(1));
        Assert.That(boxes.Select(b => b.Top), Is.Ordered.Ascending);
    }

    [Test]
    public void Four_panels_of_a_wide_figure_go_into_two_columns()
    {
        var boxes = new ChartRenderer(Panels(4), _inputs, ChartStyle.Default with { WidthInches = 7, HeightInches = 3 }, ChartStyle.DefaultFont).PanelBoxes;

        Assert.That(boxes.Select(b => Math.Round(b.Left, 6)).Distinct().Count(), Is.EqualTo(2));
        Assert.That(boxes.Select(b => Math.Round(b.Top, 6)).Distinct().Count(), Is.EqualTo(2));
    }

    [TestCase(6, 2)]
    [TestCase(9, 2)]
    [TestCase(20, 2)]
    public void Many_panels_go_into_aligned_columns(int panels, int columns)
    {
        var renderer = Render(Panels(panels));
        var boxes = renderer.PanelBoxes;
        int rows = (panels + columns - 1) / columns;

        using (Assert.EnterMultipleScope())
        {
            // At 3.5 in wide, two columns: a third would leave each time axis too narrow.
            Assert.That(boxes.Select(b => Math.Round(b.Left, 6)).Distinct().Count(), Is.EqualTo(columns));
            for (int p = 0; p < panels; p++)
            {
                // Same column, same left and right; same row, same top and bottom; every panel the same size.
                Assert.That(boxes[p].Left, Is.EqualTo(boxes[p % columns].Left).Within(1e-9));
                Assert.That(boxes[p].Top, Is.EqualTo(boxes[(p / columns) * columns].Top).Within(1e-9));
                Assert.That(boxes[p].Width, Is.EqualTo(boxes[0].Width).Within(1e-9));
                Assert.That(boxes[p].Height, Is.EqualTo(boxes[0].Height).Within(1e-9));
            }

            // The columns do not touch: the second starts past the first's right edge.
            Assert.That(boxes[1].Left, Is.GreaterThan(boxes[0].Right + 10));

            // Rows, not panels, add to the height: far shorter than one column of the panels would be
            // (three stacked panels and a row's height for each further one).
            double rowPitch = rows > 1 ? boxes[columns].Top - boxes[0].Top : 0;
            double oneColumn = Render(Panels(3)).Height + ((panels - 3) * rowPitch);
            Assert.That(renderer.Height, Is.LessThan(Render(Panels(3)).Height + ((rows - 2) * rowPitch)));
            Assert.That(renderer.Height, Is.LessThan(oneColumn * (panels >= 9 ? 0.75 : 1)));
        }
    }

    [Test]
    public void Time_labels_are_under_each_columns_lowest_panel_and_y_labels_on_the_first_column()
    {
        // Seven panels in two columns: the second column ends one row above the first.
        var renderer = Render(Panels(7));
        var texts = Texts(renderer.Svg());

        // The tiny scenario's three years are labelled by month ("Jan 2001"): each label once per column.
        var dates = texts.Where(t => DateLabel().IsMatch(t)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dates, Is.Not.Empty);
            Assert.That(dates.GroupBy(t => t).Select(g => g.Count()), Is.All.EqualTo(2));

            // One shared 0-1 scale: its labels on the four rows of the first column only.
            Assert.That(texts.Count(t => t == "0.5"), Is.EqualTo(4));
        }
    }

    [Test]
    public void Panels_with_their_own_scales_each_keep_their_tick_labels()
    {
        var renderer = Render(Panels(7) with { OwnScales = true });

        Assert.That(Texts(renderer.Svg()).Count(t => t == "0.5"), Is.EqualTo(7));
    }

    [Test]
    public void A_long_subject_and_variant_header_takes_two_lines_and_keeps_both()
    {
        string subject = "Gaitanist Self-Defence Forces of Colombia (Clan Úsuga)–Colombia";
        string variant = "No victims";
        var chart = Panels(6);
        chart = chart with { Panels = [.. chart.Panels.Select(p => p with { Header = $"{subject}: {variant}" })] };

        var texts = Texts(Render(chart).Svg());

        Assert.That(texts.Count(t => t == variant), Is.EqualTo(6));
        Assert.That(texts.Count(t => t.StartsWith("Gaitanist", StringComparison.Ordinal)), Is.EqualTo(6));
    }

    // The comparison's panels repeated to make a chart of n small multiples.
    private ChartDefinition Panels(int n) =>
        _comparison with { Panels = [.. Enumerable.Range(0, n).Select(i => _comparison.Panels[i % _comparison.Panels.Count] with { Header = $"Panel {i}" })] };

    private ChartRenderer Render(ChartDefinition chart) => new(chart, _inputs, ChartStyle.Default, ChartStyle.DefaultFont);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z][a-z]{2} \d{4}$|^\d{4}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DateLabel();

    private static List<string> Texts(byte[] svg)
    {
        using var stream = new MemoryStream(svg);
        return [.. XDocument.Load(stream).Descendants(Svg + "text").Select(t => t.Value.Trim())];
    }
}

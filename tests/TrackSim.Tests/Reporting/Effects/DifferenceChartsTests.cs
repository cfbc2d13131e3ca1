using System.Xml.Linq;
using SkiaSharp;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Effects;

namespace TrackSim.Tests.Reporting.Effects;

public sealed class DifferenceChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void A_difference_chart_is_drawn_per_metric_in_each_format()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });

        var (files, _) = DifferenceCharts.Write(temp.Path, ensemble, ["tension", "not-a-metric"], ChartStyle.Default);

        // The statistics the charts draw come first, so that plot can draw them again.
        Assert.That(files, Is.EqualTo((string[])[DifferenceCharts.DataFileName, "difference-tension.png", "difference-tension.svg"]));
        byte[] png = File.ReadAllBytes(temp.File("difference-tension.png"));

        // A PNG's width and height are big-endian at bytes 16-23: 3.5 x 2.4 inches at 300 dpi.
        Assert.That((png[16..20].Aggregate(0, (a, b) => (a << 8) | b), png[20..24].Aggregate(0, (a, b) => (a << 8) | b)), Is.EqualTo((1050, 720)));
    }

    [Test]
    public void No_difference_chart_without_variants()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 2, Threads = 2, Variants = ["base"] });

        Assert.That(DifferenceCharts.Write(temp.Path, ensemble, ["tension"], ChartStyle.Default).Files, Is.Empty);
    }

    [Test]
    public void A_count_per_month_is_differenced_as_a_12_month_sum_of_the_mean_like_the_run_charts()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });

        DifferenceCharts.Write(temp.Path, ensemble, ["incidents"], ChartStyle.Default);

        var texts = XDocument.Load(temp.File("difference-incidents.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(texts, Has.Member("mean of paired differences over 3 pairs, sum of the past 12 months"));
            Assert.That(texts, Has.Some.StartsWith("Variant − base"), "the y label, as long as the height allows");
            Assert.That(texts, Has.None.Contains("shading"), "a sum of monthly quantiles is not a quantile of the sums, so no band");
        }
    }

    [Test]
    public void A_difference_chart_has_a_panel_per_subject_with_the_pairs_in_its_legend()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });

        DifferenceCharts.Write(temp.Path, ensemble, ["public_trust"], ChartStyle.Default);

        var texts = XDocument.Load(temp.File("difference-public_trust.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        using var png = SKBitmap.Decode(File.ReadAllBytes(temp.File("difference-public_trust.png")));
        using (Assert.EnterMultipleScope())
        {
            // public_trust is recorded per state: a panel per state and variant, headed by both, so the chart grows taller.
            Assert.That(texts, Has.Member("Atlantis: The crisis had not happened").And.Member("Borduria: The crisis had not happened"));
            Assert.That(png.Height, Is.GreaterThan(720));
            Assert.That(texts, Has.Member("Public trust, variant − base"));

            // The legend names the variant by its description, not its slug.
            Assert.That(texts, Has.Member("The crisis had not happened"));
            Assert.That(texts, Has.None.EqualTo("no-crisis"));
            Assert.That(texts, Has.Member("median of paired differences; shading: 5–95% of 3 pairs"));
            Assert.That(texts, Has.Some.StartsWith("Variant − base"));
            Assert.That(texts, Has.None.EqualTo("base"));
        }
    }

    [Test]
    public void The_planner_gives_each_subject_a_panel_and_each_variant_its_comparison_colour()
    {
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });
        var differences = Differences(ensemble, "public_trust");
        var inputs = ChartInputs.FromEnsemble(ensemble, ChartStyle.Default);

        var chart = ChartPlanner.Difference(MetricCatalog.Find("public_trust")!, ["no-crisis"], ["AA", "BB"], differences, inputs)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chart.FileStem, Is.EqualTo("difference-public_trust"));
            Assert.That(chart.IsDifference, Is.True);
            Assert.That(chart.Panels.Select(p => p.Header), Is.EqualTo((string[])["Atlantis: The crisis had not happened", "Borduria: The crisis had not happened"]));
            Assert.That(chart.Panels.SelectMany(p => p.Lines).Select(l => l.Label).Distinct(), Is.EqualTo((string[])["The crisis had not happened"]));
            Assert.That(chart.OwnScales, Is.True);

            // The first variant is line 1 of the compare- chart (after the black base): the first palette colour, the second pattern.
            Assert.That(chart.Panels[0].Lines[0].Color, Is.EqualTo(ChartPalette.ColorAt(0)));
            Assert.That(chart.Panels[0].Lines[0].Pattern, Is.EqualTo(ChartPalette.PatternAt(1)));
        }
    }

    [Test]
    public void Differences_are_taken_pair_by_pair()
    {
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 4, Threads = 2 });
        var baseRuns = EffectsTable.Runs(ensemble, Scenario.BaseVariant);
        var variantRuns = EffectsTable.Runs(ensemble, "no-crisis");

        var series = Differences(ensemble, "tension").Find("no-crisis", "tension", "AA-BB")!;

        // At the last point: the mean and median of variant run i minus base run i.
        int t = series.Dates.Length - 1;
        double[] d = [.. Enumerable.Range(0, 4).Select(i => variantRuns[i].Get("tension", "AA-BB").Values[t] - baseRuns[i].Get("tension", "AA-BB").Values[t]).Order()];
        using (Assert.EnterMultipleScope())
        {
            // Sums of four numbers in another order may differ in the last bits.
            Assert.That(series.Mean[t], Is.EqualTo(d.Average()).Within(1e-12));
            Assert.That(series.P50[t], Is.EqualTo((d[1] + d[2]) / 2).Within(1e-12));
            Assert.That(series.P05[t], Is.LessThanOrEqualTo(series.P50[t]));
            Assert.That(series.Dates, Is.EqualTo(baseRuns[0].Dates));
        }
    }

    [Test]
    public void Difference_charts_are_the_same_bytes_drawn_twice_and_on_any_thread_count()
    {
        using var temp = new TempFolder();
        string[] metrics = ["tension", "public_trust", "dialogue_open", "incidents"];
        var one = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 1 });
        var two = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });

        var (files, _) = DifferenceCharts.Write(temp.File("a"), one, metrics, ChartStyle.Default);
        DifferenceCharts.Write(temp.File("b"), one, metrics, ChartStyle.Default);
        DifferenceCharts.Write(temp.File("c"), two, metrics, ChartStyle.Default);

        Assert.That(files, Has.Count.EqualTo(9));
        foreach (string file in files)
        {
            byte[] first = File.ReadAllBytes(Path.Combine(temp.File("a"), file));
            Assert.That(File.ReadAllBytes(Path.Combine(temp.File("b"), file)), Is.EqualTo(first), file);
            Assert.That(File.ReadAllBytes(Path.Combine(temp.File("c"), file)), Is.EqualTo(first), file);
        }
    }

    [TestCase("public_trust", false, "Variant − base (public trust, 0–1)")]
    [TestCase("track2_trust", false, "Variant − base (Track II trust, 0–1)")]
    [TestCase("incidents", false, "Variant − base (incidents per month)")]
    [TestCase("dialogue_open", true, "Variant − base (share of runs)")]
    public void The_y_axis_names_the_difference_and_its_unit(string metric, bool share, string label) =>
        Assert.That(ChartRenderer.DifferenceYLabel(MetricCatalog.Find(metric)!, share, StepUnit.Month), Is.EqualTo(label));

    private static SummaryTable Differences(EnsembleResult ensemble, string metric) =>
        DifferenceTable.Of(
            EffectsTable.Runs(ensemble, Scenario.BaseVariant),
            [("no-crisis", EffectsTable.Runs(ensemble, "no-crisis"))],
            [metric]);
}

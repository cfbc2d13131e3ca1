using TrackSim.Core.Engine;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Effects;

namespace TrackSim.Tests.Reporting.Effects;

public sealed class DifferenceChartsTests
{
    [Test]
    public void A_difference_chart_is_drawn_per_metric_in_each_format()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 3, Threads = 2 });

        var files = DifferenceCharts.Write(temp.Path, ensemble, ["tension", "not-a-metric"], ChartStyle.Default);

        Assert.That(files, Is.EqualTo((string[])["difference-tension.png", "difference-tension.svg"]));
        byte[] png = File.ReadAllBytes(temp.File("difference-tension.png"));

        // A PNG's width and height are big-endian at bytes 16-23: 3.5 x 2.4 inches at 300 dpi.
        Assert.That((png[16..20].Aggregate(0, (a, b) => (a << 8) | b), png[20..24].Aggregate(0, (a, b) => (a << 8) | b)), Is.EqualTo((1050, 720)));
    }

    [Test]
    public void No_difference_chart_without_variants()
    {
        using var temp = new TempFolder();
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 2, Threads = 2, Variants = ["base"] });

        Assert.That(DifferenceCharts.Write(temp.Path, ensemble, ["tension"], ChartStyle.Default), Is.Empty);
    }
}

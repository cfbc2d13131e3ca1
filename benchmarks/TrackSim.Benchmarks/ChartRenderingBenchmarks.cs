using BenchmarkDotNet.Attributes;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;

namespace TrackSim.Benchmarks;

/// <summary>
/// Benchmark 3 of the performance issue, charts: drawing the tension chart of the
/// India-Pakistan scenario as <c>tracksim run</c> draws it, from the statistics of a real
/// ensemble (every variant, 20 replicates, 456 monthly steps, 46 events to place and label).
/// <see cref="TensionPng"/> and <see cref="TensionSvg"/> are the single-variant chart in the
/// default style (3.5 by 2.4 inches, 300 dpi); <see cref="CompareTensionPng"/> is the comparison
/// chart with one line and band per variant; <see cref="Summary"/> computes the statistics every
/// chart is drawn from (mean, SD and three quantiles of every series at every step), which
/// <c>run</c> does once before drawing its charts.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet runs a generated class derived from this one.</remarks>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class ChartRenderingBenchmarks
{
    private const string Metric = "tension";

    private EnsembleResult? _ensemble;
    private ChartInputs? _inputs;
    private ChartDefinition? _single;
    private ChartDefinition? _comparison;
    private string _family = ChartStyle.DefaultFont;

    /// <summary>Runs the ensemble the charts are drawn from and plans its charts, outside the timing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // 2,000 citizens per state keeps the setup short; the charts do not depend on the population size.
        var scenario = IndiaPakistan.Load(perState: 2_000);
        _ensemble = Ensemble.Run(scenario, new EnsembleOptions { Threads = Environment.ProcessorCount, Replicates = 20 });
        var summary = SummaryTable.FromEnsemble(_ensemble);
        _inputs = ChartInputs.FromEnsemble(_ensemble, ChartStyle.Default);
        (_family, _) = ChartFonts.Resolve(ChartStyle.Default.Font);
        var (charts, _) = ChartPlanner.Plan(summary, _inputs);
        _single = charts.Single(c => c.FileStem == Metric);
        _comparison = charts.Single(c => c.FileStem == "compare-" + Metric);
    }

    /// <summary>The tension chart of the base scenario as PNG: layout, drawing and encoding.</summary>
    [Benchmark(Baseline = true)]
    public byte[] TensionPng() => new ChartRenderer(_single!, _inputs!, ChartStyle.Default, _family).Png();

    /// <summary>The same chart as SVG.</summary>
    [Benchmark]
    public byte[] TensionSvg() => new ChartRenderer(_single!, _inputs!, ChartStyle.Default, _family).Svg();

    /// <summary>The tension chart comparing all six variants, as PNG.</summary>
    [Benchmark]
    public byte[] CompareTensionPng() => new ChartRenderer(_comparison!, _inputs!, ChartStyle.Default, _family).Png();

    /// <summary>The statistics over replicates of every series of the ensemble, which all charts share.</summary>
    [Benchmark]
    public SummaryTable Summary() => SummaryTable.FromEnsemble(_ensemble!);
}

using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Metrics;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Effects;

/// <summary>
/// <c>difference-&lt;metric&gt;</c> charts: each variant minus the base, replicate by replicate, over
/// time: the median of the paired differences and their 5-95% band, one line per variant, for the
/// metric's first subject.
/// </summary>
public static class DifferenceCharts
{
    /// <summary>
    /// Folder for the charts in the results folder. They need every run, which only <c>run</c> holds,
    /// so they live apart from <c>charts/</c>, which <c>tracksim plot</c> redraws from summary.csv.
    /// </summary>
    public const string FolderName = "effects";

    /// <summary>Draws a chart per metric in <paramref name="metrics"/> into <paramref name="folder"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string folder, EnsembleResult ensemble, IEnumerable<string> metrics, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(style);
        var files = new List<string>();
        if (!ensemble.Variants.Contains(Scenario.BaseVariant) || ensemble.Variants.Length < 2)
        {
            return files;
        }

        var baseRuns = EffectsTable.Runs(ensemble, Scenario.BaseVariant);
        foreach (string name in metrics.Distinct(StringComparer.Ordinal))
        {
            if (MetricCatalog.Find(name) is not { } metric
                || baseRuns[0].Series.FirstOrDefault(s => s.Key.Metric == name) is not { } first)
            {
                continue;
            }

            string subject = first.Key.Subject;
            double[] xs = [.. baseRuns[0].Dates.Select(PlotFile.Year)];
            var plot = PlotFile.Create(style);
            int colour = 0;
            foreach (string variant in ensemble.Variants.Where(v => v != Scenario.BaseVariant))
            {
                var runs = EffectsTable.Runs(ensemble, variant);
                if (runs[0].Series.All(s => s.Key != first.Key))
                {
                    continue;
                }

                var (low, mid, high) = Bands(baseRuns.Select(r => r.Get(name, subject).Values).ToArray(), runs.Select(r => r.Get(name, subject).Values).ToArray());
                var color = ChartPalette.ColorAt(colour++);
                var band = plot.Add.FillY(xs, low, high);
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
                var line = plot.Add.ScatterLine(xs, mid);
                line.Color = color;
                line.LineWidth = 1.5f;
                line.LegendText = variant;
            }

            var zero = plot.Add.HorizontalLine(0);
            zero.Color = ScottPlot.Colors.Black;
            zero.LineWidth = 0.8f;
            plot.Title($"{metric.Title}: {subject}, variant minus base");
            plot.YLabel("Variant − base (median, 5–95%)");
            PlotFile.PlainTicks(plot.Axes.Bottom);
            plot.XLabel("Year");
            plot.ShowLegend(ScottPlot.Edge.Bottom);
            files.AddRange(PlotFile.Save(plot, folder, $"difference-{name}", style, cancellationToken));
        }

        return files;
    }

    // Per recorded step: the 5th, 50th and 95th percentiles of variant minus base over paired replicates.
    private static (double[] Low, double[] Mid, double[] High) Bands(
        System.Collections.Immutable.ImmutableArray<double>[] baseline, System.Collections.Immutable.ImmutableArray<double>[] variant)
    {
        int steps = baseline[0].Length;
        var low = new double[steps];
        var mid = new double[steps];
        var high = new double[steps];
        var d = new double[baseline.Length];
        for (int t = 0; t < steps; t++)
        {
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = variant[i][t] - baseline[i][t];
            }

            Array.Sort(d);
            low[t] = Data.Quantiles.Type7(d, 0.05);
            mid[t] = Data.Quantiles.Type7(d, 0.50);
            high[t] = Data.Quantiles.Type7(d, 0.95);
        }

        return (low, mid, high);
    }
}

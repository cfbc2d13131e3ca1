using System.Globalization;
using ScottPlot;
using SkiaSharp;
using TrackSim.Core.Metrics;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Networks;

namespace TrackSim.Reporting.Distributions;

/// <summary>
/// The distribution charts, <c>charts/distribution-SUBJECT</c>: for each public, a heatmap of
/// the share of its citizens in each trust bin (y) at each recorded point (x), averaged over the
/// replicates of the base variant, with the median public trust of those runs drawn over it.
/// </summary>
public static class DistributionCharts
{
    /// <summary>The file name stem of the chart of <paramref name="subject"/> (<c>distribution-IN</c>, <c>distribution-US-to-CN</c>).</summary>
    public static string StemOf(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return "distribution-" + subject.Replace(">", "-to-", StringComparison.Ordinal);
    }

    /// <summary>
    /// Draws the chart of every public whose distribution was recorded into <paramref name="folder"/>
    /// (created if needed) and returns the file names written; none when nothing was recorded.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, EnsembleResult ensemble, SummaryTable summary, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        string variant = NetworkFiles.VariantOf(ensemble.Variants);
        var runs = ensemble.RunsOf(variant).Where(r => !r.Distributions.IsDefaultOrEmpty).Select(r => (IReadOnlyList<DistributionSnapshot>)r.Distributions).ToList();
        return Write(folder, variant, runs, summary, style, cancellationToken);
    }

    /// <summary>
    /// Draws the chart of every public in <paramref name="runs"/> (the distributions of each run of
    /// <paramref name="variant"/>, as a run records them or <see cref="DistributionsCsv.Read"/> reads them back)
    /// into <paramref name="folder"/> (created if needed) and returns the file names written.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, string variant, IReadOnlyList<IReadOnlyList<DistributionSnapshot>> runs, SummaryTable summary, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(style);
        if (runs.Count == 0 || runs[0].Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        string family = ChartFonts.Resolve(style.Font).Family;
        var files = new List<string>();
        foreach (string subject in runs[0].Select(d => d.Subject).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chart = Chart(variant, subject, runs, summary.Find(variant, MetricCatalog.PublicTrust.Name, subject), style);
            files.AddRange(ChartWriter.Write(folder, StemOf(subject), chart, style, family, cancellationToken));
        }

        return files;
    }

    /// <summary>A date as a fractional year, the x of the heatmap.</summary>
    internal static double YearOf(DateOnly date) =>
        date.Year + ((date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365));

    private static XyChart Chart(string variant, string subject, IReadOnlyList<IReadOnlyList<DistributionSnapshot>> runs, SummarySeries? median, ChartStyle style)
    {
        // Every run of a variant records the same points and bins.
        var first = runs[0].Where(d => d.Subject == subject).ToList();
        int points = first.Count;
        int bins = first[0].Counts.Length;
        var share = new double[points, bins];
        var clusters = new List<int>();
        foreach (var run in runs)
        {
            var own = run.Where(d => d.Subject == subject).ToList();
            for (int p = 0; p < points; p++)
            {
                for (int b = 0; b < bins; b++)
                {
                    share[p, b] += own[p].Share(b) / runs.Count;
                }
            }

            clusters.Add(own[^1].Clusters);
        }

        double[] x = [.. first.Select(d => YearOf(d.Date))];
        double[] edges = CellEdges(x);
        double high = Math.Max(share.Cast<double>().Max(), 1e-9);
        var bar = new XyColorBar(new ScottPlot.Colormaps.Viridis(), 0, high, ["Share of the public (mean of runs)", "Share of the public", "Share"]);
        var sizes = new ChartSizes(style.FontSize);
        var lineColor = ChartPalette.ColorAt(1);
        double[] lineX = median is null ? [] : [.. median.Dates.Select(YearOf)];
        double[] lineY = median is null ? [] : [.. median.P50];
        clusters.Sort();
        int middle = clusters[(clusters.Count - 1) / 2];
        string runsText = runs.Count == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"mean of {runs.Count} runs");
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"{variant}, {runsText}; opinion clusters at the end: {middle} (median of runs)");
        List<ChartLegendEntry> legend = median is null ? [] : [new ChartLegendEntry("median public trust", lineColor, LinePattern.Solid, LegendSymbol.Line)];
        return new XyChart(
            $"Distribution of public trust: {subject}",
            $"Trust distribution: {subject}",
            subtitle,
            ["Year"],
            ["Citizens' trust", "Trust"],
            new XyAxis(edges[0], edges[^1], edges[0], edges[^1], null, Tight: true, Whole: true),
            new XyAxis(0, 1, 0, 1, null, Tight: true),
            legend,
            bar,
            Overlay: (canvas, scale) =>
            {
                DrawCells(canvas, scale, share, edges, bar);
                DrawLine(canvas, scale, lineX, lineY, lineColor.ToSKColor(), sizes);
            },
            HorizontalGrid: false);
    }

    // Each point's cells reach halfway to its neighbours (and as far beyond the first and last).
    private static double[] CellEdges(double[] x)
    {
        if (x.Length == 1)
        {
            return [x[0] - 0.5, x[0] + 0.5];
        }

        var edges = new double[x.Length + 1];
        for (int i = 1; i < x.Length; i++)
        {
            edges[i] = (x[i - 1] + x[i]) / 2;
        }

        edges[0] = x[0] - ((x[1] - x[0]) / 2);
        edges[^1] = x[^1] + ((x[^1] - x[^2]) / 2);
        return edges;
    }

    // Cells edge to edge, without anti-aliasing so no hairline seams show between them.
    private static void DrawCells(SKCanvas canvas, XyScale scale, double[,] share, double[] edges, XyColorBar bar)
    {
        int points = share.GetLength(0);
        int bins = share.GetLength(1);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        for (int p = 0; p < points; p++)
        {
            for (int b = 0; b < bins; b++)
            {
                fill.Color = bar.ColorOf(share[p, b]).ToSKColor();
                canvas.DrawRect(new SKRect((float)scale.X(edges[p]), (float)scale.Y((b + 1) / (double)bins), (float)scale.X(edges[p + 1]), (float)scale.Y(b / (double)bins)), fill);
            }
        }
    }

    // A white halo under the line keeps it readable over dark and light cells alike.
    private static void DrawLine(SKCanvas canvas, XyScale scale, double[] x, double[] y, SKColor color, ChartSizes sizes)
    {
        if (x.Length < 2)
        {
            return;
        }

        using var path = new SKPath();
        path.MoveTo((float)scale.X(x[0]), (float)scale.Y(y[0]));
        for (int i = 1; i < x.Length; i++)
        {
            path.LineTo((float)scale.X(x[i]), (float)scale.Y(y[i]));
        }

        using var halo = new SKPaint { Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = (float)(sizes.LineWidth * 2.6), IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        using var line = new SKPaint { Style = SKPaintStyle.Stroke, Color = color, StrokeWidth = (float)sizes.LineWidth, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        canvas.DrawPath(path, halo);
        canvas.DrawPath(path, line);
    }
}

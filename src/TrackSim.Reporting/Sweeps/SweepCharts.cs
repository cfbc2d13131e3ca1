using System.Globalization;
using System.Text;
using ScottPlot;
using SkiaSharp;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Sweeps;

/// <summary>
/// Charts of a finished sweep, in <c>charts/</c>, drawn in the run charts' style (font, sizes,
/// Okabe-Ito colours, thin frame): each outcome against each parameter (every run as a dot;
/// where a parameter takes at most 20 values, their mean and 5-95% band), a heatmap of the point
/// means for a two-parameter grid with a colour bar, and the sensitivity indices ranked as bars
/// with their 95% intervals.
/// </summary>
public static class SweepCharts
{
    /// <summary>Folder of the charts in the sweep folder.</summary>
    public const string FolderName = "charts";

    /// <summary>Most distinct values of a parameter for which a mean line and band are drawn.</summary>
    public const int MaxLevelsForBand = 20;

    /// <summary>Fewest runs at every value of a parameter for which a mean line and band are drawn.</summary>
    public const int MinRunsForBand = 3;

    /// <summary>Draws every chart; returns the file names, relative to the sweep folder.</summary>
    public static IReadOnlyList<string> Write(string sweepFolder, SweepPlan plan, IReadOnlyList<RunsRow> rows, IReadOnlyList<SensitivityRow> sensitivity, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweepFolder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(style);
        string folder = Path.Combine(sweepFolder, FolderName);
        Directory.CreateDirectory(folder);
        var (family, _) = ChartFonts.Resolve(style.Font);
        var design = plan.CreateDesign();
        string subtitle = Describe(plan, design);
        int k = plan.Outcomes.Length;
        double[][] outcomes = [.. rows.Select(r => RunsCsv.Outcomes(r, k))];
        var files = new List<string>();
        void Save(string stem, XyChart chart) => files.AddRange(ChartWriter.Write(folder, stem, chart, style, family, cancellationToken));

        for (int o = 0; o < k; o++)
        {
            var outcome = plan.Outcomes[o];
            double[] y = [.. outcomes.Select(v => v[o])];
            for (int p = 0; p < plan.Ranges.Length; p++)
            {
                double[] x = [.. rows.Select(r => design.Points[r.Point][p])];
                bool pooled = plan.Ranges.Length == 1 || design.Points.Select(point => point[p]).Distinct().Count() < design.Points.Length;
                Save($"{Slug(outcome.Name)}--{Slug(plan.Ranges[p].Path)}", Scatter(plan.Ranges[p].Path, outcome, x, y, pooled, subtitle, style));
            }

            if (design is GridDesign grid && plan.Ranges.Length == 2)
            {
                Save($"heatmap-{Slug(outcome.Name)}", Heatmap(plan, grid, rows, y, outcome, subtitle, style));
            }

            if (Ranked(outcome, sensitivity.Where(s => s.Outcome == outcome.Name).ToList(), subtitle, style) is { } ranked)
            {
                Save($"sensitivity-{Slug(outcome.Name)}", ranked);
            }
        }

        return [.. files.Select(f => $"{FolderName}/{f}")];
    }

    private static string Describe(SweepPlan plan, ExperimentDesign design)
    {
        int points = design.Points.Length;
        string runs = plan.Replicates == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"{plan.Replicates} runs");
        string kind = plan.Design switch
        {
            SweepDesign.Grid when design is GridDesign grid => $"Grid of {string.Join(" × ", grid.Levels.Select(l => l.Length.ToString(CultureInfo.InvariantCulture)))} points",
            SweepDesign.Lhs => string.Create(CultureInfo.InvariantCulture, $"Latin hypercube of {points} points"),
            SweepDesign.Morris => string.Create(CultureInfo.InvariantCulture, $"Morris design, {plan.Samples} trajectories, {points} points"),
            SweepDesign.Sobol => string.Create(CultureInfo.InvariantCulture, $"Sobol' (Saltelli) design of {points} points"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{points} points"),
        };
        return $"{kind}, {runs} each";
    }

    /// <summary>
    /// Every run as a dot against one parameter; with the mean and 5–95% band of the runs at each
    /// of its values when those summarise something: at most <see cref="MaxLevelsForBand"/>
    /// values, each with at least <see cref="MinRunsForBand"/> runs, and <paramref name="pooled"/>,
    /// that is the parameter is the only one varied or its values are shared by several points
    /// (a grid, a Morris design), so a value's runs span the other parameters. In a Latin
    /// hypercube or Sobol' design every point has values of its own, and a line through them
    /// would join the replicates of unrelated points.
    /// </summary>
    private static XyChart Scatter(string parameter, SweepOutcome outcome, double[] x, double[] y, bool pooled, string subtitle, ChartStyle style)
    {
        var sizes = new ChartSizes(style.FontSize);
        var color = ChartPalette.ColorAt(0);
        var levels = x.Distinct().Order().ToArray();
        bool band = pooled
            && levels.Length <= MaxLevelsForBand
            && levels.All(level => x.Count(value => value == level) >= MinRunsForBand);
        double[] mean = [];
        double[] low = [];
        double[] high = [];
        if (band)
        {
            var groups = levels.Select(l => y.Where((_, i) => x[i] == l).Order().ToArray()).ToArray();
            mean = [.. groups.Select(g => g.Average())];
            low = [.. groups.Select(g => Quantiles.Type7(g, 0.05))];
            high = [.. groups.Select(g => Quantiles.Type7(g, 0.95))];
        }

        var metric = SweepLabels.Metric(outcome);
        var (floor, ceiling) = ChartRenderer.Bounds(metric);
        string name = SweepLabels.Parameter(parameter);
        var legend = new List<ChartLegendEntry> { new(band ? "one run" : string.Create(CultureInfo.InvariantCulture, $"one run ({y.Length} runs)"), color.WithAlpha(0.5), LinePattern.Solid, LegendSymbol.Dot) };
        if (band)
        {
            legend.Add(new ChartLegendEntry("mean", color, LinePattern.Solid, LegendSymbol.Line));
            legend.Add(new ChartLegendEntry("5–95% of runs", color, LinePattern.Solid, LegendSymbol.Band));
        }

        return new XyChart(
            $"{SweepLabels.Outcome(outcome)} against {name}",
            $"{metric.Title} against {name}",
            subtitle,
            SweepLabels.ParameterAxis(parameter),
            SweepLabels.OutcomeAxis(outcome),
            XyAxis.Over(x, tight: true),
            XyAxis.Over(y.Concat(low).Concat(high), floor, ceiling),
            legend,
            Data: plot =>
            {
                if (band)
                {
                    var fill = plot.Add.FillY(levels, low, high);
                    fill.FillColor = color.WithAlpha(ChartPalette.BandAlpha(1));
                    fill.LineWidth = 0;
                }

                var dots = plot.Add.ScatterPoints(x, y, color.WithAlpha(0.4));
                dots.MarkerSize = (float)(2.6 * sizes.Weight);
                if (band)
                {
                    var line = plot.Add.ScatterLine(levels, mean, color);
                    line.LineWidth = (float)sizes.LineWidth;
                    line.MarkerSize = 0;
                }
            });
    }

    private static XyChart Heatmap(SweepPlan plan, GridDesign design, IReadOnlyList<RunsRow> rows, double[] y, SweepOutcome outcome, string subtitle, ChartStyle style)
    {
        int nx = design.Levels[0].Length;
        int ny = design.Levels[1].Length;
        var sums = new double[nx, ny];
        var counts = new int[nx, ny];
        for (int r = 0; r < rows.Count; r++)
        {
            // Grid points run with the last parameter fastest: point = ix * ny + iy.
            int ix = rows[r].Point / ny;
            int iy = rows[r].Point % ny;
            sums[ix, iy] += y[r];
            counts[ix, iy]++;
        }

        var means = new double[nx, ny];
        for (int i = 0; i < nx; i++)
        {
            for (int j = 0; j < ny; j++)
            {
                means[i, j] = counts[i, j] == 0 ? double.NaN : sums[i, j] / counts[i, j];
            }
        }

        var finite = means.Cast<double>().Where(double.IsFinite).ToList();
        double low = finite.Count == 0 ? 0 : finite.Min();
        double high = finite.Count == 0 ? 1 : finite.Max();
        if (high - low < 1e-12)
        {
            // One colour for every cell: a bar around it still reads.
            double pad = Math.Max(Math.Abs(high) * 0.05, 0.01);
            (low, high) = (low - pad, high + pad);
        }

        var bar = new XyColorBar(new ScottPlot.Colormaps.Viridis(), low, high, SweepLabels.OutcomeAxis(outcome));
        var sizes = new ChartSizes(style.FontSize);
        string x = SweepLabels.Parameter(plan.Ranges[0].Path);
        string yName = SweepLabels.Parameter(plan.Ranges[1].Path);
        var family = ChartFonts.Resolve(style.Font).Family;
        return new XyChart(
            $"{SweepLabels.Outcome(outcome)}: mean by {x} and {yName}",
            $"Mean {SweepLabels.MetricInSentence(outcome)} by {x} and {yName}",
            subtitle,
            SweepLabels.ParameterAxis(plan.Ranges[0].Path),
            SweepLabels.ParameterAxis(plan.Ranges[1].Path),
            XyAxis.Of([.. design.Levels[0].Select(SweepLabels.Number)]),
            XyAxis.Of([.. design.Levels[1].Select(SweepLabels.Number)]),
            [],
            bar,
            Overlay: (canvas, scale) => DrawCells(canvas, scale, means, bar, sizes, new ChartText(family)),
            HorizontalGrid: false);
    }

    // Cells edge to edge, without anti-aliasing so no hairline seams show between them; each cell's
    // value is written in it when every value fits its cell.
    private static void DrawCells(SKCanvas canvas, XyScale scale, double[,] means, XyColorBar bar, ChartSizes sizes, ChartText text)
    {
        int nx = means.GetLength(0);
        int ny = means.GetLength(1);
        double size = sizes.Tick;
        var values = means.Cast<double>().Where(double.IsFinite).ToList();
        double largest = values.Count == 0 ? 1 : Math.Max(values.Max(Math.Abs), 1e-12);
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(largest)), 0, 3);
        double cellWidth = scale.Data.Width / nx;
        double cellHeight = scale.Data.Height / ny;
        bool label = values.Count > 0
            && cellHeight >= ChartText.LineHeight(size) * 1.2
            && values.All(v => text.Width(ValueTicks.Label(v, decimals), size) <= cellWidth * 0.85);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        for (int i = 0; i < nx; i++)
        {
            for (int j = 0; j < ny; j++)
            {
                double v = means[i, j];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var color = bar.ColorOf(v);
                fill.Color = color.ToSKColor();
                canvas.DrawRect(new SKRect((float)scale.X(i - 0.5), (float)scale.Y(j + 0.5), (float)scale.X(i + 0.5), (float)scale.Y(j - 0.5)), fill);
                if (label)
                {
                    // Light text on dark cells, dark on light, by the cell's luminance.
                    double luminance = ((0.2126 * color.R) + (0.7152 * color.G) + (0.0722 * color.B)) / 255;
                    var ink = luminance < 0.5 ? SKColors.White : ChartPalette.Ink;
                    text.Draw(canvas, ValueTicks.Label(v, decimals), scale.X(i), scale.Y(j) + (size * 0.36), size, ink, SKTextAlign.Center);
                }
            }
        }
    }

    private static XyChart? Ranked(SweepOutcome outcome, List<SensitivityRow> rows, string subtitle, ChartStyle style)
    {
        // The index that ranks: r for grid and LHS, mu* for Morris, ST for Sobol'.
        string index = rows.Any(r => r.Index == "ST") ? "ST" : rows.Any(r => r.Index == "mu_star") ? "mu_star" : "pearson_r";
        var ranked = rows.Where(r => r.Index == index && double.IsFinite(r.Value)).OrderByDescending(r => Math.Abs(r.Value)).ThenBy(r => r.Parameter, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        // Largest at the top: category 0 is at the bottom of the axis.
        ranked.Reverse();
        var sizes = new ChartSizes(style.FontSize);
        var color = ChartPalette.ColorAt(0);
        bool intervals = ranked.Any(r => r.Low is not null && r.High is not null);
        var extent = ranked.SelectMany(r => new[] { r.Value, r.Low ?? r.Value, r.High ?? r.Value }).Append(0).ToList();

        // r on its whole scale, so charts compare; the others from zero unless an estimate falls below it.
        var axis = index == "pearson_r" ? XyAxis.Over(extent, -1, 1) : XyAxis.Over(extent, Math.Min(0, extent.Min()));
        string[] label = index switch
        {
            "pearson_r" => ["Pearson correlation r with its 95% interval", "Pearson r (95% interval)", "Pearson r"],
            "mu_star" => ["Morris μ*, mean absolute elementary effect (95% interval)", "Morris μ* (95% interval)", "Morris μ*"],
            _ => ["Sobol' total-order index ST (95% interval)", "Sobol' ST (95% interval)", "Sobol' ST"],
        };
        return new XyChart(
            $"Sensitivity of {SweepLabels.Outcome(outcome, inSentence: true)}",
            $"Sensitivity of {SweepLabels.MetricInSentence(outcome)}",
            subtitle,
            label,
            [],
            axis,
            XyAxis.Of([.. ranked.Select(r => SweepLabels.Parameter(r.Parameter))]),
            intervals ? [new ChartLegendEntry("bars: estimate; whiskers: 95% interval", color, LinePattern.Solid, LegendSymbol.None)] : [],
            Overlay: (canvas, scale) => DrawBars(canvas, scale, ranked, color.ToSKColor(), sizes),
            HorizontalGrid: false,
            VerticalGrid: true);
    }

    private static void DrawBars(SKCanvas canvas, XyScale scale, List<SensitivityRow> ranked, SKColor color, ChartSizes sizes)
    {
        // Bars fill 64% of their row; whisker caps are half a bar high.
        const double half = 0.32;
        using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var whisker = new SKPaint { Color = ChartPalette.Ink, StrokeWidth = (float)(0.8 * sizes.Weight), Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var zero = new SKPaint { Color = ChartPalette.Ink, StrokeWidth = (float)sizes.FrameWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
        double cap = scale.Y(0) - scale.Y(half);
        for (int i = 0; i < ranked.Count; i++)
        {
            var row = ranked[i];
            double a = scale.X(0);
            double b = scale.X(row.Value);
            canvas.DrawRect(new SKRect((float)Math.Min(a, b), (float)scale.Y(i + half), (float)Math.Max(a, b), (float)scale.Y(i - half)), fill);
            if (row.Low is { } lo && row.High is { } hi)
            {
                float y = (float)scale.Y(i);
                canvas.DrawLine((float)scale.X(lo), y, (float)scale.X(hi), y, whisker);
                foreach (double end in new[] { lo, hi })
                {
                    canvas.DrawLine((float)scale.X(end), (float)(y - (cap / 2)), (float)scale.X(end), (float)(y + (cap / 2)), whisker);
                }
            }
        }

        canvas.DrawLine((float)scale.X(0), (float)scale.Data.Top, (float)scale.X(0), (float)scale.Data.Bottom, zero);
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return slug.ToString();
    }
}

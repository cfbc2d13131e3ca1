using System.Globalization;
using System.Text;
using ScottPlot;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Effects;

namespace TrackSim.Reporting.Sweeps;

/// <summary>
/// Charts of a finished sweep, in <c>charts/</c>: each outcome against each parameter (every run as a
/// dot; where a parameter takes at most 20 values, their mean and 5-95% band), a heatmap of the
/// point means for a two-parameter grid, and the sensitivity indices ranked as bars.
/// </summary>
public static class SweepCharts
{
    /// <summary>Folder of the charts in the sweep folder.</summary>
    public const string FolderName = "charts";

    /// <summary>Most distinct values of a parameter for which a mean line and band are drawn.</summary>
    public const int MaxLevelsForBand = 20;

    /// <summary>Draws every chart; returns the file names, relative to the sweep folder.</summary>
    public static IReadOnlyList<string> Write(string sweepFolder, SweepPlan plan, IReadOnlyList<RunsRow> rows, IReadOnlyList<SensitivityRow> sensitivity, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweepFolder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(style);
        string folder = Path.Combine(sweepFolder, FolderName);
        var design = plan.CreateDesign();
        int k = plan.Outcomes.Length;
        double[][] outcomes = [.. rows.Select(r => RunsCsv.Outcomes(r, k))];
        var files = new List<string>();
        for (int o = 0; o < k; o++)
        {
            string outcome = plan.Outcomes[o].Name;
            for (int p = 0; p < plan.Ranges.Length; p++)
            {
                double[] x = [.. rows.Select(r => design.Points[r.Point][p])];
                double[] y = [.. outcomes.Select(v => v[o])];
                files.AddRange(Scatter(folder, plan.Ranges[p].Path, outcome, x, y, style, cancellationToken));
            }

            if (plan.Design == SweepDesign.Grid && plan.Ranges.Length == 2)
            {
                files.AddRange(Heatmap(folder, plan, (GridDesignOf(design), rows, outcomes, o), style, cancellationToken));
            }

            files.AddRange(Ranked(folder, outcome, sensitivity.Where(s => s.Outcome == outcome).ToList(), style, cancellationToken));
        }

        return [.. files.Select(f => $"{FolderName}/{f}")];
    }

    private static Core.Analysis.GridDesign GridDesignOf(Core.Analysis.ExperimentDesign design) => (Core.Analysis.GridDesign)design;

    private static List<string> Scatter(string folder, string parameter, string outcome, double[] x, double[] y, ChartStyle style, CancellationToken token)
    {
        var plot = PlotFile.Create(style);
        var dots = plot.Add.ScatterPoints(x, y);
        dots.Color = ChartPalette.ColorAt(0).WithAlpha(0.35);
        dots.MarkerSize = 3;
        var levels = x.Distinct().Order().ToArray();
        if (levels.Length <= MaxLevelsForBand)
        {
            var groups = levels.Select(l => y.Where((_, i) => x[i] == l).Order().ToArray()).ToArray();
            double[] mean = [.. groups.Select(g => g.Average())];
            double[] low = [.. groups.Select(g => Data.Quantiles.Type7(g, 0.05))];
            double[] high = [.. groups.Select(g => Data.Quantiles.Type7(g, 0.95))];
            var band = plot.Add.FillY(levels, low, high);
            band.FillColor = ChartPalette.ColorAt(0).WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(levels, mean);
            line.Color = ChartPalette.ColorAt(0);
            line.LineWidth = 1.5f;
        }

        plot.Title($"{outcome} against {parameter}");
        plot.XLabel(parameter);
        plot.YLabel(outcome);
        PlotFile.PlainTicks(plot.Axes.Bottom);
        return PlotFile.Save(plot, folder, $"{Slug(outcome)}--{Slug(parameter)}", style, token);
    }

    private static List<string> Heatmap(string folder, SweepPlan plan, (Core.Analysis.GridDesign Design, IReadOnlyList<RunsRow> Rows, double[][] Outcomes, int Outcome) data, ChartStyle style, CancellationToken token)
    {
        var (design, rows, outcomes, o) = data;
        int nx = design.Levels[0].Length;
        int ny = design.Levels[1].Length;
        var sums = new double[ny, nx];
        var counts = new int[ny, nx];
        for (int r = 0; r < rows.Count; r++)
        {
            // Grid points run with the last parameter fastest: point = ix * ny + iy.
            int ix = rows[r].Point / ny;
            int iy = rows[r].Point % ny;
            sums[ny - 1 - iy, ix] += outcomes[r][o];
            counts[ny - 1 - iy, ix]++;
        }

        for (int i = 0; i < ny; i++)
        {
            for (int j = 0; j < nx; j++)
            {
                sums[i, j] = counts[i, j] == 0 ? double.NaN : sums[i, j] / counts[i, j];
            }
        }

        string outcome = plan.Outcomes[o].Name;
        var plot = PlotFile.Create(style);
        var map = plot.Add.Heatmap(sums);
        plot.Add.ColorBar(map);

        // Ticks at the cell centres, wherever the heatmap puts its cells.
        var limits = map.GetAxisLimits();
        double cellWidth = (limits.Right - limits.Left) / nx;
        double cellHeight = (limits.Top - limits.Bottom) / ny;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, nx).Select(i => limits.Left + ((i + 0.5) * cellWidth))], [.. design.Levels[0].Select(Label)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, ny).Select(i => limits.Bottom + ((i + 0.5) * cellHeight))], [.. design.Levels[1].Select(Label)]);
        plot.Axes.SetLimits(limits);
        plot.Title($"Mean {outcome}");
        plot.XLabel(plan.Ranges[0].Path);
        plot.YLabel(plan.Ranges[1].Path);
        return PlotFile.Save(plot, folder, $"heatmap-{Slug(outcome)}", style, token);
    }

    private static List<string> Ranked(string folder, string outcome, List<SensitivityRow> rows, ChartStyle style, CancellationToken token)
    {
        // The index that ranks: |r| for grid and LHS, mu* for Morris, ST for Sobol'.
        string index = rows.Any(r => r.Index == "ST") ? "ST" : rows.Any(r => r.Index == "mu_star") ? "mu_star" : "pearson_r";
        var ranked = rows.Where(r => r.Index == index && double.IsFinite(r.Value)).OrderByDescending(r => Math.Abs(r.Value)).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        var plot = PlotFile.Create(style);
        for (int i = 0; i < ranked.Count; i++)
        {
            plot.Add.Bar(new Bar
            {
                Position = ranked.Count - 1 - i,
                Value = Math.Abs(ranked[i].Value),
                FillColor = ChartPalette.ColorAt(0),
                Orientation = Orientation.Horizontal,
            });
            if (ranked[i].Low is { } low && ranked[i].High is { } high && index != "pearson_r")
            {
                var interval = plot.Add.Line(low, ranked.Count - 1 - i, high, ranked.Count - 1 - i);
                interval.Color = Colors.Black;
                interval.LineWidth = 1.5f;
            }
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, ranked.Count).Select(i => (double)(ranked.Count - 1 - i))], [.. ranked.Select(r => r.Parameter)]);
        plot.Axes.Margins(left: 0);
        plot.Title($"Sensitivity of {outcome}");
        plot.XLabel(index == "pearson_r" ? "|Pearson r|" : index == "mu_star" ? "Morris mu* (95% interval)" : "Sobol' total-order ST (95% interval)");
        return PlotFile.Save(plot, folder, $"sensitivity-{Slug(outcome)}", style, token);
    }

    private static string Label(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

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

using ScottPlot;
using SkiaSharp;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// One parameter's posterior marginal as a panel draws it: the weighted histogram as a density on
/// the prior's range, the central 5–95% of it shaded darker, the weighted median as a line up to
/// the histogram, and the uniform prior's density as a dashed box, so that a posterior no narrower
/// than its prior shows as a histogram along the dashed line.
/// </summary>
internal sealed class MarginalPanel
{
    /// <summary>The fewest and the most bins the histogram has over the posterior's own spread.</summary>
    private const int MinBins = 6;

    private const int MaxBins = 40;

    /// <summary>The most bins across the prior's range (reached when the posterior is far narrower than its prior).</summary>
    private const int MaxPriorBins = 400;

    private readonly PosteriorParameter _parameter;

    /// <summary>Computes the histogram and the marked statistics; the input must have passed <see cref="PosteriorInput.Check(IReadOnlyList{PosteriorParameter}?, IReadOnlyList{double}?)"/>.</summary>
    public MarginalPanel(PosteriorParameter parameter, IReadOnlyList<double> weights)
    {
        _parameter = parameter;
        Summary = WeightedStatistics.Summarise(parameter, weights);
        (Edges, Density) = Histogram(parameter, weights);
        YMax = Math.Max(Density.Max(), parameter.PriorDensity) * 1.08;
    }

    /// <summary>Posterior fill and outline colour.</summary>
    public static Color Posterior => ChartPalette.ColorAt(0);

    /// <summary>Opacity of the histogram's fill outside the 5–95% interval.</summary>
    public const double LightAlpha = 0.22;

    /// <summary>Opacity of the histogram's fill inside the 5–95% interval.</summary>
    public const double DarkAlpha = 0.55;

    /// <summary>Colour of the median line.</summary>
    public static Color MedianColor => ChartPalette.ColorAt(1);

    /// <summary>The weighted median and 5–95% interval.</summary>
    public MarkedInterval Summary { get; }

    /// <summary>The bin edges, from the prior's low bound to its high bound.</summary>
    public double[] Edges { get; }

    /// <summary>The weighted density of each bin: its weight over its width.</summary>
    public double[] Density { get; }

    /// <summary>The top of the panel's y axis: the histogram's or the prior's height and a little air.</summary>
    public double YMax { get; }

    /// <summary>The x axis limits: the prior's range and 2% of it either side, so the prior's edges clear the frame.</summary>
    public (double Min, double Max) XLimits
    {
        get
        {
            double margin = (_parameter.PriorHigh - _parameter.PriorLow) * 0.02;
            return (_parameter.PriorLow - margin, _parameter.PriorHigh + margin);
        }
    }

    /// <summary>
    /// The weighted histogram as a density. The bins divide the prior's range evenly; there are
    /// about 2 ESS^(1/3) of them (Rice's rule with the effective sample size for the count) across
    /// the spread of the particles of positive weight, so a posterior much narrower than its prior
    /// still gets a shape, up to <see cref="MaxPriorBins"/> across the prior.
    /// </summary>
    public static (double[] Edges, double[] Density) Histogram(PosteriorParameter parameter, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(weights);
        double low = parameter.PriorLow;
        double high = parameter.PriorHigh;
        var kept = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0).Select(i => parameter.Values[i]).ToArray();
        double spread = kept.Max() - kept.Min();
        int bins = Math.Clamp((int)Math.Ceiling(2 * Math.Cbrt(WeightedStatistics.EffectiveSampleSize(weights))), MinBins, MaxBins);
        int across = spread > 0 ? (int)Math.Clamp(Math.Ceiling(bins * (high - low) / spread), bins, MaxPriorBins) : bins;
        double width = (high - low) / across;
        var edges = Enumerable.Range(0, across + 1).Select(j => j == across ? high : low + (j * width)).ToArray();
        var density = new double[across];
        for (int i = 0; i < weights.Count; i++)
        {
            int bin = Math.Clamp((int)Math.Floor((parameter.Values[i] - low) / width), 0, across - 1);
            density[bin] += weights[i];
        }

        for (int j = 0; j < across; j++)
        {
            density[j] /= edges[j + 1] - edges[j];
        }

        return (edges, density);
    }

    /// <summary>Adds the histogram, the shaded interval, the median and the prior to <paramref name="plot"/>.</summary>
    public void Add(Plot plot, ChartSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(sizes);
        int first = Array.FindIndex(Density, d => d > 0);
        int last = Array.FindLastIndex(Density, d => d > 0);
        Fill(plot, Edges[first], Edges[last + 1], LightAlpha);
        Fill(plot, Summary.Low, Summary.High, DarkAlpha);

        var (xs, ys) = Steps(Edges[first], Edges[last + 1]);
        var outline = plot.Add.ScatterLine(xs.Prepend(Edges[first]).Append(Edges[last + 1]).ToArray(), ys.Prepend(0).Append(0).ToArray(), Posterior);
        outline.LineWidth = (float)(sizes.LineWidth * 0.7);
        outline.MarkerSize = 0;

        double w = sizes.LineWidth * 0.8;
        double[] priorXs = [_parameter.PriorLow, _parameter.PriorLow, _parameter.PriorHigh, _parameter.PriorHigh];
        double[] priorYs = [0, _parameter.PriorDensity, _parameter.PriorDensity, 0];
        var prior = plot.Add.ScatterLine(priorXs, priorYs, ChartPalette.Black);
        prior.LineWidth = (float)w;
        prior.LinePattern = CalibrationFigure.Scaled(ChartPalette.PatternAt(1), w);
        prior.MarkerSize = 0;

        double[] medianXs = [Summary.Median, Summary.Median];
        double[] medianYs = [0, HeightAt(Summary.Median)];
        var median = plot.Add.ScatterLine(medianXs, medianYs, MedianColor);
        median.LineWidth = (float)sizes.LineWidth;
        median.MarkerSize = 0;
    }

    /// <summary>The histogram's height at <paramref name="x"/>.</summary>
    public double HeightAt(double x)
    {
        int bin = Array.FindLastIndex(Edges, e => e <= x);
        return Density[Math.Clamp(bin, 0, Density.Length - 1)];
    }

    /// <summary>The legend marks of the marginal panels.</summary>
    public static IReadOnlyList<LegendMark> Legend(CalibrationFigure figure, int particles)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var sizes = figure.Sizes;
        return
        [
            new LegendMark(
                new ChartLegendEntry($"posterior: weighted histogram of {particles} particles", Posterior, LinePattern.Solid, LegendSymbol.Band),
                (canvas, box) => Box(canvas, box, LightAlpha, sizes)),
            new LegendMark(
                new ChartLegendEntry("its central 90% (5–95%)", Posterior, LinePattern.Solid, LegendSymbol.Band),
                (canvas, box) => Box(canvas, box, DarkAlpha, sizes)),
            new LegendMark(
                new ChartLegendEntry("weighted median", MedianColor, LinePattern.Solid, LegendSymbol.Line),
                CalibrationFigure.LineSymbol(MedianColor, LinePattern.Solid, sizes.LineWidth)),
            new LegendMark(
                new ChartLegendEntry("prior (uniform)", ChartPalette.Black, ChartPalette.PatternAt(1), LegendSymbol.Line),
                CalibrationFigure.LineSymbol(ChartPalette.Black, ChartPalette.PatternAt(1), sizes.LineWidth * 0.8)),
        ];
    }

    private static void Box(SKCanvas canvas, ChartBox box, double alpha, ChartSizes sizes)
    {
        var rect = new SKRect((float)box.Left, (float)box.Top, (float)box.Right, (float)box.Bottom);
        using var fill = new SKPaint { Color = Posterior.WithAlpha(alpha).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(rect, fill);
        using var stroke = new SKPaint { Color = Posterior.ToSKColor(), StrokeWidth = (float)(sizes.LineWidth * 0.7), Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(rect, stroke);
    }

    private void Fill(Plot plot, double from, double to, double alpha)
    {
        var (xs, ys) = Steps(from, to);
        if (xs.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(xs, ys, new double[xs.Length]);
        fill.FillColor = Posterior.WithAlpha(alpha);
        fill.LineWidth = 0;
    }

    // The histogram's top between from and to, as a step line: two points per bin.
    private (double[] Xs, double[] Ys) Steps(double from, double to)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int j = 0; j < Density.Length; j++)
        {
            double left = Math.Max(Edges[j], from);
            double right = Math.Min(Edges[j + 1], to);
            if (left < right)
            {
                xs.Add(left);
                ys.Add(Density[j]);
                xs.Add(right);
                ys.Add(Density[j]);
            }
        }

        return ([.. xs], [.. ys]);
    }
}

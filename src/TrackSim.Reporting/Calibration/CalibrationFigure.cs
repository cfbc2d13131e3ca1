using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// The parts the calibration charts share with each other and, through the chart code, with the run
/// and sweep charts: the style check, panels drawn by ScottPlot inside a figure laid out in points,
/// tick labels and text measured and drawn by the figure, the legend, and atomic writing.
/// </summary>
/// <param name="style">The chart style.</param>
/// <param name="family">The font family, from <see cref="ChartFonts.Resolve"/>.</param>
internal sealed class CalibrationFigure(ChartStyle style, string family)
{
    /// <summary>The style.</summary>
    public ChartStyle Style { get; } = style;

    /// <summary>Measures and draws text.</summary>
    public ChartText Text { get; } = new(family);

    /// <summary>Text sizes and strokes.</summary>
    public ChartSizes Sizes { get; } = new(style.FontSize);

    /// <summary>Base text size.</summary>
    public double F => Sizes.Font;

    /// <summary>Height below a data area taken by its tick marks and tick labels.</summary>
    public double AxisBelow => Sizes.TickLength + Sizes.TickGap + ChartText.LineHeight(Sizes.Tick);

    /// <summary>Refuses a style with problems, as the run charts do, and resolves its font.</summary>
    public static CalibrationFigure For(ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var problems = style.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid chart style: {string.Join("; ", problems)}.", nameof(style));
        }

        return new CalibrationFigure(style, ChartFonts.Resolve(style.Font).Family);
    }

    /// <summary>
    /// Draws a figure <paramref name="width"/> by <paramref name="height"/> points and writes it
    /// into <paramref name="folder"/> (created if needed) as <c>stem.png</c> and/or <c>stem.svg</c>,
    /// atomically; returns the file names written.
    /// </summary>
    public IReadOnlyList<string> Save(string folder, string stem, double width, double height, Action<SKCanvas> draw, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        if (stem.IndexOfAny(['/', '\\']) >= 0 || stem.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"The file stem '{stem}' must be a file name without a folder.", nameof(stem));
        }

        long pixels = (long)Math.Round(width / 72 * Style.Dpi) * (long)Math.Round(height / 72 * Style.Dpi);
        if (Style.Formats.Contains("png") && pixels > ChartStyle.MaxPixels)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The figure would be {width / 72:0.##} x {height / 72:0.##} in at {Style.Dpi} dpi, {pixels:N0} pixels; at most {ChartStyle.MaxPixels:N0} are allowed (lower the dpi)."),
                nameof(width));
        }

        Directory.CreateDirectory(folder);
        return ChartWriter.Save(folder, stem, Style, () => ChartImage.Png(width, height, Style.Dpi, draw), () => ChartImage.Svg(width, height, draw), () => ChartImage.Pdf(width, height, draw), cancellationToken);
    }

    /// <summary>
    /// Renders one panel: ScottPlot draws the frame, the ticks (labels are drawn by the figure), the
    /// grid when asked and the plottables <paramref name="add"/> puts in, inside <paramref name="data"/>.
    /// </summary>
    public void RenderPanel(
        SKCanvas canvas,
        ChartBox data,
        (double XMin, double XMax, double YMin, double YMax) limits,
        IEnumerable<double> xTicks,
        IEnumerable<double> yTicks,
        Action<Plot> add,
        bool horizontalGrid)
    {
        using var plot = ChartPlot.Create(Text.Family);
        add(plot);
        plot.Axes.SetLimits(limits.XMin, limits.XMax, limits.YMin, limits.YMax);
        var left = new NumericManual();
        foreach (double y in yTicks)
        {
            left.AddMajor(y, string.Empty);
        }

        var bottom = new NumericManual();
        foreach (double x in xTicks)
        {
            bottom.AddMajor(x, string.Empty);
        }

        ChartPlot.Frame(plot, Sizes, left, bottom);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.IsVisible = horizontalGrid;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = ChartPalette.Grid;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = (float)(0.4 * Sizes.Weight);
        var frame = new ChartBox(data.Left - Sizes.TickLength - 1, data.Right + Sizes.FrameWidth, data.Top - Sizes.FrameWidth, data.Bottom + Sizes.TickLength + 1);
        ChartPlot.Render(canvas, plot, frame, data);
    }

    /// <summary>Draws tick labels centred under the x ticks of a panel.</summary>
    public void DrawXTickLabels(SKCanvas canvas, ChartBox data, double min, double max, IEnumerable<(double Value, string Label)> ticks)
    {
        double baseline = data.Bottom + Sizes.TickLength + Sizes.TickGap + (ChartText.Ascent(Sizes.Tick) * 0.85);
        foreach (var (value, label) in ticks)
        {
            double x = data.Left + ((value - min) / (max - min) * data.Width);
            Text.Draw(canvas, label, x, baseline, Sizes.Tick, ChartPalette.Ink, SKTextAlign.Center);
        }
    }

    /// <summary>Draws tick labels right-aligned left of the y ticks of a panel.</summary>
    public void DrawYTickLabels(SKCanvas canvas, ChartBox data, double min, double max, IEnumerable<(double Value, string Label)> ticks)
    {
        foreach (var (value, label) in ticks)
        {
            double y = data.Bottom - ((value - min) / (max - min) * data.Height);
            Text.Draw(canvas, label, data.Left - Sizes.TickLength - Sizes.TickGap, y + (Sizes.Tick * 0.36), Sizes.Tick, ChartPalette.Ink, SKTextAlign.Right);
        }
    }

    /// <summary>Text read from bottom to top, centred on (<paramref name="x"/>, <paramref name="y"/>) with its baseline at x.</summary>
    public void DrawVertical(SKCanvas canvas, string text, double x, double y, double size)
    {
        canvas.Save();
        canvas.RotateDegrees(-90, (float)x, (float)y);
        Text.Draw(canvas, text, x, y, size, ChartPalette.Ink, SKTextAlign.Center);
        canvas.Restore();
    }

    /// <summary>
    /// Ticks for an axis from <paramref name="low"/> to <paramref name="high"/> that stay inside it,
    /// as many as fit side by side on a horizontal axis <paramref name="length"/> points long (at most six).
    /// </summary>
    public IReadOnlyList<(double Value, string Label)> Ticks(double low, double high, double length)
    {
        IReadOnlyList<(double Value, string Label)> ticks = [];
        for (int most = 6; most >= 2; most--)
        {
            ticks = ValueTicks.For(low, high, low, high, most).Ticks;
            double widest = ticks.Count == 0 ? 0 : ticks.Max(t => Text.Width(t.Label, Sizes.Tick)) + (Sizes.Tick * 1.0);
            if (widest * ticks.Count <= length)
            {
                return ticks;
            }
        }

        // Too narrow for two labels: the ends of the range alone, which still say what the axis spans.
        return ticks.Count <= 2 ? ticks : [ticks[0], ticks[^1]];
    }

    /// <summary>
    /// The longest name of <paramref name="parameter"/> that fits <paramref name="width"/>: its key
    /// and unit; then without the leading <c>parameters.</c> of a scenario path, as the sweep charts
    /// name parameters; then the end of the path from a later dot on, since the end names a
    /// parameter best (<c>fear (1/year)</c>); then the last part alone, shortened if need be.
    /// </summary>
    public string Name(PosteriorParameter parameter, double size, double width, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        string unit = parameter.Unit.Length == 0 ? string.Empty : $" ({parameter.Unit})";
        var candidates = new List<string> { parameter.Label };
        string[] parts = parameter.Key.Split('.');
        for (int from = 1; from < parts.Length; from++)
        {
            candidates.Add(string.Join('.', parts[from..]) + unit);
        }

        candidates.Add(parts[^1]);
        return candidates.FirstOrDefault(c => Text.Width(c, size, bold) <= width) ?? Text.Fit(parts[^1], size, width, bold);
    }

    /// <summary>Places legend marks in rows below the panels, between the figure's margins; returns the rows taken.</summary>
    public IReadOnlyList<(ChartLegend.Item Item, LegendMark Mark)> PlaceLegend(IReadOnlyList<LegendMark> marks, double width, double top, out int rows)
    {
        var legend = new ChartLegend(Text, Sizes);
        var items = legend.At(legend.Place(marks.Select(m => m.Entry), Sizes.Pad, width - Sizes.Pad, width, out rows), top);

        // Place keeps the entries' order, one item each.
        return [.. items.Select((item, i) => (item, marks[i]))];
    }

    /// <summary>Draws placed legend marks: each mark's symbol, then its text.</summary>
    public void DrawLegend(SKCanvas canvas, IEnumerable<(ChartLegend.Item Item, LegendMark Mark)> placed)
    {
        double size = Sizes.Legend;
        double lineHeight = ChartText.LineHeight(size);
        foreach (var (item, mark) in placed)
        {
            double middle = item.Top + (lineHeight / 2);
            double symbol = item.Entry.SymbolWidth(size);
            mark.Draw(canvas, new ChartBox(item.Left, item.Left + symbol, middle - (size * 0.32), middle + (size * 0.32)));
            double baseline = item.Top + ChartText.Ascent(size) + ((lineHeight - (size * 1.16)) / 2);
            Text.Draw(canvas, item.Entry.Text, item.Left + item.Entry.TextOffset(size), baseline, size, ChartPalette.Ink);
        }
    }

    /// <summary>A line symbol for the legend in <paramref name="color"/>, <paramref name="pattern"/> and <paramref name="width"/> points.</summary>
    public static Action<SKCanvas, ChartBox> LineSymbol(Color color, LinePattern pattern, double width) => (canvas, box) =>
    {
        using var stroke = Stroke(color, width, pattern);
        float y = (float)((box.Top + box.Bottom) / 2);
        canvas.DrawLine((float)box.Left, y, (float)box.Right, y, stroke);
    };

    /// <summary>A paint for a line <paramref name="width"/> points wide, dashed as <paramref name="pattern"/> scaled to the width as ScottPlot scales it.</summary>
    public static SKPaint Stroke(Color color, double width, LinePattern pattern) => new()
    {
        Color = color.ToSKColor(),
        StrokeWidth = (float)width,
        Style = SKPaintStyle.Stroke,
        IsAntialias = true,
        PathEffect = pattern.Intervals is { Length: > 0 } intervals ? SKPathEffect.CreateDash([.. intervals.Select(i => i * (float)width)], 0) : null,
    };

    /// <summary>A dash pattern scaled to a line <paramref name="width"/> points wide, for ScottPlot plottables (whose dash intervals are at width 1).</summary>
    public static LinePattern Scaled(LinePattern pattern, double width) =>
        pattern.Intervals is { Length: > 0 } intervals
            ? new LinePattern([.. intervals.Select(i => i * (float)width)], pattern.Phase, pattern.Name)
            : pattern;

    /// <summary>
    /// <paramref name="value"/> with as many decimals as a range <paramref name="span"/> wide needs
    /// for three significant figures across it, with a typographic minus.
    /// </summary>
    public static string Number(double value, double span)
    {
        int decimals = span > 0 ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(span)), 0, 8) : 3;
        return ValueTicks.Label(value, decimals);
    }
}

/// <summary>A legend entry and how its symbol is drawn in the box the legend gives it.</summary>
/// <param name="Entry">The entry: text, and the kind of symbol that sets its width.</param>
/// <param name="Draw">Draws the symbol in its box.</param>
internal sealed record LegendMark(ChartLegendEntry Entry, Action<SKCanvas, ChartBox> Draw);

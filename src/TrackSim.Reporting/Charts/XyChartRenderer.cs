using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Draws an <see cref="XyChart"/> in the run charts' manner: the figure is laid out in points with
/// every piece of text measured (title, tick labels, axis labels, legend, colour bar), ScottPlot
/// draws the frame, grid and data, and the text and overlays are drawn here, so nothing overlaps or
/// clips at any size and both formats agree.
/// </summary>
internal sealed class XyChartRenderer
{
    private readonly XyChart _chart;
    private readonly ChartStyle _style;
    private readonly ChartText _text;
    private readonly ChartSizes _sizes;
    private readonly ChartLegend _legend;
    private readonly Layout _layout;

    /// <summary>Lays out <paramref name="chart"/>; <paramref name="family"/> comes from <see cref="ChartFonts.Resolve"/>.</summary>
    public XyChartRenderer(XyChart chart, ChartStyle style, string family)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(style);
        _chart = chart;
        _style = style;
        _text = new ChartText(family);
        _sizes = new ChartSizes(style.FontSize);
        _legend = new ChartLegend(_text, _sizes);
        _layout = ComputeLayout();
    }

    /// <summary>Figure width in points.</summary>
    public double Width => _layout.Width;

    /// <summary>Figure height in points.</summary>
    public double Height => _layout.Height;

    /// <summary>The x axis label drawn (the longest that fits).</summary>
    public string XLabel => _layout.XLabel;

    /// <summary>The y axis label drawn (the longest that fits).</summary>
    public string YLabel => _layout.YLabel;

    /// <summary>The chart as a PNG at the style's dpi, with the dpi recorded in the file.</summary>
    public byte[] Png() => ChartImage.Png(Width, Height, _style.Dpi, Draw);

    /// <summary>The chart as SVG, 96 user units per inch, so it opens at its physical size.</summary>
    public byte[] Svg() => ChartImage.Svg(Width, Height, Draw);

    /// <summary>The chart as a one-page PDF at its size in points, fonts embedded.</summary>
    public byte[] Pdf() => ChartImage.Pdf(Width, Height, Draw);

    private double F => _sizes.Font;

    private double AxisBelow => _sizes.TickLength + _sizes.TickGap + ChartText.LineHeight(_sizes.Tick);

    private void Draw(SKCanvas canvas)
    {
        var scale = _layout.Scale;
        var data = scale.Data;
        using (var plot = BuildPlot())
        {
            var frame = new ChartBox(0, data.Right + _sizes.FrameWidth, data.Top - _sizes.FrameWidth, data.Bottom + _sizes.TickLength + 1);
            ChartPlot.Render(canvas, plot, frame, data);
        }

        if (_chart.Overlay is { } overlay)
        {
            // Inside the frame line, which stays whole over cells and bars.
            double inset = _sizes.FrameWidth / 2;
            canvas.Save();
            canvas.ClipRect(new SKRect((float)(data.Left + inset), (float)(data.Top + inset), (float)(data.Right - inset), (float)(data.Bottom - inset)));
            overlay(canvas, scale);
            canvas.Restore();
        }

        var ink = ChartPalette.Ink;
        double tick = _sizes.Tick;
        foreach (var (value, label) in _layout.YTicks)
        {
            _text.Draw(canvas, label, data.Left - _sizes.TickLength - _sizes.TickGap, scale.Y(value) + (tick * 0.36), tick, ink, SKTextAlign.Right);
        }

        double xBaseline = data.Bottom + _sizes.TickLength + _sizes.TickGap + (ChartText.Ascent(tick) * 0.85);
        foreach (var (value, label) in _layout.XTicks)
        {
            _text.Draw(canvas, label, scale.X(value), xBaseline, tick, ink, SKTextAlign.Center);
        }

        _text.Draw(canvas, _layout.Title, _sizes.Pad, _layout.TitleBaseline, _sizes.Title, ink, bold: true);
        if (_layout.SubtitleBaseline is { } sub)
        {
            _text.Draw(canvas, _layout.Subtitle, _sizes.Pad, sub, _sizes.Subtitle, ChartPalette.Muted);
        }

        _text.Draw(canvas, _layout.XLabel, (data.Left + data.Right) / 2, data.Bottom + AxisBelow + ChartText.Ascent(F), F, ink, SKTextAlign.Center);
        if (_layout.YLabel.Length > 0)
        {
            Vertical(canvas, _layout.YLabel, _sizes.Pad + ChartText.Ascent(F), (data.Top + data.Bottom) / 2);
        }

        _legend.Draw(canvas, _layout.Legend);
        DrawColorBar(canvas);
    }

    // Text read from bottom to top with its baseline at x.
    private void Vertical(SKCanvas canvas, string text, double x, double y)
    {
        canvas.Save();
        canvas.RotateDegrees(-90, (float)x, (float)y);
        _text.Draw(canvas, text, x, y, F, ChartPalette.Ink, SKTextAlign.Center);
        canvas.Restore();
    }

    private void DrawColorBar(SKCanvas canvas)
    {
        if (_chart.ColorBar is not { } bar || _layout.ColorBar is not { } box)
        {
            return;
        }

        const int stops = 33;
        var colors = Enumerable.Range(0, stops).Select(i => bar.Colormap.GetColor(i / (double)(stops - 1)).ToSKColor()).ToArray();
        var positions = Enumerable.Range(0, stops).Select(i => (float)(i / (double)(stops - 1))).ToArray();
        var rect = new SKRect((float)box.Left, (float)box.Top, (float)box.Right, (float)box.Bottom);
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(rect.Left, rect.Bottom), new SKPoint(rect.Left, rect.Top), colors, positions, SKShaderTileMode.Clamp))
        using (var fill = new SKPaint { Shader = shader, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(rect, fill);
        }

        using var stroke = new SKPaint { Color = ChartPalette.Ink, StrokeWidth = (float)_sizes.FrameWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(rect, stroke);
        double tick = _sizes.Tick;
        foreach (var (value, label) in _layout.ColorTicks)
        {
            double y = box.Bottom - ((value - bar.Low) / (bar.High - bar.Low) * box.Height);
            canvas.DrawLine((float)box.Right, (float)y, (float)(box.Right + _sizes.TickLength), (float)y, stroke);
            _text.Draw(canvas, label, box.Right + _sizes.TickLength + _sizes.TickGap, y + (tick * 0.36), tick, ChartPalette.Ink);
        }

        Vertical(canvas, _layout.ColorLabel, _layout.ColorLabelX, (box.Top + box.Bottom) / 2);
    }

    private Plot BuildPlot()
    {
        var plot = ChartPlot.Create(_text.Family);
        _chart.Data?.Invoke(plot);
        var scale = _layout.Scale;
        plot.Axes.SetLimits(scale.XMin, scale.XMax, scale.YMin, scale.YMax);
        var left = new NumericManual();
        foreach (var (value, label) in _layout.YTicks)
        {
            left.AddMajor(value, label);
        }

        var bottom = new NumericManual();
        foreach (var (value, label) in _layout.XTicks)
        {
            bottom.AddMajor(value, label);
        }

        ChartPlot.Frame(plot, _sizes, left, bottom);
        plot.Grid.XAxisStyle.IsVisible = _chart.VerticalGrid;
        plot.Grid.YAxisStyle.IsVisible = _chart.HorizontalGrid;
        foreach (var grid in new[] { plot.Grid.XAxisStyle, plot.Grid.YAxisStyle })
        {
            grid.MajorLineStyle.Color = ChartPalette.Grid;
            grid.MajorLineStyle.Width = (float)(0.4 * _sizes.Weight);
        }

        return plot;
    }

    private Layout ComputeLayout()
    {
        double width = _style.WidthInches * 72;
        double height = _style.HeightInches * 72;
        double pad = _sizes.Pad;
        double tick = _sizes.Tick;
        bool subtitle = _chart.Subtitle is not null;
        // Rows depend on the figure's width only; where they are centred, on the data area.
        _ = _legend.Place(_chart.Legend, pad, width - pad, width, out int legendRows);
        double rightOverhang = _text.Width("0.00", tick) / 2;
        double dataLeft = width * 0.25;
        Layout? layout = null;
        for (int pass = 0; pass < 5; pass++)
        {
            var (titleBaseline, subtitleBaseline, y) = _sizes.TitleLines(subtitle);

            // Room for half of the top tick label, which is centred on the frame's top edge.
            double dataTop = y + (F * 0.3) + (tick * 0.5);
            double legendHeight = legendRows * _legend.RowHeight;
            double below = AxisBelow + ChartText.LineHeight(F) + (legendRows > 0 ? (F * 0.5) + legendHeight : 0) + pad;
            double dataBottom = height - below;
            if (dataBottom - dataTop < F * 3 && subtitle)
            {
                // Too little room for data: the subtitle goes first.
                subtitle = false;
                continue;
            }

            dataBottom = Math.Max(dataBottom, dataTop + (F * 2));
            var (yMin, yMax, yTicks) = Ticks(_chart.Y, dataBottom - dataTop, horizontal: false);
            double yTickWidth = yTicks.Count == 0 ? 0 : yTicks.Max(t => _text.Width(t.Label, tick));
            double yLabel = _chart.YLabels.Count == 0 ? 0 : ChartText.LineHeight(F) + (F * 0.35);
            double nextLeft = pad + yLabel + yTickWidth + _sizes.TickLength + _sizes.TickGap;

            ChartBox? colorBox = null;
            List<(double Value, string Label)> colorTicks = [];
            double colorWidth = 0;
            if (_chart.ColorBar is { } bar)
            {
                int maxTicks = Math.Clamp((int)((dataBottom - dataTop) / (ChartText.LineHeight(tick) * 2.0)) + 1, 2, 6);
                colorTicks = ValueTicks.For(bar.Low, bar.High, bar.Low, bar.High, maxTicks).Ticks
                    .Where(t => t.Value >= bar.Low - 1e-12 && t.Value <= bar.High + 1e-12).ToList();
                double labels = colorTicks.Count == 0 ? 0 : colorTicks.Max(t => _text.Width(t.Label, tick));
                colorWidth = (F * 0.9) + (F * 0.7) + _sizes.TickLength + _sizes.TickGap + labels + (F * 0.35) + ChartText.LineHeight(F);
            }

            double dataRight = width - Math.Max(pad, rightOverhang + (F * 0.2)) - colorWidth;
            var (xMin, xMax, xTicks) = Ticks(_chart.X, dataRight - nextLeft, horizontal: true);
            var scale = new XyScale(new ChartBox(nextLeft, dataRight, dataTop, dataBottom), xMin, xMax, yMin, yMax);
            double overhang = xTicks.Count == 0 ? 0 : Math.Max(0, scale.X(xTicks[^1].Value) + (_text.Width(xTicks[^1].Label, tick) / 2) - dataRight);
            if (_chart.ColorBar is not null)
            {
                double barLeft = dataRight + (F * 0.9);
                colorBox = new ChartBox(barLeft, barLeft + (F * 0.7), dataTop, dataBottom);
            }

            double colorLabelX = colorBox is { } cb
                ? cb.Right + _sizes.TickLength + _sizes.TickGap + (colorTicks.Count == 0 ? 0 : colorTicks.Max(t => _text.Width(t.Label, tick))) + (F * 0.35) + ChartText.Ascent(F)
                : 0;
            double legendTop = dataBottom + AxisBelow + ChartText.LineHeight(F) + (F * 0.5);
            layout = new Layout(
                width,
                height,
                _text.Width(_chart.Title, _sizes.Title, bold: true) <= width - (2 * pad)
                    ? _chart.Title
                    : _text.Fit(_chart.ShortTitle, _sizes.Title, width - (2 * pad), bold: true),
                titleBaseline,
                _text.Fit(_chart.Subtitle ?? string.Empty, _sizes.Subtitle, width - (2 * pad)),
                subtitleBaseline,
                scale,
                xTicks,
                yTicks,
                Longest(_chart.XLabels, dataRight - nextLeft),
                Longest(_chart.YLabels, dataBottom - dataTop),
                _legend.At(_legend.Place(_chart.Legend, nextLeft, dataRight, width, out _), legendTop),
                colorBox,
                colorTicks,
                _chart.ColorBar is { } c ? Longest(c.Labels, dataBottom - dataTop) : string.Empty,
                colorLabelX);
            bool stable = Math.Abs(nextLeft - dataLeft) < 0.01 && Math.Abs(overhang - rightOverhang) < 0.01;
            dataLeft = nextLeft;
            rightOverhang = overhang;
            if (stable)
            {
                break;
            }
        }

        return layout!;
    }

    // The longest label that fits, else the last shortened to fit.
    private string Longest(IReadOnlyList<string> labels, double room) =>
        labels.FirstOrDefault(l => _text.Width(l, F) <= room) ?? _text.Fit(labels.Count == 0 ? string.Empty : labels[^1], F, room);

    private (double Min, double Max, IReadOnlyList<(double Value, string Label)> Ticks) Ticks(XyAxis axis, double length, bool horizontal)
    {
        double tick = _sizes.Tick;
        if (axis.Categories is { } names)
        {
            // Every category if the labels fit, else every second, third...
            double room = horizontal ? (names.Count == 0 ? 0 : names.Max(n => _text.Width(n, tick))) + (tick * 1.2) : ChartText.LineHeight(tick) * 1.05;
            int every = 1;
            while (every < names.Count && Math.Ceiling(names.Count / (double)every) * room > length)
            {
                every++;
            }

            var shown = Enumerable.Range(0, names.Count).Where(i => i % every == 0)
                .Select(i => ((double)i, horizontal ? names[i] : _text.Fit(names[i], tick, _style.WidthInches * 72 * 0.45)))
                .ToList();
            return (-0.5, names.Count - 0.5, shown);
        }

        int most = horizontal ? 6 : Math.Clamp((int)(length / (ChartText.LineHeight(tick) * 2.0)) + 1, 2, 6);
        (double Min, double Max, IReadOnlyList<(double Value, string Label)> Ticks) result = default;
        for (int maxTicks = most; maxTicks >= 2; maxTicks--)
        {
            if (axis.Tight)
            {
                // The data and a little air, with the ticks that fall inside: the range as bounds.
                double span = axis.High - axis.Low;
                double margin = span > 1e-12 ? span * 0.05 : Math.Max(Math.Abs(axis.High) * 0.1, 0.05);
                double low = Math.Max(axis.Floor, axis.Low - margin);
                double high = Math.Min(axis.Ceiling, axis.High + margin);
                result = (low, high, ValueTicks.For(axis.Low, axis.High, low, high, maxTicks, axis.Whole).Ticks);
            }
            else
            {
                var (min, max, ticks) = ValueTicks.For(axis.Low, axis.High, axis.Floor, axis.Ceiling, maxTicks, axis.Whole);
                result = (min - ((max - min) * 0.025), max + ((max - min) * 0.025), ticks);
            }

            if (!horizontal || result.Ticks.Count <= 1)
            {
                break;
            }

            double widest = result.Ticks.Max(t => _text.Width(t.Label, tick)) + (tick * 1.2);
            if (widest * result.Ticks.Count <= length * 0.9)
            {
                break;
            }
        }

        return result;
    }

    private sealed record Layout(
        double Width,
        double Height,
        string Title,
        double TitleBaseline,
        string Subtitle,
        double? SubtitleBaseline,
        XyScale Scale,
        IReadOnlyList<(double Value, string Label)> XTicks,
        IReadOnlyList<(double Value, string Label)> YTicks,
        string XLabel,
        string YLabel,
        IReadOnlyList<ChartLegend.Item> Legend,
        ChartBox? ColorBar,
        IReadOnlyList<(double Value, string Label)> ColorTicks,
        string ColorLabel,
        double ColorLabelX);
}

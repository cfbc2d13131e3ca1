using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Draws one chart. The figure is laid out in points (1/72 inch) with every piece of text
/// measured: title, event labels in rows above the plot, one or more panels on a shared time axis,
/// and the legend below, so nothing overlaps the data or clips. ScottPlot draws each panel (axes,
/// bands, lines, event markers); the text around the panels is drawn here. A PNG is the layout
/// scaled to the style's dpi; an SVG is the same layout at 96 units per inch.
/// </summary>
internal sealed class ChartRenderer
{
    private const double ReferenceWidth = 1.7;

    private static readonly SKColor Ink = new(0x20, 0x20, 0x20);
    private static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    private static readonly ScottPlot.Color EventInk = ScottPlot.Color.FromHex("#4D4D4D");
    private static readonly ScottPlot.Color SpanFill = ScottPlot.Color.FromHex("#7F7F7F").WithAlpha(0.16);
    private static readonly ScottPlot.Color GridInk = ScottPlot.Color.FromHex("#000000").WithAlpha(0.09);

    private readonly ChartDefinition _chart;
    private readonly ChartInputs _inputs;
    private readonly ChartStyle _style;
    private readonly ChartText _text;
    private readonly double _f;
    private readonly DateOnly _first;
    private readonly DateOnly _last;
    private readonly List<ChartEvent> _events;
    private readonly Layout _layout;

    /// <summary>Lays out <paramref name="chart"/>; <paramref name="family"/> comes from <see cref="ChartFonts.Resolve"/>.</summary>
    public ChartRenderer(ChartDefinition chart, ChartInputs inputs, ChartStyle style, string family)
    {
        _chart = chart;
        _inputs = inputs;
        _style = style;
        _text = new ChartText(family);
        _f = style.FontSize;
        var series = chart.Panels.SelectMany(p => p.Lines).Select(l => l.Series).ToList();
        _first = series.Min(s => s.Dates[0]);
        _last = series.Max(s => s.Dates[^1]);
        _events = [.. inputs.Events.Where(e => e.Date <= _last && (e.End ?? e.Date) >= _first)];
        _layout = ComputeLayout();
    }

    /// <summary>Figure width in points.</summary>
    public double Width => _layout.Width;

    /// <summary>Figure height in points (taller than the style's height when there are several panels).</summary>
    public double Height => _layout.Height;

    /// <summary>Ids of the events whose labels are drawn.</summary>
    public IReadOnlyList<string> LabelledEvents => [.. _layout.Labels.Select(l => l.Id)];

    private double TitleSize => _f * 1.1;

    private double SubtitleSize => _f * 0.85;

    private double TickSize => _f * 0.875;

    private double LegendSize => _f * 0.875;

    private double EventSize => _f * 0.8;

    private double HeaderSize => _f * 0.875;

    private double Pad => _f * 0.45;

    // Strokes and ticks grow with the text, so a chart for a slide (16 pt) is as bold as one for a page (8 pt).
    private double Weight => Math.Clamp(_f / 8, 0.6, 4);

    private double LineWidth => 1.1 * Weight;

    private double FrameWidth => 0.6 * Weight;

    private double TickLength => 2.8 * Weight;

    private double TickGap => 2.2 * Weight;

    /// <summary>The chart as a PNG at the style's dpi, with the dpi recorded in the file.</summary>
    public byte[] Png()
    {
        double scale = _style.Dpi / 72.0;
        int width = (int)Math.Round(Width * scale);
        int height = (int)Math.Round(Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Cannot allocate a {width} x {height} image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        Draw(canvas);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngResolution.WithDpi(data.ToArray(), _style.Dpi);
    }

    /// <summary>The chart as SVG, 96 user units per inch, so it opens at its physical size.</summary>
    public byte[] Svg()
    {
        const double scale = 96.0 / 72.0;
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)(Width * scale), (float)(Height * scale)), managed);
            canvas.Scale((float)scale);
            using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            {
                canvas.DrawRect(0, 0, (float)Width, (float)Height, white);
            }

            Draw(canvas);
        }

        return SvgCleanup.Apply(stream.ToArray());
    }

    private void Draw(SKCanvas canvas)
    {
        for (int p = 0; p < _layout.Panels.Count; p++)
        {
            var panel = _layout.Panels[p];
            using var plot = BuildPlot(_chart.Panels[p], panel);

            // The clip keeps the panel's background and overdraw inside its own frame.
            var frame = new SKRect((float)panel.Frame.Left, (float)panel.Frame.Top, (float)panel.Frame.Right, (float)panel.Frame.Bottom);
            canvas.Save();
            canvas.ClipRect(frame);
            plot.Render(canvas, new PixelRect(frame.Left, frame.Right, frame.Bottom, frame.Top));
            canvas.Restore();
        }

        DrawTickLabels(canvas);
        DrawEventLabels(canvas);
        DrawHeaders(canvas);
        _text.Draw(canvas, _layout.Title, Pad, _layout.TitleBaseline, TitleSize, Ink, bold: true);
        if (_layout.SubtitleBaseline is { } sub)
        {
            _text.Draw(canvas, _layout.Subtitle, Pad, sub, SubtitleSize, Muted);
        }

        DrawYLabel(canvas);
        DrawLegend(canvas);
    }

    // Panel headers sit on a white ground, so event leaders passing above the top panel stop short of the text.
    private void DrawHeaders(SKCanvas canvas)
    {
        using var ground = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        for (int p = 0; p < _layout.Panels.Count; p++)
        {
            var panel = _layout.Panels[p];
            if (panel.HeaderBaseline is not { } baseline || _chart.Panels[p].Header is not { } header)
            {
                continue;
            }

            string text = _text.Fit(header, HeaderSize, panel.Data.Right - panel.Data.Left, bold: true);
            double width = _text.Width(text, HeaderSize, bold: true);
            double top = baseline - ChartText.Ascent(HeaderSize);
            canvas.DrawRect((float)(panel.Data.Left - 1), (float)(top - 0.5), (float)(width + 2), (float)(ChartText.LineHeight(HeaderSize) + 0.5), ground);
            _text.Draw(canvas, text, panel.Data.Left, baseline, HeaderSize, Ink, bold: true);
        }
    }

    private void DrawTickLabels(SKCanvas canvas)
    {
        foreach (var panel in _layout.Panels)
        {
            var data = panel.Data;
            foreach (var (value, label) in _layout.YTicks)
            {
                double y = data.Bottom - ((value - _layout.YMin) / (_layout.YMax - _layout.YMin) * (data.Bottom - data.Top));
                _text.Draw(canvas, label, data.Left - TickLength - TickGap, y + (TickSize * 0.36), TickSize, Ink, SKTextAlign.Right);
            }
        }

        var bottom = _layout.Panels[^1].Data;
        double scale = (bottom.Right - bottom.Left) / (X(_last) - X(_first));
        double baseline = bottom.Bottom + TickLength + TickGap + ChartText.Ascent(TickSize) * 0.85;
        foreach (var (date, label) in _layout.XTicks)
        {
            double x = bottom.Left + ((X(date) - X(_first)) * scale);
            _text.Draw(canvas, label, x, baseline, TickSize, Ink, SKTextAlign.Center);
        }
    }

    private void DrawEventLabels(SKCanvas canvas)
    {
        if (_layout.Labels.Count == 0)
        {
            return;
        }

        var top = _layout.Panels[0].Data;
        using var leader = new SKPaint { Color = EventInk.WithAlpha(0.75).ToSKColor(), StrokeWidth = (float)(0.45 * Weight), IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var label in _layout.Labels)
        {
            double rowBottom = _layout.LabelBandBottom - (label.Row * ChartText.LineHeight(EventSize));
            canvas.DrawLine((float)label.Anchor, (float)top.Top, (float)label.Anchor, (float)(rowBottom - (EventSize * 0.05)), leader);
            string text = _events.First(e => e.Id == label.Id).Label;
            double baseline = rowBottom - (ChartText.LineHeight(EventSize) - ChartText.Ascent(EventSize)) - (EventSize * 0.1);
            _text.Draw(canvas, text, label.Left, baseline, EventSize, Ink);
        }
    }

    private void DrawYLabel(SKCanvas canvas)
    {
        double top = _layout.Panels[0].Data.Top;
        double bottom = _layout.Panels[^1].Data.Bottom;
        // The full label, else the metric's title alone, else as much as fits.
        string label = _layout.YLabels.FirstOrDefault(l => _text.Width(l, _f) <= bottom - top) ?? _text.Fit(_layout.YLabels[^1], _f, bottom - top);
        double x = Pad + ChartText.Ascent(_f);
        double y = (top + bottom) / 2;
        canvas.Save();
        canvas.RotateDegrees(-90, (float)x, (float)y);
        _text.Draw(canvas, label, x, y, _f, Ink, SKTextAlign.Center);
        canvas.Restore();
    }

    private void DrawLegend(SKCanvas canvas)
    {
        double lineHeight = ChartText.LineHeight(LegendSize);
        foreach (var item in _layout.Legend)
        {
            double middle = item.Top + (lineHeight / 2);
            if (item.Entry.IsBand)
            {
                using var fill = new SKPaint { Color = item.Entry.Color.WithAlpha(BandAlpha(1)).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                canvas.DrawRect((float)item.Left, (float)(middle - (LegendSize * 0.32)), (float)LegendEntry.BandSymbolWidth(LegendSize), (float)(LegendSize * 0.64), fill);
            }
            else
            {
                using var stroke = new SKPaint
                {
                    Color = item.Entry.Color.ToSKColor(),
                    StrokeWidth = (float)(LineWidth * item.Entry.WidthFactor),
                    Style = SKPaintStyle.Stroke,
                    IsAntialias = true,
                    PathEffect = item.Entry.Pattern.Intervals is { Length: > 0 } intervals
                        ? SKPathEffect.CreateDash([.. intervals.Select(i => i * (float)LineWidth)], 0)
                        : null,
                };
                canvas.DrawLine((float)item.Left, (float)middle, (float)(item.Left + LegendEntry.LineSymbolWidth(LegendSize)), (float)middle, stroke);
            }

            double textX = item.Left + item.Entry.SymbolWidth(LegendSize) + (LegendSize * 0.35);
            double baseline = item.Top + ChartText.Ascent(LegendSize) + ((lineHeight - LegendSize * 1.16) / 2);
            _text.Draw(canvas, item.Entry.Text, textX, baseline, LegendSize, Ink);
        }
    }

    private Plot BuildPlot(ChartPanel panel, PanelLayout layout)
    {
        var plot = new Plot();

        // ScottPlot clears the whole canvas before drawing; the figure is composed of several
        // panels and text, and an SVG records the clear as a black rectangle, so the clear goes.
        plot.RenderManager.RenderActions.RemoveAll(action => action is ScottPlot.Rendering.RenderActions.ClearCanvas);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(_text.Family);
        var labelled = _layout.Labels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in _events.Where(e => e.IsSpan))
        {
            var span = plot.Add.HorizontalSpan(X(e.Date), X(e.End!.Value), SpanFill);
            span.LineStyle.Width = 0;
            span.EnableAutoscale = false;
        }

        foreach (var e in _events.Where(e => !e.IsSpan))
        {
            bool strong = labelled.Contains(e.Id);
            var line = plot.Add.VerticalLine(X(e.Date), (float)((strong ? 0.5 : 0.4) * Weight), EventInk.WithAlpha(strong ? 0.75 : 0.35), EventPattern(e));
            line.EnableAutoscale = false;
            line.ExcludeFromLegend = true;
        }

        int lines = panel.Lines.Count;
        var drawOrder = panel.Lines;
        foreach (var line in drawOrder.Where(_ => _chart.ShowsBand))
        {
            int from = FirstIndex(line);
            var xs = line.Series.Dates.Skip(from).Select(X).ToArray();
            if (xs.Length == 0)
            {
                continue;
            }

            var band = plot.Add.FillY(xs, [.. line.Series.P05.Skip(from)], [.. line.Series.P95.Skip(from)]);
            band.FillColor = line.Color.WithAlpha(BandAlpha(lines));
            band.LineWidth = 0;
        }

        foreach (var line in drawOrder)
        {
            int from = FirstIndex(line);
            var xs = line.Series.Dates.Skip(from).Select(X).ToArray();
            var ys = (_chart.UsesMean ? line.Series.Mean : line.Series.P50).Skip(from).ToArray();
            if (xs.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterLine(xs, ys, line.Color);

            // A comparison's base line is drawn first and wider, so it shows around variants that coincide with it.
            scatter.LineWidth = (float)(line.IsReference ? LineWidth * ReferenceWidth : LineWidth);
            scatter.LinePattern = Scaled(line.Pattern);
            scatter.MarkerSize = 0;
        }

        plot.Axes.SetLimits(X(_first), X(_last), _layout.YMin, _layout.YMax);
        var left = new NumericManual();
        foreach (var (value, label) in _layout.YTicks)
        {
            left.AddMajor(value, label);
        }

        var bottom = new NumericManual();
        foreach (var (date, label) in _layout.XTicks)
        {
            bottom.AddMajor(X(date), label);
        }

        foreach (var date in _layout.XMinorTicks)
        {
            bottom.AddMinor(X(date));
        }

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Top.TickGenerator = new NumericManual();
        plot.Axes.Right.TickGenerator = new NumericManual();
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Top, plot.Axes.Right })
        {
            StyleAxis(axis);
        }

        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Right.MajorTickStyle.Length = 0;

        // Event lines are vertical; vertical grid lines would be mistaken for them.
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = GridInk;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = (float)(0.4 * Weight);
        plot.Layout.Fixed(new PixelPadding(
            (float)(layout.Data.Left - layout.Frame.Left),
            (float)(layout.Frame.Right - layout.Data.Right),
            (float)(layout.Frame.Bottom - layout.Data.Bottom),
            (float)(layout.Data.Top - layout.Frame.Top)));
        return plot;
    }

    private void StyleAxis(IAxis axis)
    {
        axis.FrameLineStyle.Width = (float)FrameWidth;
        axis.FrameLineStyle.Color = ScottPlot.Color.FromSKColor(Ink);
        axis.MajorTickStyle.Length = (float)TickLength;
        axis.MajorTickStyle.Width = (float)FrameWidth;
        axis.MajorTickStyle.Color = ScottPlot.Color.FromSKColor(Ink);
        axis.MinorTickStyle.Length = (float)(TickLength * 0.55);
        axis.MinorTickStyle.Width = (float)(FrameWidth * 0.8);
        axis.MinorTickStyle.Color = ScottPlot.Color.FromSKColor(Ink);
        // Tick labels are drawn by DrawTickLabels, with the same measurements the layout used.
        axis.TickLabelStyle.IsVisible = false;
        axis.Label.Text = string.Empty;
    }

    private LinePattern EventPattern(ChartEvent e) => e.Valence switch
    {
        "hostile" => LinePattern.Solid,
        "cooperative" => new LinePattern([(float)(2.2 * Weight), (float)(1.6 * Weight)], 0, "event dash"),
        _ => new LinePattern([(float)(0.6 * Weight), (float)(1.4 * Weight)], 0, "event dot"),
    };

    // ScottPlot's dash intervals are in points at width 1; thicker lines need longer dashes to keep their look.
    private LinePattern Scaled(LinePattern pattern) =>
        pattern.Intervals is { Length: > 0 } intervals
            ? new LinePattern([.. intervals.Select(i => i * (float)LineWidth)], pattern.Phase, pattern.Name)
            : pattern;

    private static double BandAlpha(int lines) => lines switch { 1 => 0.22, 2 => 0.17, _ => 0.12 };

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static int FirstIndex(ChartLine line)
    {
        if (line.Start is not { } start)
        {
            return 0;
        }

        // The point on or just before the start, so the line begins where the subject does.
        int index = 0;
        while (index + 1 < line.Series.Dates.Length && line.Series.Dates[index + 1] <= start)
        {
            index++;
        }

        return index;
    }

    private Layout ComputeLayout()
    {
        double width = _style.WidthInches * 72;
        double height = _style.HeightInches * 72;
        var (yLow, yHigh, floor, ceiling) = ValueRange();
        string[] yLabels = [YLabel(_chart.Metric, !_chart.ShowsBand, _inputs.Step), _chart.ShowsBand ? _chart.Metric.Title : "Share of runs"];
        var legend = LegendEntries();
        bool subtitle = true;
        int maxRows = Math.Clamp((int)(0.2 * height / ChartText.LineHeight(EventSize)), 1, 4);
        double estimatedData = height * 0.5;
        Layout? layout = null;
        for (int pass = 0; pass < 4; pass++)
        {
            int maxTicks = Math.Clamp((int)(estimatedData / (ChartText.LineHeight(TickSize) * 2.0)) + 1, 2, 6);
            var (tickMin, tickMax, yTicks) = ValueTicks.For(yLow, yHigh, floor, ceiling, maxTicks);

            // A little room beyond the outer ticks, so a line at 0 or at 1 is not hidden by the frame.
            double yMin = tickMin - ((tickMax - tickMin) * 0.025);
            double yMax = tickMax + ((tickMax - tickMin) * 0.025);
            double tickLabels = yTicks.Max(t => _text.Width(t.Label, TickSize));
            double dataLeft = Pad + ChartText.LineHeight(_f) + (_f * 0.35) + tickLabels + TickLength + TickGap;
            double dataRight = width - Math.Max(Pad, (_text.Width("2000", TickSize) / 2) + (_f * 0.2));
            var (xTicks, xMinor) = TimeTicks.For(_first, _last, dataRight - dataLeft, s => _text.Width(s, TickSize), TickSize * 1.2);
            var labels = PlaceLabels(dataLeft, dataRight, width, maxRows);
            int rows = labels.Count == 0 ? 0 : labels.Max(l => l.Row) + 1;
            var legendItems = PlaceLegend(legend, dataLeft, dataRight, width, out int legendRows);

            double y = Pad;
            double titleBaseline = y + ChartText.Ascent(TitleSize);
            y += ChartText.LineHeight(TitleSize);
            double? subtitleBaseline = null;
            if (subtitle)
            {
                subtitleBaseline = y + ChartText.Ascent(SubtitleSize);
                y += ChartText.LineHeight(SubtitleSize);
            }

            y += _f * 0.3;
            double labelBandBottom = y + (rows * ChartText.LineHeight(EventSize));
            y = labelBandBottom + (rows > 0 ? _f * 0.35 : 0);
            double axisBelow = TickLength + TickGap + ChartText.LineHeight(TickSize);
            double legendHeight = legendRows * ChartText.LineHeight(LegendSize);
            double below = axisBelow + (legendRows > 0 ? _f * 0.5 : 0) + legendHeight + Pad;
            int panels = _chart.Panels.Count;
            double header = panels > 1 ? ChartText.LineHeight(HeaderSize) + (_f * 0.1) : 0;
            double gap = panels > 1 ? _f * 0.7 : 0;
            double single = height - y - below;
            double data = panels == 1 ? single : Math.Max(single * 0.62, _f * 5);
            if (data < _f * 4 && (subtitle || maxRows > 1) && pass < 3)
            {
                // Too little room for data: drop the subtitle first, then extra label rows.
                if (subtitle)
                {
                    subtitle = false;
                }
                else
                {
                    maxRows = 1;
                }

                continue;
            }

            data = Math.Max(data, _f * 2);
            var panelLayouts = new List<PanelLayout>();
            for (int p = 0; p < panels; p++)
            {
                double? headerBaseline = panels > 1 ? y + ChartText.Ascent(HeaderSize) : null;
                y += header;
                var dataRect = new Box(dataLeft, dataRight, y, y + data);
                double frameBottom = y + data + (p == panels - 1 ? axisBelow : TickLength + 1);
                panelLayouts.Add(new PanelLayout(new Box(0, width, y, frameBottom), dataRect, headerBaseline));
                y += data + (p == panels - 1 ? 0 : gap);
            }

            double legendTop = y + axisBelow + (legendRows > 0 ? _f * 0.5 : 0);
            double totalHeight = legendTop + legendHeight + Pad;
            var placedLegend = legendItems.Select(i => i with { Top = legendTop + (i.Row * ChartText.LineHeight(LegendSize)) }).ToList();
            var next = new Layout(
                width,
                Math.Max(height, totalHeight),
                _text.Width(_chart.Title, TitleSize, bold: true) <= width - (2 * Pad)
                    ? _chart.Title
                    : _text.Fit(_chart.ShortTitle, TitleSize, width - (2 * Pad), bold: true),
                titleBaseline,
                _text.Fit(_inputs.ScenarioTitle, SubtitleSize, width - (2 * Pad)),
                subtitleBaseline,
                labels,
                labelBandBottom,
                panelLayouts,
                yMin,
                yMax,
                yTicks,
                xTicks,
                xMinor,
                yLabels,
                placedLegend);
            bool stable = layout is not null && layout.YTicks.Count == next.YTicks.Count && Math.Abs(layout.Panels[0].Data.Left - dataLeft) < 0.01;
            layout = next;
            if (stable)
            {
                break;
            }

            estimatedData = data;
        }

        return layout!;
    }

    private (double Low, double High, double Floor, double Ceiling) ValueRange()
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (var line in _chart.Panels.SelectMany(p => p.Lines))
        {
            int from = FirstIndex(line);
            var lows = _chart.ShowsBand ? line.Series.P05 : line.Series.Mean;
            var highs = _chart.ShowsBand ? line.Series.P95 : line.Series.Mean;
            for (int i = from; i < lows.Length; i++)
            {
                if (double.IsFinite(lows[i]))
                {
                    low = Math.Min(low, lows[i]);
                }

                if (double.IsFinite(highs[i]))
                {
                    high = Math.Max(high, highs[i]);
                }
            }
        }

        var (floor, ceiling) = Bounds(_chart.Metric);
        if (!_chart.ShowsBand || (ceiling == 1 && high - low > 0.5))
        {
            // A share, or a unit-range metric that spans most of its range: show all of it.
            return (0, 1, 0, 1);
        }

        return (low, high, floor, ceiling);
    }

    private static (double Floor, double Ceiling) Bounds(MetricDefinition metric) => metric.Unit switch
    {
        "0-1" or "0 or 1" => (0, 1),
        "0-0.5" => (0, 0.5),
        _ => (0, double.PositiveInfinity),
    };

    /// <summary>The y axis label: what is shown and its unit.</summary>
    internal static string YLabel(MetricDefinition metric, bool showsMean, StepUnit step)
    {
        if (showsMean)
        {
            return "Share of runs";
        }

        return metric.Unit switch
        {
            "0-1" => $"{metric.Title} (0–1)",
            "0-0.5" => $"{metric.Title} (0–0.5)",
            "count per step" => $"{metric.Title} per {step.ToString().ToLowerInvariant()}",
            "cumulative count" => $"{metric.Title} (cumulative)",
            "count" => $"{metric.Title} (count)",
            _ => $"{metric.Title} ({metric.Unit})",
        };
    }

    private List<LegendEntry> LegendEntries()
    {
        var lines = _chart.LegendLines.ToList();
        string runs = string.Create(CultureInfo.InvariantCulture, $"{_inputs.Replicates} run{(_inputs.Replicates == 1 ? string.Empty : "s")}");
        string centre = !_chart.ShowsBand ? "Share" : _chart.UsesMean ? "Mean" : "Median";
        var entries = new List<LegendEntry>();
        bool onePerPanel = _chart.Panels.Count > 1 && _chart.Panels.All(p => p.Lines.Count == 1);
        if (!_chart.IsComparison && (lines.Count == 1 || onePerPanel))
        {
            var line = lines[0];
            entries.Add(new LegendEntry($"{centre} of {runs}", line.Color, line.Pattern, false));
            if (_chart.ShowsBand)
            {
                entries.Add(new LegendEntry("5–95% range", line.Color, LinePattern.Solid, true));
            }

            return entries;
        }

        entries.AddRange(lines.Select(l => new LegendEntry(l.Label, l.Color, l.Pattern, false, l.IsReference ? ReferenceWidth : 1)));
        if (_chart.ShowsBand)
        {
            entries.Add(new LegendEntry($"{centre.ToLowerInvariant()}s; shading: 5–95% of {runs}", ScottPlot.Color.FromHex("#7F7F7F"), LinePattern.Solid, true));
        }

        return entries;
    }

    private List<LegendItem> PlaceLegend(List<LegendEntry> entries, double dataLeft, double dataRight, double width, out int rowCount)
    {
        double spacing = LegendSize * 1.1;
        double available = width - (2 * Pad);
        var items = new List<LegendItem>();
        var rowItems = new List<(LegendEntry Entry, double Width)>();
        double rowWidth = 0;
        int rows = 0;
        foreach (var entry in entries)
        {
            double itemWidth = entry.SymbolWidth(LegendSize) + (LegendSize * 0.35) + _text.Width(entry.Text, LegendSize);
            if (rowItems.Count > 0 && rowWidth + spacing + itemWidth > available)
            {
                Flush();
            }

            rowWidth += (rowItems.Count > 0 ? spacing : 0) + itemWidth;
            rowItems.Add((entry, itemWidth));
        }

        Flush();
        rowCount = rows;
        return items;

        void Flush()
        {
            if (rowItems.Count == 0)
            {
                return;
            }

            // Centred under the plot, but never past the figure's edges.
            double left = Math.Clamp(((dataLeft + dataRight) / 2) - (rowWidth / 2), Pad, width - Pad - rowWidth);
            foreach (var (entry, itemWidth) in rowItems)
            {
                items.Add(new LegendItem(entry, rows, left, 0));
                left += itemWidth + spacing;
            }

            rows++;
            rowItems.Clear();
            rowWidth = 0;
        }
    }

    private IReadOnlyList<EventLabelLayout.Placement> PlaceLabels(double dataLeft, double dataRight, double width, int rows)
    {
        double scale = (dataRight - dataLeft) / (X(_last) - X(_first));
        double Anchor(ChartEvent e)
        {
            var start = e.Date < _first ? _first : e.Date;
            var end = e.IsSpan ? (e.End!.Value > _last ? _last : e.End.Value) : start;
            double x = (X(start) + X(end)) / 2;
            return dataLeft + ((x - X(_first)) * scale);
        }

        IEnumerable<ChartEvent> chosen;
        if (!_inputs.LabelEvents.IsDefaultOrEmpty)
        {
            chosen = _events.Where(e => _inputs.LabelEvents.Contains(e.Id));
        }
        else
        {
            // Without a choice in the scenario, the most severe few, as many as the width allows.
            int count = Math.Max(3, (int)((dataRight - dataLeft) / (_f * 5.5)));
            chosen = _events.OrderByDescending(e => e.Severity).ThenBy(e => e.Date).Take(count);
        }

        // The most severe first, so that when labels must be thinned the lesser events give way.
        var requests = chosen
            .Where(e => e.Label.Length > 0)
            .OrderByDescending(e => e.Severity)
            .ThenBy(e => e.Date)
            .Select(e => new EventLabelLayout.Request(e.Id, Anchor(e), _text.Width(e.Label, EventSize)));
        return EventLabelLayout.Place(requests, rows, Pad, width - Pad, EventSize * 0.8);
    }

    private sealed record Layout(
        double Width,
        double Height,
        string Title,
        double TitleBaseline,
        string Subtitle,
        double? SubtitleBaseline,
        IReadOnlyList<EventLabelLayout.Placement> Labels,
        double LabelBandBottom,
        IReadOnlyList<PanelLayout> Panels,
        double YMin,
        double YMax,
        IReadOnlyList<(double Value, string Label)> YTicks,
        IReadOnlyList<(DateOnly Date, string Label)> XTicks,
        IReadOnlyList<DateOnly> XMinorTicks,
        IReadOnlyList<string> YLabels,
        IReadOnlyList<LegendItem> Legend);

    private sealed record PanelLayout(Box Frame, Box Data, double? HeaderBaseline);

    private readonly record struct Box(double Left, double Right, double Top, double Bottom);

    private sealed record LegendItem(LegendEntry Entry, int Row, double Left, double Top);

    private sealed record LegendEntry(string Text, ScottPlot.Color Color, LinePattern Pattern, bool IsBand, double WidthFactor = 1)
    {
        public static double LineSymbolWidth(double size) => size * 2.2;

        public static double BandSymbolWidth(double size) => size * 1.1;

        public double SymbolWidth(double size) => IsBand ? BandSymbolWidth(size) : LineSymbolWidth(size);
    }
}

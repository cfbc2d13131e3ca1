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

    private static readonly ScottPlot.Color EventInk = ScottPlot.Color.FromHex("#4D4D4D");
    private static readonly ScottPlot.Color SpanFill = ScottPlot.Color.FromHex("#7F7F7F").WithAlpha(0.16);

    private readonly ChartDefinition _chart;
    private readonly ChartInputs _inputs;
    private readonly ChartStyle _style;
    private readonly ChartText _text;
    private readonly ChartSizes _sizes;
    private readonly ChartLegend _legend;
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
        _sizes = new ChartSizes(style.FontSize);
        _legend = new ChartLegend(_text, _sizes);
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

    /// <summary>
    /// What the chart could not show as asked, for the user: events the scenario's <c>label_events</c>
    /// names, within the chart's dates, whose labels found no room even with extra rows.
    /// </summary>
    public IReadOnlyList<string> Warnings => _layout.Warnings;

    /// <summary>The event key's entries: one per kind of event mark drawn on this chart (line styles and shaded spans).</summary>
    internal IReadOnlyList<ChartLegendEntry> EventKey => EventKeyEntries();

    /// <summary>Left edge of the data area in points: the same for every chart of one style whose y tick labels fit the reserved width.</summary>
    internal double DataLeft => _layout.Panels[0].Data.Left;

    /// <summary>The y axis limits of the first panel, in data units.</summary>
    internal (double Min, double Max) YRange => (_layout.Panels[0].YMin, _layout.Panels[0].YMax);

    /// <summary>The data area of each panel in points, in the chart's panel order (row by row in a grid).</summary>
    internal IReadOnlyList<ChartBox> PanelBoxes => [.. _layout.Panels.Select(p => p.Data)];

    /// <summary>The y axis limits of each panel, top to bottom, in data units.</summary>
    internal IReadOnlyList<(double Min, double Max)> PanelYRanges => [.. _layout.Panels.Select(p => (p.YMin, p.YMax))];

    /// <summary>The chart as a PNG at the style's dpi, with the dpi recorded in the file.</summary>
    public byte[] Png() => ChartImage.Png(Width, Height, _style.Dpi, Draw);

    /// <summary>The chart as SVG, 96 user units per inch, so it opens at its physical size.</summary>
    public byte[] Svg() => ChartImage.Svg(Width, Height, Draw);

    /// <summary>The chart as a one-page PDF at its size in points, fonts embedded.</summary>
    public byte[] Pdf() => ChartImage.Pdf(Width, Height, Draw);

    private void Draw(SKCanvas canvas)
    {
        for (int p = 0; p < _layout.Panels.Count; p++)
        {
            var panel = _layout.Panels[p];
            using var plot = BuildPlot(_chart.Panels[p], panel);
            ChartPlot.Render(canvas, plot, panel.Frame, panel.Data);
        }

        DrawTickLabels(canvas);
        DrawEventLabels(canvas);
        DrawHeaders(canvas);
        _text.Draw(canvas, _layout.Title, _sizes.Pad, _layout.TitleBaseline, _sizes.Title, ChartPalette.Ink, bold: true);
        if (_layout.SubtitleBaseline is { } sub)
        {
            _text.Draw(canvas, _layout.Subtitle, _sizes.Pad, sub, _sizes.Subtitle, ChartPalette.Muted);
        }

        DrawYLabel(canvas);
        _legend.Draw(canvas, _layout.Legend);
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

            var lines = HeaderLines(header, panel.Data.Right - panel.Data.Left, _layout.HeaderRows);
            double width = lines.Max(l => _text.Width(l, _sizes.Header, bold: true));
            double top = baseline - ChartText.Ascent(_sizes.Header);
            double lineHeight = ChartText.LineHeight(_sizes.Header);
            canvas.DrawRect((float)(panel.Data.Left - 1), (float)(top - 0.5), (float)(width + 2), (float)((lines.Count * lineHeight) + 0.5), ground);
            for (int i = 0; i < lines.Count; i++)
            {
                _text.Draw(canvas, lines[i], panel.Data.Left, baseline + (i * lineHeight), _sizes.Header, ChartPalette.Ink, bold: true);
            }
        }
    }

    // A header on one line, shortened to fit; on two, a "subject: variant" header is split after the
    // colon, so that neither the subject nor the variant is cut off for the other.
    private List<string> HeaderLines(string header, double width, int rows)
    {
        int colon = header.IndexOf(": ", StringComparison.Ordinal);
        if (rows < 2 || colon < 0 || _text.Width(header, _sizes.Header, bold: true) <= width)
        {
            return [_text.Fit(header, _sizes.Header, width, bold: true)];
        }

        return [_text.Fit(header[..(colon + 1)], _sizes.Header, width, bold: true), _text.Fit(header[(colon + 2)..], _sizes.Header, width, bold: true)];
    }

    private void DrawTickLabels(SKCanvas canvas)
    {
        foreach (var panel in _layout.Panels.Where(p => p.YLabels))
        {
            var data = panel.Data;
            foreach (var (value, label) in panel.YTicks)
            {
                double y = data.Bottom - ((value - panel.YMin) / (panel.YMax - panel.YMin) * (data.Bottom - data.Top));
                _text.Draw(canvas, label, data.Left - _sizes.TickLength - _sizes.TickGap, y + (_sizes.Tick * 0.36), _sizes.Tick, ChartPalette.Ink, SKTextAlign.Right);
            }
        }

        foreach (var bottom in _layout.Panels.Where(p => p.XLabels).Select(p => p.Data))
        {
            double scale = (bottom.Right - bottom.Left) / (X(_last) - X(_first));
            double baseline = bottom.Bottom + _sizes.TickLength + _sizes.TickGap + ChartText.Ascent(_sizes.Tick) * 0.85;
            foreach (var (date, label) in _layout.XTicks)
            {
                double x = bottom.Left + ((X(date) - X(_first)) * scale);
                _text.Draw(canvas, label, x, baseline, _sizes.Tick, ChartPalette.Ink, SKTextAlign.Center);
            }
        }
    }

    private void DrawEventLabels(SKCanvas canvas)
    {
        if (_layout.Labels.Count == 0)
        {
            return;
        }

        var top = _layout.Panels[0].Data;
        using var leader = new SKPaint { Color = EventInk.WithAlpha(0.75).ToSKColor(), StrokeWidth = (float)(0.45 * _sizes.Weight), IsAntialias = true, Style = SKPaintStyle.Stroke };

        // In a grid the labels, placed over the first column, are repeated over every column of the top row.
        var shifts = _layout.Panels.Where(p => p.Data.Top == top.Top).Select(p => p.Data.Left - top.Left);
        foreach (var label in shifts.SelectMany(shift => _layout.Labels.Select(l => l with { Anchor = l.Anchor + shift, Left = l.Left + shift })))
        {
            double rowBottom = _layout.LabelBandBottom - (label.Row * ChartText.LineHeight(_sizes.Event));
            double foot = rowBottom - (_sizes.Event * 0.05);
            canvas.DrawLine((float)label.Anchor, (float)top.Top, (float)label.Anchor, (float)foot, leader);

            // A rule under the label, joined to its leader, ties the label to one line even where a
            // label of a higher row spans the leaders of lower ones.
            canvas.DrawLine((float)Math.Min(label.Left, label.Anchor), (float)foot, (float)Math.Max(label.Right, label.Anchor), (float)foot, leader);
            string text = _events.First(e => e.Id == label.Id).Label;
            double baseline = rowBottom - (ChartText.LineHeight(_sizes.Event) - ChartText.Ascent(_sizes.Event)) - (_sizes.Event * 0.1);
            _text.Draw(canvas, text, label.Left, baseline, _sizes.Event, ChartPalette.Ink);
        }
    }

    private void DrawYLabel(SKCanvas canvas)
    {
        double top = _layout.Panels[0].Data.Top;
        double bottom = _layout.Panels[^1].Data.Bottom;
        // The full label, else the metric's title alone, else as much as fits.
        string label = _layout.YLabels.FirstOrDefault(l => _text.Width(l, _f) <= bottom - top) ?? _text.Fit(_layout.YLabels[^1], _f, bottom - top);
        double x = _sizes.Pad + ChartText.Ascent(_f);
        double y = (top + bottom) / 2;
        canvas.Save();
        canvas.RotateDegrees(-90, (float)x, (float)y);
        _text.Draw(canvas, label, x, y, _f, ChartPalette.Ink, SKTextAlign.Center);
        canvas.Restore();
    }

    private Plot BuildPlot(ChartPanel panel, PanelLayout scale)
    {
        var plot = ChartPlot.Create(_text.Family);
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
            var line = plot.Add.VerticalLine(X(e.Date), (float)((strong ? 0.5 : 0.4) * _sizes.Weight), EventInk.WithAlpha(strong ? 0.75 : 0.35), EventPattern(e));
            line.EnableAutoscale = false;
            line.ExcludeFromLegend = true;
        }

        int lines = panel.Lines.Count;
        var drawOrder = panel.Lines;
        if (_chart.IsDifference)
        {
            // Zero is "no difference from the base": the reference every line is read against.
            var zero = plot.Add.HorizontalLine(0, (float)_sizes.FrameWidth, ScottPlot.Color.FromSKColor(ChartPalette.Ink));
            zero.EnableAutoscale = false;
            zero.ExcludeFromLegend = true;
        }

        foreach (var line in drawOrder.Where(_ => _chart.ShowsBand))
        {
            int from = FirstIndex(line);
            var xs = line.Series.Dates.Skip(from).Select(X).ToArray();
            if (xs.Length == 0)
            {
                continue;
            }

            var band = plot.Add.FillY(xs, [.. line.Series.P05.Skip(from)], [.. line.Series.P95.Skip(from)]);
            band.FillColor = line.Color.WithAlpha(ChartPalette.BandAlpha(lines));
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
            scatter.LineWidth = (float)(line.IsReference ? _sizes.LineWidth * ReferenceWidth : _sizes.LineWidth);
            scatter.LinePattern = Scaled(line.Pattern);
            scatter.MarkerSize = 0;
        }

        plot.Axes.SetLimits(X(_first), X(_last), scale.YMin, scale.YMax);
        var left = new NumericManual();
        foreach (var (value, label) in scale.YTicks)
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

        ChartPlot.Frame(plot, _sizes, left, bottom);

        // Event lines are vertical; vertical grid lines would be mistaken for them.
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = ChartPalette.Grid;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = (float)(0.4 * _sizes.Weight);
        return plot;
    }

    private LinePattern EventPattern(ChartEvent e) => EventPattern(e.Valence, _sizes.Weight);

    // Dashes in points for a stroke factor of weight; the legend draws them at its own stroke factor.
    private static LinePattern EventPattern(string valence, double weight) => valence switch
    {
        "hostile" => LinePattern.Solid,
        "cooperative" => new LinePattern([(float)(2.2 * weight), (float)(1.6 * weight)], 0, "event dash"),
        _ => new LinePattern([(float)(0.6 * weight), (float)(1.4 * weight)], 0, "event dot"),
    };

    // ScottPlot's dash intervals are in points at width 1; thicker lines need longer dashes to keep their look.
    private LinePattern Scaled(LinePattern pattern) =>
        pattern.Intervals is { Length: > 0 } intervals
            ? new LinePattern([.. intervals.Select(i => i * (float)_sizes.LineWidth)], pattern.Phase, pattern.Name)
            : pattern;

    // Days since 1899-12-30, the OLE Automation origin ScottPlot uses, computed for every date
    // (ToOADate refuses dates before the year 100).
    private static double X(DateOnly date) => date.DayNumber - OleOrigin;

    private static readonly int OleOrigin = new DateOnly(1899, 12, 30).DayNumber;

    private static int FirstIndex(ChartLine line)
    {
        // The point on or just before the start, so the line begins where the subject does.
        int index = 0;
        while (line.Start is { } start && index + 1 < line.Series.Dates.Length && line.Series.Dates[index + 1] <= start)
        {
            index++;
        }

        // Points not defined (the first months of a 12-month sum) are not drawn.
        while (index < line.Series.Mean.Length && double.IsNaN(line.Series.Mean[index]))
        {
            index++;
        }

        return index;
    }

    private Layout ComputeLayout()
    {
        double width = _style.WidthInches * 72;
        double height = _style.HeightInches * 72;
        // One value range for the chart, or with own scales one per panel.
        var ranges = _chart.OwnScales
            ? _chart.Panels.Select(p => ValueRange(p.Lines)).ToList()
            : [.. Enumerable.Repeat(ValueRange(_chart.Panels.SelectMany(p => p.Lines)), _chart.Panels.Count)];
        string[] yLabels = _chart.IsDifference && _chart.RollingYear
            ? [$"Variant − base ({MetricTitle.InSentence(_chart.Metric.Title)}, past 12 months)", "Variant − base, past 12 months", "Variant − base"]
            : _chart.IsDifference
            ? [DifferenceYLabel(_chart.Metric, !_chart.ShowsBand, _inputs.Step), DifferenceYLabel(_chart.Metric, !_chart.ShowsBand, null), "Variant − base"]
            : _chart.RollingYear
                ? [$"{_chart.Metric.Title}, past 12 months", _chart.Metric.Title]
                : [YLabel(_chart.Metric, !_chart.ShowsBand, _inputs.Step), _chart.ShowsBand ? _chart.Metric.Title : "Share of runs"];
        var legend = LegendEntries().Concat(EventKeyEntries()).ToList();
        bool subtitle = true;
        int maxRows = Math.Clamp((int)(0.2 * height / ChartText.LineHeight(_sizes.Event)), 1, 4);
        int maxRequestedRows = Math.Clamp((int)(0.3 * height / ChartText.LineHeight(_sizes.Event)), maxRows, 6);
        double estimatedData = height * 0.5;
        Layout? layout = null;
        for (int pass = 0; pass < 4; pass++)
        {
            int maxTicks = Math.Clamp((int)(estimatedData / (ChartText.LineHeight(_sizes.Tick) * 2.0)) + 1, 2, 6);
            var scales = ranges.Select(r =>
            {
                var (tickMin, tickMax, ticks) = ValueTicks.For(r.Low, r.High, r.Floor, r.Ceiling, maxTicks);

                // A little room beyond the outer ticks, so a line at 0 or at 1 is not hidden by the frame.
                return (Min: tickMin - ((tickMax - tickMin) * 0.025), Max: tickMax + ((tickMax - tickMin) * 0.025), Ticks: ticks);
            }).ToList();
            var yTicks = scales.SelectMany(sc => sc.Ticks).ToList();
            // The y tick labels get a fixed width, so that the data areas of all charts of one style start
            // at the same x and stacked figures line up; only a wider label (a count in the tens of
            // thousands) moves the edge.
            double tickLabels = Math.Max(ReservedTickWidth(), yTicks.Max(t => _text.Width(t.Label, _sizes.Tick)));
            double dataLeft = _sizes.Pad + ChartText.LineHeight(_f) + (_f * 0.35) + tickLabels + _sizes.TickLength + _sizes.TickGap;
            double dataRight = width - Math.Max(_sizes.Pad, (_text.Width("2000", _sizes.Tick) / 2) + (_f * 0.2));
            int panels = _chart.Panels.Count;

            // Small multiples go into a grid of equal columns; with own scales every column has its tick labels.
            double columnGap = (_chart.OwnScales ? tickLabels + _sizes.TickLength + _sizes.TickGap : _text.Width("2000", _sizes.Tick)) + (_f * 0.8);
            int columns = Columns(panels, dataRight - dataLeft, columnGap, height);
            double columnWidth = (dataRight - dataLeft - ((columns - 1) * columnGap)) / columns;
            double pitch = columnWidth + columnGap;
            var (xTicks, xMinor) = TimeTicks.For(_first, _last, columnWidth, s => _text.Width(s, _sizes.Tick), _sizes.Tick * 1.2);

            // With several columns the labels are placed over the first and repeated over each column, so each stays within its own.
            double labelMin = columns == 1 ? _sizes.Pad : dataLeft - (columnGap * 0.45);
            double labelMax = columns == 1 ? width - _sizes.Pad : Math.Min(dataLeft + columnWidth + (columnGap * 0.45), width - _sizes.Pad - ((columns - 1) * pitch));
            IReadOnlyList<EventLabelLayout.Placement> Place(int rows)
            {
                var placed = PlaceLabels(dataLeft, dataLeft + columnWidth, labelMin, labelMax, rows);
                if (columns > 1 && Missing(placed).Count > 0)
                {
                    // The first column's labels may reach into the margin left of it when their repeats
                    // over the other columns still keep clear of the labels of the column before.
                    var wide = PlaceLabels(dataLeft, dataLeft + columnWidth, _sizes.Pad, labelMax, rows);
                    if (wide.Count > placed.Count && EventLabelLayout.Repeatable(wide, pitch, columns, LabelGap))
                    {
                        placed = wide;
                    }
                }

                return placed;
            }

            var labels = Place(maxRows);
            for (int extra = maxRows + 1; extra <= maxRequestedRows && Missing(labels).Count > 0; extra++)
            {
                // Labels the scenario asks for get more rows before any is left out.
                var more = Place(extra);
                if (more.Count > labels.Count)
                {
                    labels = more;
                }
            }

            int rows = labels.Count == 0 ? 0 : labels.Max(l => l.Row) + 1;
            var legendItems = _legend.Place(legend, dataLeft, dataRight, width, out int legendRows);

            var (titleBaseline, subtitleBaseline, y) = _sizes.TitleLines(subtitle);

            y += _f * 0.3;
            double labelBandBottom = y + (rows * ChartText.LineHeight(_sizes.Event));
            y = labelBandBottom + (rows > 0 ? _f * 0.35 : 0);
            double axisBelow = _sizes.TickLength + _sizes.TickGap + ChartText.LineHeight(_sizes.Tick);
            double legendHeight = legendRows * ChartText.LineHeight(_sizes.Legend);
            double below = axisBelow + (legendRows > 0 ? _f * 0.5 : 0) + legendHeight + _sizes.Pad;
            int gridRows = (panels + columns - 1) / columns;
            // Headers too long for their panel and naming a subject and a variant take two lines.
            int headerRows = _chart.Panels.Any(p => p.Header is { } h && h.Contains(": ", StringComparison.Ordinal) && _text.Width(h, _sizes.Header, bold: true) > columnWidth) ? 2 : 1;
            double header = panels > 1 ? (headerRows * ChartText.LineHeight(_sizes.Header)) + (_f * 0.1) : 0;
            double gap = panels > 1 ? _f * 0.7 : 0;
            double single = height - y - below;
            double data = RowHeight(gridRows, single);
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
                    maxRequestedRows = 1;
                }

                continue;
            }

            data = Math.Max(data, _f * 2);
            var panelLayouts = new List<PanelLayout>();
            for (int row = 0; row < gridRows; row++)
            {
                double? headerBaseline = panels > 1 ? y + ChartText.Ascent(_sizes.Header) : null;
                y += header;
                for (int p = row * columns; p < Math.Min(panels, (row + 1) * columns); p++)
                {
                    double left = dataLeft + ((p % columns) * pitch);
                    var dataRect = new ChartBox(left, left + columnWidth, y, y + data);

                    // The lowest panel of each column carries the time axis's labels; the others only its ticks.
                    bool axis = p + columns >= panels;
                    double frameBottom = y + data + (axis ? axisBelow : _sizes.TickLength + 1);
                    var frame = columns == 1
                        ? new ChartBox(0, width, y, frameBottom)
                        : new ChartBox(left - _sizes.TickLength - _sizes.FrameWidth - 1, left + columnWidth + (columnGap * 0.4), y, frameBottom);
                    panelLayouts.Add(new PanelLayout(frame, dataRect, headerBaseline, scales[p].Min, scales[p].Max, scales[p].Ticks, axis, p % columns == 0 || _chart.OwnScales));
                }

                y += data + (row == gridRows - 1 ? 0 : gap);
            }

            double legendTop = y + axisBelow + (legendRows > 0 ? _f * 0.5 : 0);
            double totalHeight = legendTop + legendHeight + _sizes.Pad;
            var placedLegend = _legend.At(legendItems, legendTop);
            var next = new Layout(
                width,
                Math.Max(height, totalHeight),
                _text.Width(_chart.Title, _sizes.Title, bold: true) <= width - (2 * _sizes.Pad)
                    ? _chart.Title
                    : _text.Fit(_chart.ShortTitle, _sizes.Title, width - (2 * _sizes.Pad), bold: true),
                titleBaseline,
                _text.Fit(_inputs.ScenarioTitle, _sizes.Subtitle, width - (2 * _sizes.Pad)),
                subtitleBaseline,
                labels,
                labelBandBottom,
                panelLayouts,
                headerRows,
                xTicks,
                xMinor,
                yLabels,
                placedLegend,
                LabelWarnings(labels));
            bool stable = layout is not null
                && layout.Panels.Select(p => p.YTicks.Count).SequenceEqual(next.Panels.Select(p => p.YTicks.Count))
                && Math.Abs(layout.Panels[0].Data.Left - dataLeft) < 0.01;
            layout = next;
            if (stable)
            {
                break;
            }

            estimatedData = data;
        }

        return layout!;
    }

    // Space kept between two event labels of a row.
    private double LabelGap => _sizes.Event * 0.8;

    // Stacked panels keep a readable height each; many rows (small multiples) are kept lower, so the figure stays on a page.
    private double RowHeight(int rows, double single) =>
        rows == 1 ? single : rows <= 2 ? Math.Max(single * 0.62, _f * 5) : Math.Max(single * 0.4, _f * 4);

    /// <summary>
    /// Columns of the grid of <paramref name="panels"/> small multiples: one for up to three panels,
    /// else the number whose panels come closest to the shape of the figure's own plot area, each
    /// column at least ten font sizes wide so that its time axis keeps two labelled ticks, and for
    /// four or five panels at least eighteen (two inches at 8 pt): a short stack in one column of
    /// a narrow figure keeps its headers and event labels whole.
    /// </summary>
    private int Columns(int panels, double dataWidth, double columnGap, double height)
    {
        if (panels < 4)
        {
            return 1;
        }

        double single = height * 0.55;
        double target = dataWidth / single;
        int best = 1;
        double bestScore = double.PositiveInfinity;
        for (int columns = 1; columns <= Math.Min(panels, 6); columns++)
        {
            double columnWidth = (dataWidth - ((columns - 1) * columnGap)) / columns;
            if (columns > 1 && (columnWidth < _f * 10 || (panels < 6 && columnWidth < _f * 18)))
            {
                break;
            }

            int rows = (panels + columns - 1) / columns;
            double score = Math.Abs(Math.Log(columnWidth / RowHeight(rows, single) / target));
            if (score < bestScore - 1e-9)
            {
                (best, bestScore) = (columns, score);
            }
        }

        return best;
    }

    private (double Low, double High, double Floor, double Ceiling) ValueRange(IEnumerable<ChartLine> lines)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (var line in lines)
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
        if (_chart.IsDifference)
        {
            // Differences can be negative, and lie within minus to plus the metric's width; zero is always in view.
            return (Math.Min(low, 0), Math.Max(high, 0), -(ceiling - floor), ceiling - floor);
        }

        if (_inputs.YRanges.TryGetValue(_chart.Metric.Name, out var chosen))
        {
            // The scenario's own range for this metric (outputs.y_range), data outside it clipped at the frame.
            return (chosen.Low, chosen.High, chosen.Low, chosen.High);
        }

        if (_chart.IsShare || double.IsFinite(ceiling))
        {
            // A share, or a metric with a bounded range (trust, tension, readiness): all of it, so
            // that charts of one scale can be compared at a glance (public trust at 0.3 is low trust,
            // not the middle of the axis).
            return (floor, ceiling, floor, ceiling);
        }

        return (low, high, floor, ceiling);
    }

    /// <summary>The range a metric's values can take: (0, 1) for shares, (0, infinity) for counts and stocks.</summary>
    internal static (double Floor, double Ceiling) Bounds(MetricDefinition metric) => metric.Unit switch
    {
        "0-1" or "0 or 1" => (0, 1),
        "0-0.5" => (0, 0.5),
        _ => (0, double.PositiveInfinity),
    };

    /// <summary>The y axis label: what is shown and its unit.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="showsMean">Whether the lines are shares of runs (0/1 metrics).</param>
    /// <param name="step">The step unit, for counts per step; null says "per step".</param>
    internal static string YLabel(MetricDefinition metric, bool showsMean, StepUnit? step)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (showsMean)
        {
            return "Share of runs";
        }

        return metric.Unit switch
        {
            "0-1" => $"{metric.Title} (0–1)",
            "0-0.5" => $"{metric.Title} (0–0.5)",
            "count per step" => $"{metric.Title} per {step?.ToString().ToLowerInvariant() ?? "step"}",
            "cumulative count" => $"{metric.Title} (cumulative)",
            "count" => $"{metric.Title} (count)",
            _ => $"{metric.Title} ({metric.Unit})",
        };
    }

    /// <summary>The y axis label of a difference chart: variant minus base, in the metric's unit.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="showsMean">Whether the lines are differences in the share of runs (0/1 metrics).</param>
    /// <param name="step">The step, for counts per step; null for the shorter label without a unit.</param>
    internal static string DifferenceYLabel(MetricDefinition metric, bool showsMean, StepUnit? step)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (showsMean)
        {
            return step is null ? "Variant − base (share)" : "Variant − base (share of runs)";
        }

        string what = MetricTitle.InSentence(metric.Title);
        if (step is not { } unit)
        {
            return $"Variant − base ({what})";
        }

        return metric.Unit switch
        {
            "0-1" => $"Variant − base ({what}, 0–1)",
            "0-0.5" => $"Variant − base ({what}, 0–0.5)",
            "count per step" => $"Variant − base ({what} per {unit.ToString().ToLowerInvariant()})",
            "cumulative count" => $"Variant − base ({what}, cumulative)",
            "count" => $"Variant − base ({what}, count)",
            _ => $"Variant − base ({what}, {metric.Unit})",
        };
    }

    private List<ChartLegendEntry> LegendEntries()
    {
        var lines = _chart.LegendLines.ToList();
        var entries = new List<ChartLegendEntry>();
        string runs = string.Create(CultureInfo.InvariantCulture, $"{_inputs.Replicates} run{(_inputs.Replicates == 1 ? string.Empty : "s")}");
        string centre = _chart.IsShare ? "Share" : _chart.UsesMean ? "Mean" : "Median";

        // Said on the chart: each point of a 12-month sum is the sum of the monthly counts up to it.
        string rolling = _chart.RollingYear ? ", sum of the past 12 months" : string.Empty;
        bool onePerPanel = _chart.Panels.Count > 1 && _chart.Panels.All(p => p.Lines.Count == 1);
        if (!_chart.IsComparison && (lines.Count == 1 || onePerPanel))
        {
            var line = lines[0];
            entries.Add(new ChartLegendEntry($"{centre} of {runs}{rolling}", line.Color, line.Pattern, LegendSymbol.Line));
            if (_chart.ShowsBand)
            {
                entries.Add(new ChartLegendEntry("5–95% range", line.Color, LinePattern.Solid, LegendSymbol.Band));
            }

            return entries;
        }

        entries.AddRange(lines.Select(l => new ChartLegendEntry(l.Label, l.Color, l.Pattern, LegendSymbol.Line, l.IsReference ? ReferenceWidth : 1)));
        if (_chart.IsDifference)
        {
            string pairs = string.Create(CultureInfo.InvariantCulture, $"{_inputs.Replicates} pair{(_inputs.Replicates == 1 ? string.Empty : "s")}");
            entries.Add(_chart.ShowsBand
                ? new ChartLegendEntry($"{centre.ToLowerInvariant()} of paired differences; shading: 5–95% of {pairs}", ScottPlot.Color.FromHex("#404040"), LinePattern.Solid, LegendSymbol.BandWithLine)
                : _chart.RollingYear
                ? new ChartLegendEntry($"mean of paired differences over {pairs}{rolling}", ScottPlot.Colors.Transparent, LinePattern.Solid, LegendSymbol.None)
                : new ChartLegendEntry($"mean of {pairs} of runs: the difference in the share of runs", ScottPlot.Colors.Transparent, LinePattern.Solid, LegendSymbol.None));
            return entries;
        }

        if (_chart.RollingYear)
        {
            entries.Add(new ChartLegendEntry($"lines: means of {runs}{rolling}", ScottPlot.Colors.Transparent, LinePattern.Solid, LegendSymbol.None));
        }

        if (_chart.ShowsBand)
        {
            entries.Add(new ChartLegendEntry($"{centre.ToLowerInvariant()}s; shading: 5–95% of {runs}", ScottPlot.Color.FromHex("#404040"), LinePattern.Solid, LegendSymbol.BandWithLine));
        }

        return entries;
    }

    // The event marks drawn on this chart, in a fixed order, each said once: a reader of a figure
    // without its caption still learns what a solid line or a grey span means.
    private List<ChartLegendEntry> EventKeyEntries()
    {
        var entries = new List<ChartLegendEntry>();
        var lines = _events.Where(e => !e.IsSpan).Select(e => e.Valence).ToHashSet(StringComparer.Ordinal);
        var ink = EventInk.WithAlpha(0.75);
        if (lines.Contains("hostile"))
        {
            entries.Add(new ChartLegendEntry("hostile event", ink, LinePattern.Solid, LegendSymbol.EventLine, 0.5));
        }

        if (lines.Contains("cooperative"))
        {
            entries.Add(new ChartLegendEntry("cooperative event", ink, EventPattern("cooperative", _sizes.Weight), LegendSymbol.EventLine, 0.5));
        }

        if (lines.Any(v => v is not "hostile" and not "cooperative"))
        {
            entries.Add(new ChartLegendEntry("other event", ink, EventPattern(string.Empty, _sizes.Weight), LegendSymbol.EventLine, 0.5));
        }

        if (_events.Any(e => e.IsSpan))
        {
            entries.Add(new ChartLegendEntry("event lasting months", SpanFill, LinePattern.Solid, LegendSymbol.Span));
        }

        return entries;
    }

    // Widest y tick label reserved on every chart: a signed difference with three decimals.
    private double ReservedTickWidth() => _text.Width("−0.000", _sizes.Tick);

    // The events label_events asks for, on this chart's dates, whose labels are not placed.
    private List<ChartEvent> Missing(IReadOnlyList<EventLabelLayout.Placement> placed)
    {
        if (_inputs.LabelEvents.IsDefaultOrEmpty)
        {
            return [];
        }

        var ids = placed.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return [.. _events.Where(e => _inputs.LabelEvents.Contains(e.Id) && !ids.Contains(e.Id))];
    }

    private List<string> LabelWarnings(IReadOnlyList<EventLabelLayout.Placement> placed)
    {
        var missing = Missing(placed);
        if (missing.Count == 0)
        {
            return [];
        }

        string names = string.Join(", ", missing.OrderBy(e => e.Date).Select(e => e.Label.Length > 0 ? $"{e.Id} ({e.Label})" : $"{e.Id} (no label text)"));
        return [$"no room for the label of {names}; the event keeps its line (widen the chart, lower the font size or list fewer label_events)"];
    }

    private IReadOnlyList<EventLabelLayout.Placement> PlaceLabels(double dataLeft, double dataRight, double minX, double maxX, int rows)
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
            .Select(e => new EventLabelLayout.Request(e.Id, Anchor(e), _text.Width(e.Label, _sizes.Event)));
        return EventLabelLayout.Place(requests, rows, minX, maxX, LabelGap);
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
        int HeaderRows,
        IReadOnlyList<(DateOnly Date, string Label)> XTicks,
        IReadOnlyList<DateOnly> XMinorTicks,
        IReadOnlyList<string> YLabels,
        IReadOnlyList<ChartLegend.Item> Legend,
        IReadOnlyList<string> Warnings);

    private sealed record PanelLayout(
        ChartBox Frame,
        ChartBox Data,
        double? HeaderBaseline,
        double YMin,
        double YMax,
        IReadOnlyList<(double Value, string Label)> YTicks,
        bool XLabels,
        bool YLabels);
}

using System.Globalization;
using ScottPlot;
using SkiaSharp;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// The posterior predictive chart of one metric, in the run charts' style: dates on the x axis, a
/// light band for the 5–95% over runs at many posterior particles (parameter uncertainty and
/// replicate noise), a darker band for the 5–95% over replicates at the posterior's central
/// parameters (replicate noise alone), the median line, and the observed data as markers with
/// error bars where their range is given. The bands differ in lightness, not only in hue, so
/// they stay apart in greyscale print.
/// </summary>
public static class PredictiveChart
{
    /// <summary>Opacity of the band of parameter uncertainty and replicate noise.</summary>
    internal const double WideAlpha = 0.2;

    /// <summary>Opacity of the band of replicate noise alone, drawn over the wide band.</summary>
    internal const double NoiseAlpha = 0.45;

    /// <summary>Markers of the observations' labels, in order of first appearance.</summary>
    private static readonly string[] Shapes = ["circle", "square", "triangle", "diamond"];

    /// <summary>
    /// Draws the chart at the style's size and writes <c>stem.png</c> and/or <c>stem.svg</c> into
    /// <paramref name="folder"/> (created if needed), atomically; returns the file names written.
    /// </summary>
    /// <param name="folder">The folder to write into.</param>
    /// <param name="stem">The file name without extension.</param>
    /// <param name="series">The metric, its predictive band and the observations.</param>
    /// <param name="style">Size, resolution, font and formats.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="ArgumentException">No dates, dates not increasing, bands of another length than the dates, a value that is not finite, a band upside down, an observation outside its own range, or an invalid style.</exception>
    public static IReadOnlyList<string> Save(string folder, string stem, PredictiveChartInput series, ChartStyle style, CancellationToken cancellationToken = default)
    {
        PosteriorInput.Check(series);
        var figure = CalibrationFigure.For(style);
        var layout = new Layout(figure, series!);
        return figure.Save(folder, stem, layout.Width, layout.Height, layout.Draw, cancellationToken);
    }

    // Days as numbers for the x axis.
    private static double X(DateOnly date) => date.DayNumber;

    private sealed class Layout
    {
        private readonly CalibrationFigure _figure;
        private readonly PredictiveChartInput _series;
        private readonly List<string> _labels;
        private readonly string _title;
        private readonly string _subtitle;
        private readonly string _yLabel;
        private readonly (double Title, double? Subtitle) _titleBaselines;
        private readonly XyScale _scale;
        private readonly IReadOnlyList<(double Value, string Label)> _yTicks;
        private readonly IReadOnlyList<(DateOnly Date, string Label)> _xTicks;
        private readonly IReadOnlyList<DateOnly> _xMinor;
        private readonly IReadOnlyList<(ChartLegend.Item Item, LegendMark Mark)> _legend;

        public Layout(CalibrationFigure figure, PredictiveChartInput series)
        {
            _figure = figure;
            _series = series;
            _labels = [.. series.Observed.Select(o => o.Label).Distinct(StringComparer.Ordinal)];
            var sizes = figure.Sizes;
            double f = figure.F;
            double pad = sizes.Pad;
            Width = figure.Style.WidthInches * 72;
            Height = figure.Style.HeightInches * 72;
            var band = series.Band;
            var first = series.Observed.Select(o => o.Date).Append(band.Dates[0]).Min();
            var last = series.Observed.Select(o => o.Date).Append(band.Dates[^1]).Max();
            if (first == last)
            {
                // One date: a month either side, so the axis has a length.
                (first, last) = (first.AddDays(-30), last.AddDays(30));
            }

            var values = band.Low.Concat(band.High).Concat(band.NoiseLow).Concat(band.NoiseHigh).Concat(band.Median)
                .Concat(series.Observed.SelectMany(o => new[] { o.Value, o.Low ?? o.Value, o.High ?? o.Value }))
                .ToList();
            double low = Math.Max(series.Floor, values.Min());
            double high = Math.Min(series.Ceiling, values.Max());
            bool subtitle = !string.IsNullOrWhiteSpace(series.Subtitle);
            var (titleBaseline, subtitleBaseline, below) = sizes.TitleLines(subtitle);
            _titleBaselines = (titleBaseline, subtitleBaseline);
            _title = figure.Text.Fit(series.Title, sizes.Title, Width - (2 * pad), bold: true);
            _subtitle = figure.Text.Fit(series.Subtitle ?? string.Empty, sizes.Subtitle, Width - (2 * pad));
            double dataTop = below + (f * 0.3) + (sizes.Tick * 0.5);
            var marks = Marks();
            _ = figure.PlaceLegend(marks, Width, 0, out int legendRows);
            double legendHeight = legendRows * ChartText.LineHeight(sizes.Legend);
            double dataBottom = Height - (figure.AxisBelow + (f * 0.5) + legendHeight + pad);
            if (dataBottom - dataTop < f * 3)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A {figure.Style.WidthInches} x {figure.Style.HeightInches} in chart leaves no room for the plot under the title and over the legend; make it taller."),
                    nameof(series));
            }

            int maxTicks = Math.Clamp((int)((dataBottom - dataTop) / (ChartText.LineHeight(sizes.Tick) * 2.0)) + 1, 2, 6);
            var (tickMin, tickMax, yTicks) = ValueTicks.For(low, high, series.Floor, series.Ceiling, maxTicks);
            _yTicks = yTicks;
            double yMin = tickMin - ((tickMax - tickMin) * 0.025);
            double yMax = tickMax + ((tickMax - tickMin) * 0.025);
            double tickLabels = yTicks.Max(t => figure.Text.Width(t.Label, sizes.Tick));
            double dataLeft = pad + ChartText.LineHeight(f) + (f * 0.35) + tickLabels + sizes.TickLength + sizes.TickGap;
            double dataRight = Width - Math.Max(pad, (figure.Text.Width("2000", sizes.Tick) / 2) + (f * 0.2));
            (_xTicks, _xMinor) = TimeTicks.For(first, last, dataRight - dataLeft, s => figure.Text.Width(s, sizes.Tick), sizes.Tick * 1.2);
            _scale = new XyScale(new ChartBox(dataLeft, dataRight, dataTop, dataBottom), X(first), X(last), yMin, yMax);
            string metric = series.Unit.Length == 0 ? series.Metric : $"{series.Metric} ({series.Unit})";
            _yLabel = figure.Text.Width(metric, f) <= dataBottom - dataTop ? metric : figure.Text.Fit(series.Metric, f, dataBottom - dataTop);
            _legend = figure.PlaceLegend(marks, Width, dataBottom + figure.AxisBelow + (f * 0.5), out _);
        }

        public double Width { get; }

        public double Height { get; }

        public void Draw(SKCanvas canvas)
        {
            var sizes = _figure.Sizes;
            var data = _scale.Data;
            var band = _series.Band;
            double[] xs = [.. band.Dates.Select(X)];
            var color = ChartPalette.ColorAt(0);
            _figure.RenderPanel(
                canvas,
                data,
                (_scale.XMin, _scale.XMax, _scale.YMin, _scale.YMax),
                _xTicks.Select(t => X(t.Date)),
                _yTicks.Select(t => t.Value),
                plot =>
                {
                    var wide = plot.Add.FillY(xs, [.. band.Low], [.. band.High]);
                    wide.FillColor = color.WithAlpha(WideAlpha);
                    wide.LineWidth = 0;
                    var noise = plot.Add.FillY(xs, [.. band.NoiseLow], [.. band.NoiseHigh]);
                    noise.FillColor = color.WithAlpha(NoiseAlpha);
                    noise.LineWidth = 0;
                    var median = plot.Add.ScatterLine(xs, [.. band.Median], color);
                    median.LineWidth = (float)sizes.LineWidth;
                    median.MarkerSize = 0;
                },
                horizontalGrid: true);
            DrawMinorTicks(canvas);
            DrawObserved(canvas);
            _figure.DrawYTickLabels(canvas, data, _scale.YMin, _scale.YMax, _yTicks);
            _figure.DrawXTickLabels(canvas, data, _scale.XMin, _scale.XMax, _xTicks.Select(t => (X(t.Date), t.Label)));
            _figure.DrawVertical(canvas, _yLabel, sizes.Pad + ChartText.Ascent(_figure.F), (data.Top + data.Bottom) / 2, _figure.F);
            _figure.Text.Draw(canvas, _title, sizes.Pad, _titleBaselines.Title, sizes.Title, ChartPalette.Ink, bold: true);
            if (_titleBaselines.Subtitle is { } sub)
            {
                _figure.Text.Draw(canvas, _subtitle, sizes.Pad, sub, sizes.Subtitle, ChartPalette.Muted);
            }

            _figure.DrawLegend(canvas, _legend);
        }

        private List<LegendMark> Marks()
        {
            var sizes = _figure.Sizes;
            var color = ChartPalette.ColorAt(0);
            var marks = new List<LegendMark>
            {
                new(new ChartLegendEntry("median", color, LinePattern.Solid, LegendSymbol.Line), CalibrationFigure.LineSymbol(color, LinePattern.Solid, sizes.LineWidth)),
                new(new ChartLegendEntry("5–95%: parameters and run noise", color, LinePattern.Solid, LegendSymbol.Band), (canvas, box) => Swatch(canvas, box, noise: false)),
                new(new ChartLegendEntry("5–95%: run noise at the central parameters", color, LinePattern.Solid, LegendSymbol.Band), (canvas, box) => Swatch(canvas, box, noise: true)),
            };
            for (int i = 0; i < _labels.Count; i++)
            {
                string label = _labels[i];
                bool bars = _series.Observed.Any(o => o.Label == label && (o.Low is not null || o.High is not null));
                string text = (label.Length == 0 ? "observed" : label) + (bars ? " (with range)" : string.Empty);
                int shape = i;
                marks.Add(new LegendMark(
                    new ChartLegendEntry(text, ChartPalette.Black, LinePattern.Solid, LegendSymbol.Dot),
                    (canvas, box) =>
                    {
                        double x = (box.Left + box.Right) / 2;
                        double y = (box.Top + box.Bottom) / 2;
                        if (bars)
                        {
                            ErrorBar(canvas, x, box.Top, box.Bottom);
                        }

                        Marker(canvas, shape, x, y);
                    }));
            }

            return marks;
        }

        private static void Swatch(SKCanvas canvas, ChartBox box, bool noise)
        {
            // The noise band lies over the wide one in the chart; its swatch shows it so.
            var color = ChartPalette.ColorAt(0);
            var rect = new SKRect((float)box.Left, (float)box.Top, (float)box.Right, (float)box.Bottom);
            using var paint = new SKPaint { Color = color.WithAlpha(WideAlpha).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawRect(rect, paint);
            if (noise)
            {
                paint.Color = color.WithAlpha(NoiseAlpha).ToSKColor();
                canvas.DrawRect(rect, paint);
            }
        }

        private void DrawMinorTicks(SKCanvas canvas)
        {
            var data = _scale.Data;
            using var stroke = CalibrationFigure.Stroke(Color.FromSKColor(ChartPalette.Ink), _figure.Sizes.FrameWidth * 0.8, LinePattern.Solid);
            foreach (var date in _xMinor)
            {
                float x = (float)_scale.X(X(date));
                canvas.DrawLine(x, (float)data.Bottom, x, (float)(data.Bottom + (_figure.Sizes.TickLength * 0.55)), stroke);
            }
        }

        private void DrawObserved(SKCanvas canvas)
        {
            var data = _scale.Data;
            canvas.Save();
            canvas.ClipRect(new SKRect((float)data.Left - 4, (float)data.Top, (float)data.Right + 4, (float)data.Bottom));
            foreach (var point in _series.Observed)
            {
                double x = _scale.X(X(point.Date));
                if (point.Low is not null || point.High is not null)
                {
                    ErrorBar(canvas, x, _scale.Y(point.High ?? point.Value), _scale.Y(point.Low ?? point.Value));
                }
            }

            foreach (var point in _series.Observed)
            {
                Marker(canvas, _labels.IndexOf(point.Label), _scale.X(X(point.Date)), _scale.Y(point.Value));
            }

            canvas.Restore();
        }

        private void ErrorBar(SKCanvas canvas, double x, double top, double bottom)
        {
            double cap = 1.3 * _figure.Sizes.Weight;
            using var stroke = CalibrationFigure.Stroke(Color.FromSKColor(ChartPalette.Ink), _figure.Sizes.FrameWidth * 1.1, LinePattern.Solid);
            canvas.DrawLine((float)x, (float)top, (float)x, (float)bottom, stroke);
            canvas.DrawLine((float)(x - cap), (float)top, (float)(x + cap), (float)top, stroke);
            canvas.DrawLine((float)(x - cap), (float)bottom, (float)(x + cap), (float)bottom, stroke);
        }

        // A filled marker in ink with a thin white rim, which keeps it apart from the line and bands under it.
        private void Marker(SKCanvas canvas, int shape, double x, double y)
        {
            float r = (float)(1.7 * _figure.Sizes.Weight);
            using var path = new SKPath();
            switch (Shapes[shape % Shapes.Length])
            {
                case "square":
                    path.AddRect(new SKRect((float)x - (r * 0.85f), (float)y - (r * 0.85f), (float)x + (r * 0.85f), (float)y + (r * 0.85f)));
                    break;
                case "triangle":
                    path.MoveTo((float)x, (float)y - (r * 1.15f));
                    path.LineTo((float)x + r, (float)y + (r * 0.75f));
                    path.LineTo((float)x - r, (float)y + (r * 0.75f));
                    path.Close();
                    break;
                case "diamond":
                    path.MoveTo((float)x, (float)y - (r * 1.2f));
                    path.LineTo((float)x + r, (float)y);
                    path.LineTo((float)x, (float)y + (r * 1.2f));
                    path.LineTo((float)x - r, (float)y);
                    path.Close();
                    break;
                default:
                    path.AddCircle((float)x, (float)y, r);
                    break;
            }

            using var rim = new SKPaint { Color = SKColors.White, StrokeWidth = (float)(0.5 * _figure.Sizes.Weight), Style = SKPaintStyle.Stroke, IsAntialias = true };
            using var fill = new SKPaint { Color = ChartPalette.Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, rim);
            canvas.DrawPath(path, fill);
        }
    }
}

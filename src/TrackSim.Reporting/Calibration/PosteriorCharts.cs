using System.Globalization;
using ScottPlot;
using SkiaSharp;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// Charts of a weighted posterior sample (the final generation of an ABC-SMC run), in the run
/// charts' style: each parameter's marginal on its prior's range, and the pairwise plot of every
/// two parameters. Particle i has the value <c>Values[i]</c> of every parameter and the weight
/// <c>weights[i]</c>; weights are normalised (they sum to 1).
/// </summary>
public static class PosteriorCharts
{
    /// <summary>The narrowest a marginal panel may be, in inches; the figure has as many columns as fit its width.</summary>
    public const double MinMarginalWidthInches = 1.45;

    /// <summary>The smallest panel of the pairwise plot, in inches: a plot of many parameters is made wider than the style's width to keep its panels this size.</summary>
    public const double MinPairPanelInches = 0.85;

    /// <summary>
    /// One figure with a panel per parameter, in rows of as many columns as fit the style's width:
    /// the weighted histogram of the particles as a density, on an x axis spanning the prior's
    /// range, its central 5–95% shaded darker, the weighted median as a line, and the prior's
    /// density as a dashed box; the panel's title is the parameter's key and unit, with the median
    /// and interval in figures under it. The figure is the style's width and at least its height,
    /// taller when the rows need it. Writes <c>stem.png</c> and/or <c>stem.svg</c> into
    /// <paramref name="folder"/> (created if needed), atomically, and returns the file names written.
    /// </summary>
    /// <param name="folder">The folder to write into.</param>
    /// <param name="stem">The file name without extension.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="parameters">The parameters, in panel order.</param>
    /// <param name="weights">The particles' normalised weights.</param>
    /// <param name="style">Size, resolution, font and formats.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="ArgumentException">No parameter, mismatched lengths, weights that are negative or do not sum to 1, a prior whose low bound is not below its high bound, a value outside its prior, or an invalid style.</exception>
    public static IReadOnlyList<string> Marginals(
        string folder,
        string stem,
        string title,
        IReadOnlyList<PosteriorParameter> parameters,
        IReadOnlyList<double> weights,
        ChartStyle style,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PosteriorInput.Check(parameters, weights);
        var figure = CalibrationFigure.For(style);
        var layout = new MarginalsLayout(figure, title, parameters, weights);
        return figure.Save(folder, stem, layout.Width, layout.Height, layout.Draw, cancellationToken);
    }

    /// <summary>
    /// The pairwise plot: a k × k grid with each parameter's marginal on the diagonal (drawn as in
    /// <see cref="Marginals"/>), below it the particles of each pair as dots, more opaque the
    /// heavier the particle, with the weighted medians as thin lines, and above it the weighted
    /// correlation of the pair; every axis spans its prior's range. The figure is the style's width,
    /// or wider when k panels of <see cref="MinPairPanelInches"/> need it, and as tall as the square
    /// grid, its labels and legend need. Writes <c>stem.png</c> and/or <c>stem.svg</c> into
    /// <paramref name="folder"/> (created if needed), atomically, and returns the file names written.
    /// </summary>
    /// <param name="folder">The folder to write into.</param>
    /// <param name="stem">The file name without extension.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="parameters">The parameters, at least two, in the grid's order.</param>
    /// <param name="weights">The particles' normalised weights.</param>
    /// <param name="style">Resolution, font and formats; its width is the figure's least width.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="ArgumentException">Fewer than two parameters, or any problem <see cref="Marginals"/> refuses.</exception>
    public static IReadOnlyList<string> Pairs(
        string folder,
        string stem,
        string title,
        IReadOnlyList<PosteriorParameter> parameters,
        IReadOnlyList<double> weights,
        ChartStyle style,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PosteriorInput.Check(parameters, weights);
        if (parameters.Count < 2)
        {
            throw new ArgumentException("A pairwise plot needs at least two parameters; draw one with Marginals.", nameof(parameters));
        }

        var figure = CalibrationFigure.For(style);
        var layout = new PairsLayout(figure, title, parameters, weights);
        return figure.Save(folder, stem, layout.Width, layout.Height, layout.Draw, cancellationToken);
    }

    /// <summary>The line under the title of both charts: the particles and their effective sample size.</summary>
    internal static string Describe(IReadOnlyList<double> weights)
    {
        double ess = WeightedStatistics.EffectiveSampleSize(weights);
        return string.Create(CultureInfo.InvariantCulture, $"{weights.Count} particles, effective sample size {ess:0}");
    }

    /// <summary>
    /// The median and interval of a parameter in figures, for a panel's second line, longest first:
    /// the first that fits the panel is drawn.
    /// </summary>
    internal static IReadOnlyList<string> Figures(PosteriorParameter parameter, MarkedInterval summary)
    {
        double span = parameter.PriorHigh - parameter.PriorLow;
        string median = CalibrationFigure.Number(summary.Median, span);
        string low = CalibrationFigure.Number(summary.Low, span);
        string high = CalibrationFigure.Number(summary.High, span);
        return [$"median {median}, 5–95%: {low} to {high}", $"median {median} ({low} to {high})", $"{median} ({low} to {high})"];
    }

    /// <summary>Where everything of the marginals figure goes, in points.</summary>
    private sealed class MarginalsLayout
    {
        private readonly CalibrationFigure _figure;
        private readonly string _title;
        private readonly string _subtitle;
        private readonly IReadOnlyList<PosteriorParameter> _parameters;
        private readonly MarginalPanel[] _panels;
        private readonly List<(ChartBox Data, IReadOnlyList<(double Value, string Label)> Ticks, double HeaderBaseline)> _boxes = [];
        private readonly IReadOnlyList<(ChartLegend.Item Item, LegendMark Mark)> _legend;
        private readonly (double Title, double? Subtitle) _titleBaselines;
        private readonly int _form;

        public MarginalsLayout(CalibrationFigure figure, string title, IReadOnlyList<PosteriorParameter> parameters, IReadOnlyList<double> weights)
        {
            _figure = figure;
            _title = title;
            _parameters = parameters;
            _panels = [.. parameters.Select(p => new MarginalPanel(p, weights))];
            var sizes = figure.Sizes;
            double f = figure.F;
            double pad = sizes.Pad;
            Width = figure.Style.WidthInches * 72;
            _subtitle = figure.Text.Fit(Describe(weights), sizes.Subtitle, Width - (2 * pad));
            int k = parameters.Count;
            int columns = Math.Clamp((int)Math.Floor((Width - (2 * pad)) / (MinMarginalWidthInches * 72)), 1, k);
            int rows = (k + columns - 1) / columns;
            double cell = (Width - (2 * pad)) / columns;

            // A tick label at the prior's bound is centred on the frame's edge: room for half of the widest.
            double EndLabel(PosteriorParameter p) => ValueTicks.For(p.PriorLow, p.PriorHigh, p.PriorLow, p.PriorHigh, 3).Ticks
                .Select(t => figure.Text.Width(t.Label, sizes.Tick)).DefaultIfEmpty(0).Max();
            double side = Math.Max(f * 0.5, (parameters.Max(EndLabel) / 2) + (f * 0.15));
            double dataWidth = cell - (2 * side);
            var (titleBaseline, subtitleBaseline, below) = sizes.TitleLines(subtitle: true);
            _titleBaselines = (titleBaseline, subtitleBaseline);
            double panelsTop = below + (f * 0.4);
            double heading = ChartText.LineHeight(sizes.Header) + ChartText.LineHeight(sizes.Subtitle) + (f * 0.25);
            double gap = f * 0.7;
            var marks = MarginalPanel.Legend(figure, weights.Count);
            _ = figure.PlaceLegend(marks, Width, 0, out int legendRows);
            double legendHeight = legendRows * ChartText.LineHeight(sizes.Legend);
            double fixedHeight = panelsTop + (rows * (heading + figure.AxisBelow)) + ((rows - 1) * gap) + (f * 0.5) + legendHeight + pad;
            double dataHeight = dataWidth * 0.55;
            Height = Math.Max(figure.Style.HeightInches * 72, fixedHeight + (rows * dataHeight));
            dataHeight = (Height - fixedHeight) / rows;

            for (int i = 0; i < k; i++)
            {
                int row = i / columns;
                int column = i % columns;
                double top = panelsTop + (row * (heading + dataHeight + figure.AxisBelow + gap));
                var data = new ChartBox(pad + (column * cell) + side, pad + ((column + 1) * cell) - side, top + heading, top + heading + dataHeight);
                var p = parameters[i];
                _boxes.Add((data, figure.Ticks(p.PriorLow, p.PriorHigh, data.Width), top + ChartText.Ascent(sizes.Header)));
            }

            double legendTop = panelsTop + (rows * (heading + dataHeight + figure.AxisBelow)) + ((rows - 1) * gap) + (f * 0.5);
            _legend = figure.PlaceLegend(marks, Width, legendTop, out _);

            // The same form of the figures in every panel: the longest that fits them all.
            double room = Room(_boxes[0].Data);
            var forms = _panels.Select((panel, i) => Figures(parameters[i], panel.Summary)).ToList();
            _form = Enumerable.Range(0, forms[0].Count).FirstOrDefault(form => forms.All(f => figure.Text.Width(f[form], sizes.Subtitle) <= room), forms[0].Count - 1);
        }

        public double Width { get; }

        public double Height { get; }

        public void Draw(SKCanvas canvas)
        {
            var sizes = _figure.Sizes;
            var text = _figure.Text;
            for (int i = 0; i < _panels.Length; i++)
            {
                var panel = _panels[i];
                var parameter = _parameters[i];
                var (data, ticks, headerBaseline) = _boxes[i];
                var (xMin, xMax) = panel.XLimits;
                _figure.RenderPanel(canvas, data, (xMin, xMax, 0, panel.YMax), ticks.Select(t => t.Value), [], plot => panel.Add(plot, sizes), horizontalGrid: false);
                _figure.DrawXTickLabels(canvas, data, xMin, xMax, ticks);
                double room = Room(data);
                text.Draw(canvas, _figure.Name(parameter, sizes.Header, room, bold: true), data.Left, headerBaseline, sizes.Header, ChartPalette.Ink, bold: true);
                double second = headerBaseline + ChartText.LineHeight(sizes.Header) - ChartText.Ascent(sizes.Header) + ChartText.Ascent(sizes.Subtitle);
                text.Draw(canvas, text.Fit(Figures(parameter, panel.Summary)[_form], sizes.Subtitle, room), data.Left, second, sizes.Subtitle, ChartPalette.Muted);
            }

            text.Draw(canvas, text.Fit(_title, sizes.Title, Width - (2 * sizes.Pad), bold: true), sizes.Pad, _titleBaselines.Title, sizes.Title, ChartPalette.Ink, bold: true);
            text.Draw(canvas, _subtitle, sizes.Pad, _titleBaselines.Subtitle!.Value, sizes.Subtitle, ChartPalette.Muted);
            _figure.DrawLegend(canvas, _legend);
        }

        // The width a panel's title lines may take: its data area and a little of the margin beside it.
        private double Room(ChartBox data) => data.Width + (2 * _figure.Sizes.Pad);
    }

    /// <summary>Where everything of the pairwise plot goes, in points.</summary>
    private sealed class PairsLayout
    {
        private readonly CalibrationFigure _figure;
        private readonly string _title;
        private readonly string _subtitle;
        private readonly IReadOnlyList<PosteriorParameter> _parameters;
        private readonly IReadOnlyList<double> _weights;
        private readonly MarginalPanel[] _panels;
        private readonly IReadOnlyList<(double Value, string Label)>[] _ticks;
        private readonly double _left;
        private readonly double _top;
        private readonly double _cell;
        private readonly double _gap;
        private readonly IReadOnlyList<(ChartLegend.Item Item, LegendMark Mark)> _legend;
        private readonly (double Title, double? Subtitle) _titleBaselines;

        public PairsLayout(CalibrationFigure figure, string title, IReadOnlyList<PosteriorParameter> parameters, IReadOnlyList<double> weights)
        {
            _figure = figure;
            _title = title;
            _parameters = parameters;
            _weights = weights;
            _panels = [.. parameters.Select(p => new MarginalPanel(p, weights))];
            var sizes = figure.Sizes;
            double f = figure.F;
            double pad = sizes.Pad;
            int k = parameters.Count;
            double side = figure.Text.Width("0.00", sizes.Tick) / 2;
            Width = Math.Max(figure.Style.WidthInches * 72, (k * MinPairPanelInches * 72) + (f * 6));

            // The left margin holds the y tick labels, which depend on the panels' size: settle it in a few passes.
            _ticks = [.. parameters.Select(p => figure.Ticks(p.PriorLow, p.PriorHigh, Width / k))];
            for (int pass = 0; pass < 3; pass++)
            {
                double labels = _ticks.Skip(1).SelectMany(t => t).Select(t => figure.Text.Width(t.Label, sizes.Tick)).DefaultIfEmpty(0).Max();
                _left = pad + ChartText.LineHeight(f) + (f * 0.25) + labels + sizes.TickLength + sizes.TickGap;

                // Panels stand apart by the widest tick label, so the labels at the ends of neighbouring axes do not run together.
                _gap = Math.Max(f * 0.45, _ticks.SelectMany(t => t).Select(t => figure.Text.Width(t.Label, sizes.Tick)).DefaultIfEmpty(0).Max() + (sizes.Tick * 0.5));
                _cell = (Width - _left - pad - side) / k;
                _ticks = [.. parameters.Select(p => figure.Ticks(p.PriorLow, p.PriorHigh, _cell - _gap))];
            }

            var (titleBaseline, subtitleBaseline, below) = sizes.TitleLines(subtitle: true);
            _titleBaselines = (titleBaseline, subtitleBaseline);
            _subtitle = figure.Text.Fit(Describe(weights), sizes.Subtitle, Width - (2 * pad));
            _top = below + (f * 0.4);
            double gridBottom = _top + (k * _cell);
            double legendTop = gridBottom + figure.AxisBelow + ChartText.LineHeight(f) + (f * 0.5);
            var marks = MarginalPanel.Legend(figure, weights.Count).Append(ParticleMark(figure)).ToList();
            marks.Add(new LegendMark(new ChartLegendEntry("r: weighted correlation", ChartPalette.Black, LinePattern.Solid, LegendSymbol.None), (_, _) => { }));
            _legend = figure.PlaceLegend(marks, Width, legendTop, out int legendRows);
            Height = legendTop + (legendRows * ChartText.LineHeight(sizes.Legend)) + pad;
        }

        public double Width { get; }

        public double Height { get; }

        public void Draw(SKCanvas canvas)
        {
            var sizes = _figure.Sizes;
            var text = _figure.Text;
            int k = _parameters.Count;
            for (int row = 0; row < k; row++)
            {
                for (int column = 0; column < k; column++)
                {
                    var data = Box(row, column);
                    if (column > row)
                    {
                        DrawCorrelation(canvas, data, row, column);
                        continue;
                    }

                    var xPanel = _panels[column];
                    var (xMin, xMax) = xPanel.XLimits;
                    var xTicks = _ticks[column].Select(t => t.Value).ToArray();
                    if (row == column)
                    {
                        _figure.RenderPanel(canvas, data, (xMin, xMax, 0, xPanel.YMax), xTicks, [], plot => xPanel.Add(plot, sizes), horizontalGrid: false);
                    }
                    else
                    {
                        var (yMin, yMax) = _panels[row].XLimits;
                        _figure.RenderPanel(canvas, data, (xMin, xMax, yMin, yMax), xTicks, _ticks[row].Select(t => t.Value), _ => { }, horizontalGrid: false);
                        DrawParticles(canvas, data, row, column, (xMin, xMax, yMin, yMax));
                        if (column == 0)
                        {
                            _figure.DrawYTickLabels(canvas, data, yMin, yMax, _ticks[row]);
                        }
                    }

                    if (row == k - 1)
                    {
                        _figure.DrawXTickLabels(canvas, data, xMin, xMax, _ticks[column]);
                    }
                }
            }

            double labelBaseline = _top + (k * _cell) - (_gap / 2) + _figure.AxisBelow + ChartText.Ascent(_figure.F);
            for (int i = 0; i < k; i++)
            {
                var box = Box(i, i);
                string label = _figure.Name(_parameters[i], _figure.F, _cell);
                text.Draw(canvas, label, (box.Left + box.Right) / 2, labelBaseline, _figure.F, ChartPalette.Ink, SKTextAlign.Center);
                if (i > 0)
                {
                    _figure.DrawVertical(canvas, label, sizes.Pad + ChartText.Ascent(_figure.F), (box.Top + box.Bottom) / 2, _figure.F);
                }
            }

            text.Draw(canvas, text.Fit(_title, sizes.Title, Width - (2 * sizes.Pad), bold: true), sizes.Pad, _titleBaselines.Title, sizes.Title, ChartPalette.Ink, bold: true);
            text.Draw(canvas, _subtitle, sizes.Pad, _titleBaselines.Subtitle!.Value, sizes.Subtitle, ChartPalette.Muted);
            _figure.DrawLegend(canvas, _legend);
        }

        private ChartBox Box(int row, int column) => new(
            _left + (column * _cell) + (_gap / 2),
            _left + ((column + 1) * _cell) - (_gap / 2),
            _top + (row * _cell) + (_gap / 2),
            _top + ((row + 1) * _cell) - (_gap / 2));

        // Radius of a particle's dot: smaller in smaller panels, so a few hundred stay apart.
        private double Radius => Math.Clamp(_cell / 60, 0.6, 1.4) * _figure.Sizes.Weight;

        private LegendMark ParticleMark(CalibrationFigure figure) => new(
            new ChartLegendEntry("particle (darker: heavier)", MarginalPanel.Posterior, LinePattern.Solid, LegendSymbol.Dot),
            (canvas, box) =>
            {
                double y = (box.Top + box.Bottom) / 2;
                double r = Math.Max(Radius, figure.Sizes.Legend * 0.16);
                using var light = new SKPaint { Color = MarginalPanel.Posterior.WithAlpha(Opacity(0.2)).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                using var dark = new SKPaint { Color = MarginalPanel.Posterior.WithAlpha(Opacity(1)).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                canvas.DrawCircle((float)(box.Left + (box.Width * 0.25)), (float)y, (float)r, light);
                canvas.DrawCircle((float)(box.Left + (box.Width * 0.72)), (float)y, (float)r, dark);
            });

        // Opacity of a particle with weight share w of the heaviest: never invisible, never quite opaque.
        private static double Opacity(double share) => 0.12 + (0.73 * share);

        private void DrawParticles(SKCanvas canvas, ChartBox data, int row, int column, (double XMin, double XMax, double YMin, double YMax) limits)
        {
            var scale = new XyScale(data, limits.XMin, limits.XMax, limits.YMin, limits.YMax);
            var xs = _parameters[column].Values;
            var ys = _parameters[row].Values;
            double heaviest = _weights.Max();
            canvas.Save();
            canvas.ClipRect(new SKRect((float)data.Left, (float)data.Top, (float)data.Right, (float)data.Bottom));

            // The medians first, faint, so the particles are read over them.
            using (var median = CalibrationFigure.Stroke(MarginalPanel.MedianColor.WithAlpha(0.8), 0.5 * _figure.Sizes.Weight, LinePattern.Solid))
            {
                float mx = (float)scale.X(_panels[column].Summary.Median);
                float my = (float)scale.Y(_panels[row].Summary.Median);
                canvas.DrawLine(mx, (float)data.Top, mx, (float)data.Bottom, median);
                canvas.DrawLine((float)data.Left, my, (float)data.Right, my, median);
            }

            // Lightest first, so the heaviest particles are on top; ties keep the particles' order.
            using var paint = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
            foreach (int i in Enumerable.Range(0, _weights.Count).Where(i => _weights[i] > 0).OrderBy(i => _weights[i]))
            {
                paint.Color = MarginalPanel.Posterior.WithAlpha(Opacity(_weights[i] / heaviest)).ToSKColor();
                canvas.DrawCircle((float)scale.X(xs[i]), (float)scale.Y(ys[i]), (float)Radius, paint);
            }

            canvas.Restore();
        }

        private void DrawCorrelation(SKCanvas canvas, ChartBox data, int row, int column)
        {
            double? r = WeightedStatistics.Correlation(_parameters[column].Values, _parameters[row].Values, _weights);
            string label = r is { } value ? "r = " + ValueTicks.Label(Math.Round(value, 2), 2) : "r: none";
            double size = Math.Min(_figure.F, _cell / 5);
            _figure.Text.Draw(canvas, label, (data.Left + data.Right) / 2, ((data.Top + data.Bottom) / 2) + (size * 0.36), size, ChartPalette.Muted, SKTextAlign.Center);
        }
    }
}

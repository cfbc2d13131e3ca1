using System.Globalization;
using ScottPlot;
using SkiaSharp;
using TrackSim.Core.Recording;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Networks;

/// <summary>
/// The Track II participant network of one snapshot date: a panel per initiative, its
/// participants on a circle in the order of their sides (states in the scenario's order, then
/// third parties) and roles, so the layout depends on the scenario alone. A line joins two
/// participants who attended a meeting together; its width grows with the meetings they shared
/// and, across sides, its shade with their mutual trust, both averaged over the runs.
/// </summary>
internal sealed class Track2Figure
{
    private readonly List<Panel> _panels;
    private readonly List<string> _states;
    private readonly ChartStyle _style;
    private readonly ChartText _text;
    private readonly ChartSizes _sizes;
    private readonly ChartLegend _legend;
    private readonly string _title;
    private readonly List<string> _subtitle;
    private readonly List<ChartLegendEntry> _entries;
    private readonly int _columns;
    private readonly int _maxTogether;

    /// <param name="snapshots">The snapshot of one date in every run drawn.</param>
    /// <param name="states">The scenario's states in order, which give the sides their colours.</param>
    /// <param name="variant">The variant drawn.</param>
    /// <param name="style">The chart style.</param>
    /// <param name="family">The resolved font family.</param>
    public Track2Figure(IReadOnlyList<NetworkSnapshot> snapshots, List<string> states, string variant, ChartStyle style, string family)
    {
        _states = states;
        _style = style;
        _text = new ChartText(family);
        _sizes = new ChartSizes(style.FontSize);
        _legend = new ChartLegend(_text, _sizes);
        _panels = [.. snapshots[0].Participants.GroupBy(n => n.Initiative, StringComparer.Ordinal).Select(g => Panel.Of(g.Key, [.. g], snapshots, states))];
        _maxTogether = Math.Max(1, (int)Math.Ceiling(_panels.SelectMany(p => p.Edges).Select(e => e.Together).DefaultIfEmpty(1).Max()));
        _columns = Math.Min(_panels.Count, Math.Max(1, (int)Math.Round(Math.Sqrt(_panels.Count * style.WidthInches / style.HeightInches))));
        var date = snapshots[0].Date;
        _title = string.Create(CultureInfo.InvariantCulture, $"Track II participants who met, to {date:yyyy-MM-dd}");
        string runs = snapshots.Count == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"mean of {snapshots.Count} runs");
        _subtitle = SubtitleLines(
            [variant + ", " + runs, string.Create(CultureInfo.InvariantCulture, $"line width: meetings together (up to {_maxTogether})"), "hollow: not a member on the date"],
            Width - (2 * _sizes.Pad));
        var sides = _panels.SelectMany(p => p.Nodes).Select(n => n.Side).Distinct(StringComparer.Ordinal).OrderBy(s => SideOrder(s, states)).ThenBy(s => s, StringComparer.Ordinal).ToList();
        _entries = [.. sides.Select(s => new ChartLegendEntry(s, Color.FromSKColor(NetworkCharts.SideColor(s, states)), LinePattern.Solid, LegendSymbol.Dot))];
        _entries.Add(new ChartLegendEntry("across sides (darker: more trust)", Color.FromSKColor(CrossColor), LinePattern.Solid, LegendSymbol.Line));
        _entries.Add(new ChartLegendEntry("within a side", Color.FromSKColor(SameColor), LinePattern.Solid, LegendSymbol.Line));
    }

    private static SKColor CrossColor => ChartPalette.Ink;

    private static SKColor SameColor => new(0xB0, 0xB0, 0xB0);

    private double Width => _style.WidthInches * 72;

    private int Rows => (_panels.Count + _columns - 1) / _columns;

    private double PanelSize => (Width - (2 * _sizes.Pad)) / _columns;

    private double HeaderHeight => ChartText.LineHeight(_sizes.Header);

    private double PanelsTop => _sizes.TitleLines(true).Below + ((_subtitle.Count - 1) * ChartText.LineHeight(_sizes.Subtitle)) + (_sizes.Font * 0.3);

    private double LegendTop => PanelsTop + (Rows * (PanelSize + HeaderHeight));

    private double Height
    {
        get
        {
            _legend.Place(_entries, _sizes.Pad, Width - _sizes.Pad, Width, out int rows);
            return LegendTop + (rows * _legend.RowHeight) + _sizes.Pad;
        }
    }

    /// <summary>The figure as a PNG at the style's dpi.</summary>
    public byte[] Png() => ChartImage.Png(Width, Height, _style.Dpi, Draw);

    /// <summary>The figure as SVG.</summary>
    public byte[] Svg() => ChartImage.Svg(Width, Height, Draw);

    /// <summary>The figure as a PDF page with its fonts embedded.</summary>
    public byte[] Pdf() => ChartImage.Pdf(Width, Height, Draw);

    /// <summary>
    /// The subtitle's parts joined by "; " into as few lines as fit <paramref name="room"/>, so a
    /// narrow figure wraps its key instead of cutting it off.
    /// </summary>
    private List<string> SubtitleLines(IReadOnlyList<string> parts, double room)
    {
        var lines = new List<string> { parts[0] };
        foreach (string part in parts.Skip(1))
        {
            string joined = lines[^1] + "; " + part;
            if (_text.Width(joined, _sizes.Subtitle) <= room)
            {
                lines[^1] = joined;
            }
            else
            {
                lines.Add(part);
            }
        }

        return lines;
    }

    private static int SideOrder(string side, List<string> states)
    {
        int index = states.IndexOf(side);
        return index < 0 ? states.Count : index;
    }

    private void Draw(SKCanvas canvas)
    {
        var (title, subtitle, _) = _sizes.TitleLines(true);
        double room = Width - (2 * _sizes.Pad);
        _text.Draw(canvas, _text.Fit(_title, _sizes.Title, room, bold: true), _sizes.Pad, title, _sizes.Title, ChartPalette.Ink, bold: true);
        for (int line = 0; line < _subtitle.Count; line++)
        {
            double baseline = subtitle!.Value + (line * ChartText.LineHeight(_sizes.Subtitle));
            _text.Draw(canvas, _text.Fit(_subtitle[line], _sizes.Subtitle, room), _sizes.Pad, baseline, _sizes.Subtitle, ChartPalette.Muted);
        }
        for (int i = 0; i < _panels.Count; i++)
        {
            double left = _sizes.Pad + ((i % _columns) * PanelSize);
            double top = PanelsTop + ((i / _columns) * (PanelSize + HeaderHeight));
            DrawPanel(canvas, _panels[i], left, top);
        }

        var items = _legend.Place(_entries, _sizes.Pad, Width - _sizes.Pad, Width, out _);
        _legend.Draw(canvas, _legend.At(items, LegendTop));
    }

    private void DrawPanel(SKCanvas canvas, Panel panel, double left, double top)
    {
        double size = PanelSize;
        _text.Draw(canvas, _text.Fit(panel.Initiative, _sizes.Header, size), left + (size / 2), top + ChartText.Ascent(_sizes.Header), _sizes.Header, ChartPalette.Ink, SKTextAlign.Center);
        double cx = left + (size / 2);
        double cy = top + HeaderHeight + (size / 2);
        double radius = size * 0.4;
        int n = panel.Nodes.Count;

        // The first side starts at the top and the sides go round clockwise.
        SKPoint At(int k) => new(
            (float)(cx + (radius * Math.Sin(2 * Math.PI * k / n))),
            (float)(cy - (radius * Math.Cos(2 * Math.PI * k / n))));

        using var line = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        foreach (var edge in panel.Edges.OrderBy(e => e.Cross).ThenBy(e => e.Trust))
        {
            line.StrokeWidth = (float)(_sizes.LineWidth * (0.25 + (1.5 * edge.Together / _maxTogether)));
            line.Color = edge.Cross ? CrossColor.WithAlpha((byte)Math.Round(40 + (215 * Math.Clamp(edge.Trust, 0, 1)))) : SameColor.WithAlpha(150);
            canvas.DrawLine(At(edge.A), At(edge.B), line);
        }

        float dot = (float)Math.Clamp(size * 0.035, 1.2 * _sizes.Weight, 3 * _sizes.Weight);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var ring = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = (float)_sizes.FrameWidth };
        for (int k = 0; k < n; k++)
        {
            var node = panel.Nodes[k];
            var color = NetworkCharts.SideColor(node.Side, _states);
            fill.Color = node.Member ? color : SKColors.White;
            ring.Color = color;
            canvas.DrawCircle(At(k), dot, fill);
            canvas.DrawCircle(At(k), dot, ring);
        }
    }

    /// <summary>A line of a panel between the participants at positions A and B.</summary>
    private sealed record Line(int A, int B, double Together, double Trust, bool Cross);

    /// <summary>One initiative: its participants in drawing order and the lines between them.</summary>
    private sealed record Panel(string Initiative, IReadOnlyList<Track2Node> Nodes, IReadOnlyList<Line> Edges)
    {
        public static Panel Of(string initiative, List<Track2Node> nodes, IReadOnlyList<NetworkSnapshot> snapshots, List<string> states)
        {
            var ordered = nodes.OrderBy(n => SideOrder(n.Side, states)).ThenBy(n => n.Side, StringComparer.Ordinal).ThenBy(n => n.Role, StringComparer.Ordinal).ThenBy(n => n.Index).ToList();
            var position = new Dictionary<int, int>();
            for (int k = 0; k < ordered.Count; k++)
            {
                position[ordered[k].Index] = k;
            }

            // Meetings and trust summed over the runs, then divided by their number: a pair that
            // never met in a run counts 0 meetings there; its trust counts only where it met.
            var sums = new Dictionary<(int, int), (double Together, double Trust, int Met)>();
            foreach (var snapshot in snapshots)
            {
                foreach (var edge in snapshot.Meetings.Where(e => e.Initiative == initiative))
                {
                    var key = (edge.A, edge.B);
                    var (together, trust, met) = sums.GetValueOrDefault(key);
                    sums[key] = (together + edge.Together, trust + ((edge.TrustAB + edge.TrustBA) / 2), met + 1);
                }
            }

            var byIndex = nodes.ToDictionary(n => n.Index);
            var lines = sums
                .OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2)
                .Select(kv => new Line(
                    position[kv.Key.Item1],
                    position[kv.Key.Item2],
                    kv.Value.Together / snapshots.Count,
                    kv.Value.Trust / kv.Value.Met,
                    byIndex[kv.Key.Item1].Side != byIndex[kv.Key.Item2].Side))
                .ToList();
            return new Panel(initiative, ordered, lines);
        }
    }
}

using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Lays out and draws a legend below the plot: entries in rows as wide as the figure allows, each
/// row centred under the data area but never past the figure's edges.
/// </summary>
/// <param name="text">Measures and draws the text.</param>
/// <param name="sizes">The chart's sizes.</param>
internal sealed class ChartLegend(ChartText text, ChartSizes sizes)
{
    /// <summary>Height of one legend row.</summary>
    public double RowHeight => ChartText.LineHeight(sizes.Legend);

    /// <summary>
    /// The entries placed in rows between the figure's margins, centred on the data area from
    /// <paramref name="dataLeft"/> to <paramref name="dataRight"/>; <see cref="Item.Top"/> is 0, to be set once the rows' top is known.
    /// </summary>
    public List<Item> Place(IEnumerable<ChartLegendEntry> entries, double dataLeft, double dataRight, double width, out int rowCount)
    {
        ArgumentNullException.ThrowIfNull(entries);
        double size = sizes.Legend;
        double spacing = size * 1.1;
        double available = width - (2 * sizes.Pad);
        var items = new List<Item>();
        var rowItems = new List<(ChartLegendEntry Entry, double Width)>();
        double rowWidth = 0;
        int rows = 0;
        foreach (var entry in entries)
        {
            double itemWidth = entry.TextOffset(size) + text.Width(entry.Text, size);
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

            // A row wider than the figure (one long entry) starts at the margin.
            double left = Math.Max(sizes.Pad, Math.Min(((dataLeft + dataRight) / 2) - (rowWidth / 2), width - sizes.Pad - rowWidth));
            foreach (var (entry, itemWidth) in rowItems)
            {
                items.Add(new Item(entry, rows, left, 0));
                left += itemWidth + spacing;
            }

            rows++;
            rowItems.Clear();
            rowWidth = 0;
        }
    }

    /// <summary>The items with their rows starting at <paramref name="top"/>.</summary>
    public List<Item> At(IEnumerable<Item> items, double top) => [.. items.Select(i => i with { Top = top + (i.Row * RowHeight) })];

    /// <summary>Draws placed items.</summary>
    public void Draw(SKCanvas canvas, IEnumerable<Item> items)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(items);
        double size = sizes.Legend;
        double lineHeight = RowHeight;
        foreach (var item in items)
        {
            double middle = item.Top + (lineHeight / 2);
            switch (item.Entry.Symbol)
            {
                case LegendSymbol.Band:
                {
                    using var fill = new SKPaint { Color = item.Entry.Color.WithAlpha(ChartPalette.BandAlpha(1)).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                    canvas.DrawRect((float)item.Left, (float)(middle - (size * 0.32)), (float)ChartLegendEntry.BandSymbolWidth(size), (float)(size * 0.64), fill);
                    break;
                }

                case LegendSymbol.BandWithLine:
                {
                    // The band of a comparison is grey like an event span; the line through it tells them apart.
                    using var fill = new SKPaint { Color = item.Entry.Color.WithAlpha(ChartPalette.BandAlpha(2)).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                    double symbol = ChartLegendEntry.BandSymbolWidth(size);
                    canvas.DrawRect((float)item.Left, (float)(middle - (size * 0.32)), (float)symbol, (float)(size * 0.64), fill);
                    using var stroke = new SKPaint { Color = item.Entry.Color.ToSKColor(), StrokeWidth = (float)sizes.LineWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
                    canvas.DrawLine((float)item.Left, (float)middle, (float)(item.Left + symbol), (float)middle, stroke);
                    break;
                }

                case LegendSymbol.Span:
                {
                    using var fill = new SKPaint { Color = item.Entry.Color.ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                    canvas.DrawRect((float)item.Left, (float)(middle - (size * 0.45)), (float)ChartLegendEntry.BandSymbolWidth(size), (float)(size * 0.9), fill);
                    break;
                }

                case LegendSymbol.EventLine:
                {
                    // Drawn upright, as on the plot, with the plot's stroke and dashes.
                    using var stroke = new SKPaint
                    {
                        Color = item.Entry.Color.ToSKColor(),
                        StrokeWidth = (float)(sizes.Weight * item.Entry.WidthFactor),
                        Style = SKPaintStyle.Stroke,
                        IsAntialias = true,
                        PathEffect = item.Entry.Pattern.Intervals is { Length: > 0 } intervals ? SKPathEffect.CreateDash(intervals, 0) : null,
                    };
                    float x = (float)(item.Left + (ChartLegendEntry.BandSymbolWidth(size) / 2));
                    canvas.DrawLine(x, (float)(middle - (size * 0.5)), x, (float)(middle + (size * 0.5)), stroke);
                    break;
                }

                case LegendSymbol.Dot:
                {
                    using var fill = new SKPaint { Color = item.Entry.Color.ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };
                    canvas.DrawCircle((float)(item.Left + (ChartLegendEntry.BandSymbolWidth(size) / 2)), (float)middle, (float)(size * 0.22), fill);
                    break;
                }

                case LegendSymbol.Line:
                {
                    using var stroke = new SKPaint
                    {
                        Color = item.Entry.Color.ToSKColor(),
                        StrokeWidth = (float)(sizes.LineWidth * item.Entry.WidthFactor),
                        Style = SKPaintStyle.Stroke,
                        IsAntialias = true,
                        PathEffect = item.Entry.Pattern.Intervals is { Length: > 0 } intervals
                            ? SKPathEffect.CreateDash([.. intervals.Select(i => i * (float)sizes.LineWidth)], 0)
                            : null,
                    };
                    canvas.DrawLine((float)item.Left, (float)middle, (float)(item.Left + ChartLegendEntry.LineSymbolWidth(size)), (float)middle, stroke);
                    break;
                }

                default:
                    break;
            }

            // Summed in this order, so the run charts keep every glyph position they had.
            double textX = item.Entry.Symbol == LegendSymbol.None
                ? item.Left
                : item.Left + item.Entry.SymbolWidth(size) + (size * 0.35);
            double baseline = item.Top + ChartText.Ascent(size) + ((lineHeight - size * 1.16) / 2);
            text.Draw(canvas, item.Entry.Text, textX, baseline, size, ChartPalette.Ink);
        }
    }

    /// <summary>An entry placed in the legend.</summary>
    /// <param name="Entry">The entry.</param>
    /// <param name="Row">Its row, from 0 at the top.</param>
    /// <param name="Left">Left edge, in points.</param>
    /// <param name="Top">Top of its row, in points.</param>
    public sealed record Item(ChartLegendEntry Entry, int Row, double Left, double Top);
}

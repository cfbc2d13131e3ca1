using ScottPlot;

namespace TrackSim.Reporting.Charts;

/// <summary>One entry of a chart's legend.</summary>
/// <param name="Text">The text.</param>
/// <param name="Color">Colour of the mark.</param>
/// <param name="Pattern">Pattern of a line mark.</param>
/// <param name="Symbol">The mark.</param>
/// <param name="WidthFactor">Width of a line mark relative to a data line (the wide reference line of a comparison).</param>
internal sealed record ChartLegendEntry(string Text, Color Color, LinePattern Pattern, LegendSymbol Symbol, double WidthFactor = 1)
{
    /// <summary>Width of a line mark at text size <paramref name="size"/>.</summary>
    public static double LineSymbolWidth(double size) => size * 2.2;

    /// <summary>Width of a band or dot mark at text size <paramref name="size"/>.</summary>
    public static double BandSymbolWidth(double size) => size * 1.1;

    /// <summary>Width of the mark (0 for a caption).</summary>
    public double SymbolWidth(double size) => Symbol switch
    {
        LegendSymbol.None => 0,
        LegendSymbol.Line => LineSymbolWidth(size),
        _ => BandSymbolWidth(size),
    };

    /// <summary>Distance from the entry's left edge to its text.</summary>
    public double TextOffset(double size) => Symbol == LegendSymbol.None ? 0 : SymbolWidth(size) + (size * 0.35);
}

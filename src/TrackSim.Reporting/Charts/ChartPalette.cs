using ScottPlot;
using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Colours from Okabe and Ito's palette, which readers with any common colour-vision deficiency
/// can tell apart, and line patterns that keep the lines apart in greyscale print.
/// </summary>
internal static class ChartPalette
{
    /// <summary>Text, frames and ticks: near black, softer on the page than pure black.</summary>
    public static SKColor Ink { get; } = new(0x20, 0x20, 0x20);

    /// <summary>Secondary text (the line under the title).</summary>
    public static SKColor Muted { get; } = new(0x55, 0x55, 0x55);

    /// <summary>Grid lines: faint enough not to be read as data.</summary>
    public static Color Grid { get; } = Color.FromHex("#000000").WithAlpha(0.09);

    /// <summary>The reference line of a comparison (the base scenario).</summary>
    public static Color Black { get; } = Color.FromHex("#000000");

    /// <summary>Okabe-Ito colours in the order lines get them; yellow, hard to see on white, is left out.</summary>
    public static IReadOnlyList<Color> Colors { get; } =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
    ];

    /// <summary>Line patterns in the order lines get them; dash lengths are in points.</summary>
    public static IReadOnlyList<LinePattern> Patterns { get; } =
    [
        LinePattern.Solid,
        new LinePattern([4.5f, 2f], 0, "dash"),
        new LinePattern([1.2f, 1.5f], 0, "dot"),
        new LinePattern([5f, 1.6f, 1.2f, 1.6f], 0, "dash-dot"),
        new LinePattern([8f, 2.5f], 0, "long dash"),
        new LinePattern([5f, 1.6f, 1.2f, 1.6f, 1.2f, 1.6f], 0, "dash-dot-dot"),
    ];

    /// <summary>Opacity of a 5-95% band among <paramref name="lines"/> lines: lighter when bands overlap.</summary>
    public static double BandAlpha(int lines) => lines switch { 1 => 0.22, 2 => 0.17, _ => 0.12 };

    /// <summary>Colour of the i-th line.</summary>
    public static Color ColorAt(int index) => Colors[index % Colors.Count];

    /// <summary>Pattern of the i-th line.</summary>
    public static LinePattern PatternAt(int index) => Patterns[index % Patterns.Count];
}

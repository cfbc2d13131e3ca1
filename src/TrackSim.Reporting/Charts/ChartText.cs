using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>Measures and draws the text TrackSim places itself (titles, event labels, legend), in points.</summary>
/// <param name="family">A family resolved by <see cref="ChartFonts.Resolve"/>.</param>
internal sealed class ChartText(string family)
{
    private readonly SKTypeface _regular = ChartFonts.Typeface(family, bold: false);
    private readonly SKTypeface _bold = ChartFonts.Typeface(family, bold: true);

    /// <summary>The family text is drawn in.</summary>
    public string Family { get; } = family;

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Width(string text, double size, bool bold = false)
    {
        using var font = Font(size, bold);
        return font.MeasureText(text);
    }

    /// <summary>Height of a line of text at <paramref name="size"/> points (ascent plus descent plus a little leading).</summary>
    public static double LineHeight(double size) => size * 1.22;

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public static double Ascent(double size) => size * 0.93;

    /// <summary>
    /// <paramref name="text"/>, shortened with an ellipsis if needed so that it is at most
    /// <paramref name="width"/> wide.
    /// </summary>
    public string Fit(string text, double size, double width, bool bold = false)
    {
        if (Width(text, size, bold) <= width)
        {
            return text;
        }

        for (int length = text.Length - 1; length > 0; length--)
        {
            string shorter = text[..length].TrimEnd() + "…";
            if (Width(shorter, size, bold) <= width)
            {
                return shorter;
            }
        }

        return string.Empty;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>.</summary>
    public void Draw(SKCanvas canvas, string text, double x, double y, double size, SKColor color, SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        if (text.Length == 0)
        {
            return;
        }

        using var font = Font(size, bold);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }

    // Unhinted, linear metrics: glyph positions scale exactly, so PNG at any dpi and SVG agree with the layout.
    private SKFont Font(double size, bool bold) =>
        new(bold ? _bold : _regular, (float)size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
}

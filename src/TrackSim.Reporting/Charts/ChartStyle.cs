using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Core.Domain;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Size, resolution, font and formats of the charts. The defaults suit a one-column journal
/// figure (3.5 by 2.4 inches at 300 dpi, 8 pt text); a scenario's <c>outputs</c> and the command
/// line change them.
/// </summary>
/// <param name="WidthInches">Width in inches, 1 to 40.</param>
/// <param name="HeightInches">Height in inches of a single-panel chart, 1 to 40 (charts with a panel per subject grow taller).</param>
/// <param name="Dpi">Resolution of PNG files, 50 to 1200 dots per inch.</param>
/// <param name="Font">Font family; DejaVu Sans ships with TrackSim, any other must be installed.</param>
/// <param name="FontSize">Base text size in points, 4 to 72.</param>
/// <param name="Formats">Image formats: any of <c>png</c>, <c>svg</c> and <c>pdf</c>.</param>
public sealed record ChartStyle(
    double WidthInches,
    double HeightInches,
    int Dpi,
    string Font,
    double FontSize,
    ImmutableArray<string> Formats)
{
    /// <summary>The font that ships with TrackSim.</summary>
    public const string DefaultFont = "DejaVu Sans";

    /// <summary>The largest raster a chart may have, in pixels (about 400 MB of memory while drawing).</summary>
    public const long MaxPixels = OutputSpec.MaxPngPixels;

    /// <summary>Formats a chart can be written in.</summary>
    public static ImmutableArray<string> KnownFormats { get; } = ["png", "svg", "pdf"];

    /// <summary>The defaults: 3.5 x 2.4 in, 300 dpi, DejaVu Sans 8 pt, PNG and SVG.</summary>
    public static ChartStyle Default { get; } = new(3.5, 2.4, 300, DefaultFont, 8, ["png", "svg"]);

    /// <summary>The style a scenario's <c>outputs</c> ask for.</summary>
    public static ChartStyle FromOutputs(OutputSpec outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new ChartStyle(outputs.WidthInches, outputs.HeightInches, outputs.Dpi, outputs.Font, outputs.FontSize, outputs.Formats);
    }

    /// <summary>Every problem with the style, as messages naming the setting (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(WidthInches, 1, 40, "width", "inches", problems);
        Check(HeightInches, 1, 40, "height", "inches", problems);
        Check(Dpi, 50, 1200, "dpi", "dots per inch", problems);
        Check(FontSize, 4, 72, "font size", "points", problems);
        if (string.IsNullOrWhiteSpace(Font))
        {
            problems.Add("the font name is empty");
        }

        if (Formats.IsDefaultOrEmpty)
        {
            problems.Add("no chart format; choose png, svg, pdf or several");
        }
        else
        {
            foreach (string format in Formats.Where(f => !KnownFormats.Contains(f)))
            {
                problems.Add($"unknown chart format '{format}'; expected png, svg or pdf");
            }
        }

        if (problems.Count == 0 && Formats.Contains("png"))
        {
            long pixels = OutputSpec.PngPixels(WidthInches, HeightInches, Dpi);
            if (pixels > MaxPixels)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"a {WidthInches} x {HeightInches} in chart at {Dpi} dpi would have {pixels:N0} pixels; at most {MaxPixels:N0} are allowed (lower the dpi or the size)"));
            }
        }

        return problems;
    }

    private static void Check(double value, double min, double max, string name, string unit, List<string> problems)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the {name} must be {min} to {max} {unit}, not {value}"));
        }
    }
}

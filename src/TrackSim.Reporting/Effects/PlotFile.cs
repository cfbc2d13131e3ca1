using System.Text;
using ScottPlot;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Files;

namespace TrackSim.Reporting.Effects;

/// <summary>Saves a ScottPlot plot in the style's formats and size, with the embedded font.</summary>
internal static class PlotFile
{
    /// <summary>A new plot using the style's font.</summary>
    public static Plot Create(ChartStyle style)
    {
        var (family, _) = ChartFonts.Resolve(style.Font);
        var plot = new Plot();
        plot.Font.Set(family);
        return plot;
    }

    /// <summary>Writes <paramref name="plot"/> as <c>stem.png</c> and/or <c>stem.svg</c>; returns the file names.</summary>
    public static List<string> Save(Plot plot, string folder, string stem, ChartStyle style, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        Scale(plot, style);
        int width = (int)Math.Round(style.WidthInches * 96);
        int height = (int)Math.Round(style.HeightInches * 96);
        var files = new List<string>();
        foreach (string format in style.Formats.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string name = $"{stem}.{format}";
            byte[] bytes;
            if (format == "png")
            {
                // The layout is in 96-dpi units; the scale factor renders it at the style's dpi.
                plot.ScaleFactor = style.Dpi / 96.0;
                bytes = PngResolution.WithDpi(plot.GetImageBytes((int)Math.Round(style.WidthInches * style.Dpi), (int)Math.Round(style.HeightInches * style.Dpi), ImageFormat.Png), style.Dpi);
                plot.ScaleFactor = 1;
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height));
            }

            AtomicFile.Write(Path.Combine(folder, name), s => s.Write(bytes), cancellationToken);
            files.Add(name);
        }

        return files;
    }

    /// <summary>Whole numbers without group separators (years read 2001, not 2,001).</summary>
    public static void PlainTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) };

    // Text sizes follow the style's font size (points) in the 96-units-per-inch layout.
    private static void Scale(Plot plot, ChartStyle style)
    {
        float f = (float)(style.FontSize * 96 / 72);
        plot.Axes.Title.Label.FontSize = f * 1.1f;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = f;
            axis.TickLabelStyle.FontSize = f * 0.875f;
        }

        plot.Legend.FontSize = f * 0.875f;
    }

    /// <summary>A date as a fractional year, for a simple time axis.</summary>
    public static double Year(DateOnly date) => date.Year + ((date.DayOfYear - 1) / 365.25);
}

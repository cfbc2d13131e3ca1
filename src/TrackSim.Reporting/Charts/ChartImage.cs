using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Turns a figure laid out in points into a file: a PNG at a given dpi (with the dpi recorded), an
/// SVG at 96 units per inch with the bundled font embedded, or a one-page PDF at 72 units per inch with its fonts embedded, all on
/// an opaque white ground.
/// </summary>
internal static class ChartImage
{
    /// <summary>The figure <paramref name="width"/> by <paramref name="height"/> points, drawn by <paramref name="draw"/>, as a PNG at <paramref name="dpi"/>.</summary>
    public static byte[] Png(double width, double height, int dpi, Action<SKCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        double scale = dpi / 72.0;
        int pixelsWide = (int)Math.Round(width * scale);
        int pixelsHigh = (int)Math.Round(height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(pixelsWide, pixelsHigh, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Cannot allocate a {pixelsWide} x {pixelsHigh} image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        draw(canvas);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngResolution.WithDpi(data.ToArray(), dpi);
    }

    /// <summary>The figure as SVG, 96 user units per inch, so it opens at its physical size.</summary>
    public static byte[] Svg(double width, double height, Action<SKCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        const double scale = 96.0 / 72.0;
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)(width * scale), (float)(height * scale)), managed);
            canvas.Scale((float)scale);
            using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            {
                canvas.DrawRect(0, 0, (float)width, (float)height, white);
            }

            draw(canvas);
        }

        return SvgFonts.Embed(SvgCleanup.Apply(stream.ToArray()));
    }

    /// <summary>
    /// The figure as a one-page PDF of <paramref name="width"/> by <paramref name="height"/> points
    /// (PDF's own unit), text as text in embedded font subsets, lines and areas as vectors. No dates
    /// are recorded, so the same figure gives the same bytes.
    /// </summary>
    public static byte[] Pdf(double width, double height, Action<SKCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        {
            var metadata = new SKDocumentPdfMetadata
            {
                Creator = "TrackSim",
                Producer = "TrackSim",
                RasterDpi = 300,
                EncodingQuality = 101,
                PdfA = false,
                Creation = null,
                Modified = null,
            };
            using var document = SKDocument.CreatePdf(managed, metadata);
            var canvas = document.BeginPage((float)width, (float)height);
            using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            {
                canvas.DrawRect(0, 0, (float)width, (float)height, white);
            }

            draw(canvas);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}

using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// The ScottPlot side of a TrackSim chart: a plot that draws into a frame of a larger figure,
/// with a thin frame, ticks scaled to the text, and no text of its own (the figure measures and
/// draws tick labels and axis labels itself, so the layout knows where every word is).
/// </summary>
internal static class ChartPlot
{
    /// <summary>A plot on white that does not clear the canvas, in <paramref name="family"/>.</summary>
    public static Plot Create(string family)
    {
        var plot = new Plot();

        // ScottPlot clears the whole canvas before drawing; the figure is composed of several
        // panels and text, and an SVG records the clear as a black rectangle, so the clear goes.
        plot.RenderManager.RenderActions.RemoveAll(action => action is ScottPlot.Rendering.RenderActions.ClearCanvas);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(family);
        return plot;
    }

    /// <summary>
    /// Frames the plot: <paramref name="left"/> and <paramref name="bottom"/> ticks, none on the top
    /// and right edges, every edge and tick in the chart's ink and widths, tick labels hidden.
    /// </summary>
    public static void Frame(Plot plot, ChartSizes sizes, NumericManual left, NumericManual bottom)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(sizes);
        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Top.TickGenerator = new NumericManual();
        plot.Axes.Right.TickGenerator = new NumericManual();
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Top, plot.Axes.Right })
        {
            Style(axis, sizes);
        }

        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Right.MajorTickStyle.Length = 0;
    }

    /// <summary>Renders <paramref name="plot"/> into <paramref name="frame"/> with its data area at <paramref name="data"/>, clipped to the frame.</summary>
    public static void Render(SKCanvas canvas, Plot plot, ChartBox frame, ChartBox data)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(plot);
        plot.Layout.Fixed(new PixelPadding(
            (float)(data.Left - frame.Left),
            (float)(frame.Right - data.Right),
            (float)(frame.Bottom - data.Bottom),
            (float)(data.Top - frame.Top)));

        // The clip keeps the panel's background and overdraw inside its own frame.
        var rect = new SKRect((float)frame.Left, (float)frame.Top, (float)frame.Right, (float)frame.Bottom);
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        canvas.Restore();
    }

    private static void Style(IAxis axis, ChartSizes sizes)
    {
        var ink = Color.FromSKColor(ChartPalette.Ink);
        axis.FrameLineStyle.Width = (float)sizes.FrameWidth;
        axis.FrameLineStyle.Color = ink;
        axis.MajorTickStyle.Length = (float)sizes.TickLength;
        axis.MajorTickStyle.Width = (float)sizes.FrameWidth;
        axis.MajorTickStyle.Color = ink;
        axis.MinorTickStyle.Length = (float)(sizes.TickLength * 0.55);
        axis.MinorTickStyle.Width = (float)(sizes.FrameWidth * 0.8);
        axis.MinorTickStyle.Color = ink;

        // Tick labels are drawn by the figure, with the same measurements its layout used.
        axis.TickLabelStyle.IsVisible = false;
        axis.Label.Text = string.Empty;
    }
}

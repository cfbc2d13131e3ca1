namespace TrackSim.Reporting.Charts;

/// <summary>
/// Text sizes, spacing and stroke widths of every TrackSim chart, in points, all derived from the
/// style's font size, so that the run charts, the difference charts and the sweep charts of one
/// style look like one family.
/// </summary>
/// <param name="font">Base text size in points (the style's font size).</param>
internal sealed class ChartSizes(double font)
{
    /// <summary>Base text size: axis labels.</summary>
    public double Font { get; } = font;

    /// <summary>The title.</summary>
    public double Title => Font * 1.1;

    /// <summary>The line under the title.</summary>
    public double Subtitle => Font * 0.85;

    /// <summary>Tick labels.</summary>
    public double Tick => Font * 0.875;

    /// <summary>Legend text.</summary>
    public double Legend => Font * 0.875;

    /// <summary>Event labels above the plot.</summary>
    public double Event => Font * 0.8;

    /// <summary>Panel headers.</summary>
    public double Header => Font * 0.875;

    /// <summary>Margin around the figure.</summary>
    public double Pad => Font * 0.45;

    /// <summary>Stroke factor: strokes and ticks grow with the text, so a chart for a slide (16 pt) is as bold as one for a page (8 pt).</summary>
    public double Weight => Math.Clamp(Font / 8, 0.6, 4);

    /// <summary>Width of a data line.</summary>
    public double LineWidth => 1.1 * Weight;

    /// <summary>Width of the frame and the ticks.</summary>
    public double FrameWidth => 0.6 * Weight;

    /// <summary>Length of a major tick.</summary>
    public double TickLength => 2.8 * Weight;

    /// <summary>Gap between a tick and its label.</summary>
    public double TickGap => 2.2 * Weight;

    /// <summary>
    /// Places the title and, if there is one, the subtitle under the figure's top margin.
    /// </summary>
    /// <param name="subtitle">Whether the chart has a subtitle.</param>
    /// <returns>The baselines of the two lines and where the space under them starts.</returns>
    public (double Title, double? Subtitle, double Below) TitleLines(bool subtitle)
    {
        double y = Pad;
        double title = y + ChartText.Ascent(Title);
        y += ChartText.LineHeight(Title);
        double? sub = null;
        if (subtitle)
        {
            sub = y + ChartText.Ascent(Subtitle);
            y += ChartText.LineHeight(Subtitle);
        }

        return (title, sub, y);
    }
}

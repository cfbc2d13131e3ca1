using ScottPlot;
using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// A chart of one value against another (the sweep charts): one panel with a numeric or
/// categorical axis each way, laid out and lettered like the run charts.
/// </summary>
/// <param name="Title">Title line.</param>
/// <param name="ShortTitle">Title used when <paramref name="Title"/> does not fit the width.</param>
/// <param name="Subtitle">Line under the title, or null.</param>
/// <param name="XLabels">Label of the x axis, longest first; the first that fits is used.</param>
/// <param name="YLabels">Label of the y axis, longest first; the first that fits is used; none when the tick labels say it all.</param>
/// <param name="X">The x axis.</param>
/// <param name="Y">The y axis.</param>
/// <param name="Legend">Legend entries below the plot (none for no legend).</param>
/// <param name="ColorBar">The colour bar of a heatmap, or null.</param>
/// <param name="Data">Adds the ScottPlot plottables (points, lines, bands) in data coordinates, or null.</param>
/// <param name="Overlay">Draws over the plot, inside the data area (cells, bars, error bars), or null.</param>
/// <param name="HorizontalGrid">Whether faint grid lines mark the y ticks.</param>
/// <param name="VerticalGrid">Whether faint grid lines mark the x ticks.</param>
internal sealed record XyChart(
    string Title,
    string ShortTitle,
    string? Subtitle,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<string> YLabels,
    XyAxis X,
    XyAxis Y,
    IReadOnlyList<ChartLegendEntry> Legend,
    XyColorBar? ColorBar = null,
    Action<Plot>? Data = null,
    Action<SKCanvas, XyScale>? Overlay = null,
    bool HorizontalGrid = true,
    bool VerticalGrid = false);

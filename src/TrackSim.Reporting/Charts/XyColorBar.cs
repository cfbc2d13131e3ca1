using ScottPlot;

namespace TrackSim.Reporting.Charts;

/// <summary>The colour bar right of a heatmap: what each colour stands for.</summary>
/// <param name="Colormap">The colour map, from <paramref name="Low"/> (0) to <paramref name="High"/> (1).</param>
/// <param name="Low">Value of the first colour.</param>
/// <param name="High">Value of the last colour.</param>
/// <param name="Labels">What the colours measure, longest first; the first that fits the bar's height is used.</param>
internal sealed record XyColorBar(IColormap Colormap, double Low, double High, IReadOnlyList<string> Labels)
{
    /// <summary>The colour of <paramref name="value"/>.</summary>
    public Color ColorOf(double value) =>
        Colormap.GetColor(High > Low ? Math.Clamp((value - Low) / (High - Low), 0, 1) : 0.5);
}

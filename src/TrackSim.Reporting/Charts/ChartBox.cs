namespace TrackSim.Reporting.Charts;

/// <summary>A rectangle of a figure, in points from the top left corner.</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Bottom">Bottom edge.</param>
internal readonly record struct ChartBox(double Left, double Right, double Top, double Bottom)
{
    /// <summary>Width.</summary>
    public double Width => Right - Left;

    /// <summary>Height.</summary>
    public double Height => Bottom - Top;
}

namespace TrackSim.Reporting.Charts;

/// <summary>Where data values fall on an <see cref="XyChart"/>'s figure, in points.</summary>
/// <param name="Data">The data area.</param>
/// <param name="XMin">Value at the left edge.</param>
/// <param name="XMax">Value at the right edge.</param>
/// <param name="YMin">Value at the bottom edge.</param>
/// <param name="YMax">Value at the top edge.</param>
internal sealed record XyScale(ChartBox Data, double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>Horizontal position of <paramref name="x"/>.</summary>
    public double X(double x) => Data.Left + ((x - XMin) / (XMax - XMin) * Data.Width);

    /// <summary>Vertical position of <paramref name="y"/>.</summary>
    public double Y(double y) => Data.Bottom - ((y - YMin) / (YMax - YMin) * Data.Height);
}

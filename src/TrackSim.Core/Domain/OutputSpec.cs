using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>What to chart and how charts look.</summary>
/// <param name="Charts">Metric names to chart.</param>
/// <param name="Formats">Image formats (<c>png</c>, <c>svg</c>).</param>
/// <param name="WidthInches">Chart width in inches.</param>
/// <param name="HeightInches">Chart height in inches.</param>
/// <param name="Dpi">Raster resolution in dots per inch.</param>
/// <param name="Font">Font family.</param>
/// <param name="FontSize">Base font size in points.</param>
/// <param name="LabelEvents">Ids of events labelled on charts; empty labels the most severe ones.</param>
public sealed record OutputSpec(
    ImmutableArray<string> Charts,
    ImmutableArray<string> Formats,
    double WidthInches,
    double HeightInches,
    int Dpi,
    string Font,
    double FontSize,
    ImmutableArray<string> LabelEvents)
{
    /// <summary>Charts drawn when a scenario does not choose.</summary>
    public static ImmutableArray<string> DefaultCharts { get; } =
        ["tension", "official_trust", "public_trust", "track2_trust", "incidents"];

    /// <summary>Most pixels a PNG chart may have (10,000 x 10,000), so one chart cannot exhaust memory.</summary>
    public const long MaxPngPixels = 100_000_000;

    /// <summary>The pixels of a PNG chart of this size and resolution.</summary>
    public static long PngPixels(double widthInches, double heightInches, int dpi) =>
        (long)Math.Round(widthInches * dpi) * (long)Math.Round(heightInches * dpi);

    /// <summary>How often and how finely the distribution of citizens' trust is recorded.</summary>
    public DistributionOutput Distributions { get; init; } = DistributionOutput.Default;

    /// <summary>
    /// The y axis range of a metric's charts, by metric name, instead of the metric's whole scale or
    /// its data's range (each low below its high); metrics not named keep their own.
    /// </summary>
    public ImmutableSortedDictionary<string, (double Low, double High)> YRanges { get; init; } = ImmutableSortedDictionary<string, (double Low, double High)>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>When the Track II participant network and the cross-border citizen ties are snapshot.</summary>
    public NetworkOutput Networks { get; init; } = NetworkOutput.Default;

    /// <summary>These outputs with no distribution or network records (the series and charts unchanged).</summary>
    public OutputSpec WithoutSnapshots() => this with { Distributions = Distributions with { Every = 0 }, Networks = new NetworkOutput([]) };

    /// <summary>Formats written when a scenario does not choose.</summary>
    public static ImmutableArray<string> DefaultFormats { get; } = ["png", "svg"];
}

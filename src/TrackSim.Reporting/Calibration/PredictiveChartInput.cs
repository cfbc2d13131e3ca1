using System.Collections.Immutable;

namespace TrackSim.Reporting.Calibration;

/// <summary>What a posterior predictive chart shows: one metric's predictive band and the data it was calibrated on.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Metric">The metric's name, the y axis label (for example <c>Tension</c>).</param>
/// <param name="Unit">The metric's unit, put in brackets after it on the axis, or empty for none.</param>
/// <param name="Band">The predictive distribution.</param>
/// <param name="Observed">The observations, possibly none.</param>
/// <param name="Subtitle">A line under the title (the particles and replicates behind the bands), or null.</param>
/// <param name="Floor">The lowest value the metric can take (0 for a count or a share), which the y axis never goes below.</param>
/// <param name="Ceiling">The highest value the metric can take (1 for a share), which the y axis never goes above.</param>
public sealed record PredictiveChartInput(
    string Title,
    string Metric,
    string Unit,
    PredictiveBand Band,
    ImmutableArray<ObservedPoint> Observed,
    string? Subtitle = null,
    double Floor = double.NegativeInfinity,
    double Ceiling = double.PositiveInfinity);

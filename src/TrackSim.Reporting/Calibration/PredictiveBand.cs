using System.Collections.Immutable;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// The posterior predictive distribution of one metric over time, on the dates of its series:
/// the median and 5–95% band over runs at many posterior particles (parameter uncertainty and
/// replicate noise together), and the 5–95% band over replicates at the posterior's central
/// parameters (replicate noise alone).
/// </summary>
/// <param name="Dates">The dates, strictly increasing.</param>
/// <param name="Median">The median over runs at the posterior particles.</param>
/// <param name="Low">The 5% quantile over runs at the posterior particles.</param>
/// <param name="High">The 95% quantile over runs at the posterior particles.</param>
/// <param name="NoiseLow">The 5% quantile over replicates at the central parameters.</param>
/// <param name="NoiseHigh">The 95% quantile over replicates at the central parameters.</param>
public sealed record PredictiveBand(
    ImmutableArray<DateOnly> Dates,
    ImmutableArray<double> Median,
    ImmutableArray<double> Low,
    ImmutableArray<double> High,
    ImmutableArray<double> NoiseLow,
    ImmutableArray<double> NoiseHigh);

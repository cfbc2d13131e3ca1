namespace TrackSim.Reporting.Calibration;

/// <summary>The weighted median and 5–95% interval of one parameter's posterior sample.</summary>
/// <param name="Median">The weighted median.</param>
/// <param name="Low">The weighted 5% quantile.</param>
/// <param name="High">The weighted 95% quantile.</param>
public sealed record MarkedInterval(double Median, double Low, double High);

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// One observation drawn over a posterior predictive chart: a marker at its value, an error bar
/// from <paramref name="Low"/> to <paramref name="High"/> when they are given.
/// </summary>
/// <param name="Date">When it was observed.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Low">The low end of its uncertainty range, or null.</param>
/// <param name="High">The high end of its uncertainty range, or null.</param>
/// <param name="Label">Its source or series (for example <c>official</c>, <c>press reports</c>); each label gets its own marker and legend entry; empty for plain "observed".</param>
public sealed record ObservedPoint(DateOnly Date, double Value, double? Low, double? High, string Label);

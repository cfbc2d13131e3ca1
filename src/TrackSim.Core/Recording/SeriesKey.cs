namespace TrackSim.Core.Recording;

/// <summary>Identifies one recorded time series: a metric and its subject.</summary>
/// <param name="Metric">Metric name from the metric catalog.</param>
/// <param name="Subject">Dyad (<c>IN-PK</c>), state (<c>IN</c>) or initiative id.</param>
public readonly record struct SeriesKey(string Metric, string Subject);

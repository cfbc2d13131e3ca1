namespace TrackSim.Reporting.Data;

/// <summary>One row of a series file: the value a run recorded for a metric and subject at a step.</summary>
/// <param name="Variant">Variant name (<c>base</c> for the scenario itself).</param>
/// <param name="Replicate">Replicate index from 0.</param>
/// <param name="Step">Recorded point: 0 is the initial state.</param>
/// <param name="Date">First day of the point.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Subject">What the metric is of (a dyad, state or directed pair).</param>
/// <param name="Value">The value.</param>
public sealed record SeriesRow(string Variant, int Replicate, int Step, DateOnly Date, string Metric, string Subject, double Value);

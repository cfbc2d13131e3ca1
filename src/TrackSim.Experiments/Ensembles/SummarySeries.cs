using System.Collections.Immutable;

namespace TrackSim.Experiments.Ensembles;

/// <summary>
/// Statistics over the replicates of one variant for one metric and subject, at every recorded
/// point: what one line and band of a chart show, and what <c>summary.csv</c> holds.
/// </summary>
/// <param name="Variant">Variant name (<c>base</c> for the scenario itself).</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Subject">Dyad, state or initiative id.</param>
/// <param name="Dates">Date of each point (point k is the first day of step k; point 0 is the initial state).</param>
/// <param name="Mean">Mean over replicates.</param>
/// <param name="Sd">Sample standard deviation (n - 1 denominator; 0 for a single replicate).</param>
/// <param name="P05">5th percentile (type 7).</param>
/// <param name="P50">Median (type 7).</param>
/// <param name="P95">95th percentile (type 7).</param>
public sealed record SummarySeries(
    string Variant,
    string Metric,
    string Subject,
    ImmutableArray<DateOnly> Dates,
    ImmutableArray<double> Mean,
    ImmutableArray<double> Sd,
    ImmutableArray<double> P05,
    ImmutableArray<double> P50,
    ImmutableArray<double> P95);

using TrackSim.Core.Metrics;
using TrackSim.Core.Model;

namespace TrackSim.Core.Rules;

/// <summary>A metric a rule records, and how to read it.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Read">Its value for the subject with the given index (dyad, state or initiative, by the metric's level) in the world.</param>
internal sealed record MetricReader(MetricDefinition Metric, Func<World, int, double> Read);

using System.Collections.Immutable;

namespace TrackSim.Core.Recording;

/// <summary>The values of one metric for one subject at every recorded point.</summary>
/// <param name="Key">Metric and subject.</param>
/// <param name="Values">One value per recorded point (step 0 first).</param>
public sealed record RecordedSeries(SeriesKey Key, ImmutableArray<double> Values);

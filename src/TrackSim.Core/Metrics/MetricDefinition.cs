namespace TrackSim.Core.Metrics;

/// <summary>A recorded metric: its fixed name, level, unit and meaning.</summary>
/// <param name="Name">Fixed name used in data files, charts and checks.</param>
/// <param name="Level">What it is measured on.</param>
/// <param name="Unit">Unit or range, for axis labels.</param>
/// <param name="Title">Short title for charts.</param>
/// <param name="Description">What it measures.</param>
public sealed record MetricDefinition(string Name, MetricLevel Level, string Unit, string Title, string Description);

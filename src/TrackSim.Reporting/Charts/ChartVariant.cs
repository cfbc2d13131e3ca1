namespace TrackSim.Reporting.Charts;

/// <summary>A variant as the legend of a comparison chart names it.</summary>
/// <param name="Name">Variant name (<c>base</c> for the scenario itself).</param>
/// <param name="Description">What the variant asks, or null.</param>
public sealed record ChartVariant(string Name, string? Description);

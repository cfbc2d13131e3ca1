using System.Collections.Immutable;
using TrackSim.Core.Domain;

namespace TrackSim.Scenarios.Loading;

/// <summary>The outcome of loading a scenario: the scenario when valid, else every problem found.</summary>
/// <param name="Scenario">The scenario, or null when there are errors.</param>
/// <param name="Errors">Every problem, ordered by position.</param>
public sealed record LoadResult(Scenario? Scenario, ImmutableArray<Diagnostic> Errors)
{
    /// <summary>Whether the scenario loaded without errors.</summary>
    public bool IsValid => Scenario is not null && Errors.IsEmpty;
}

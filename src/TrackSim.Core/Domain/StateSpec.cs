using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>A state (Track I actor) as the scenario describes it at the start of a run.</summary>
/// <param name="Id">Short upper-case code such as <c>IN</c> or <c>PK</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Posture">Initial hostile posture toward the other states, at least 0.</param>
/// <remarks>The state's model settings (hawkishness, receptivity, sensitivity to the public, fear, restraint, grievance...) are parameters of a state, in the scenario's <see cref="Scenario.Parameters"/>.</remarks>
public sealed record StateSpec(
    string Id,
    string Name,
    double Posture)
{
    /// <summary>The state's governments by period, in date order; before the first (or without any) its parameters hold.</summary>
    public ImmutableArray<GovernmentPeriod> Governments { get; init; } = [];
}

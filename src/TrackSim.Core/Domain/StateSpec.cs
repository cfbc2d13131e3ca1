using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// A party to the conflict as the scenario describes it at the start of a run: a state (a
/// Track I actor with citizens) or a non-state party (an armed group or a political movement:
/// a leadership that negotiates, fights and has governments by period, but no citizens).
/// </summary>
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

    /// <summary>What kind of actor it is; a scenario's states come first, its non-state parties after them.</summary>
    public ActorKind Kind { get; init; } = ActorKind.State;

    /// <summary>Whether it has citizens: states do, non-state parties do not.</summary>
    public bool HasCitizens => Kind == ActorKind.State;
}

namespace TrackSim.Core.Domain;

/// <summary>
/// An event's change of the alignment or access of participants of an initiative: every group
/// of the initiative, or those of one state, or of one role, takes the values given.
/// </summary>
/// <param name="Initiative">Id of the initiative, or <c>all</c> for every initiative.</param>
/// <param name="State">Only the groups of this state, or null for every state.</param>
/// <param name="Role">Only the groups of this role, or null for every role.</param>
/// <param name="Alignment">New alignment in [0,1] (before <c>track2.alignment_scale</c>), or null to keep it.</param>
/// <param name="Access">New access in [0,1], or null to keep it.</param>
public sealed record ParticipantChange(
    string Initiative,
    string? State,
    string? Role,
    double? Alignment,
    double? Access);

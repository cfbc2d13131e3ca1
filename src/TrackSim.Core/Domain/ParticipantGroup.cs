namespace TrackSim.Core.Domain;

/// <summary>A group of like participants of one state in an initiative.</summary>
/// <param name="State">State id of the participants' nationality.</param>
/// <param name="Role">Role id (see <see cref="Domain.Role.All"/>).</param>
/// <param name="Count">Number of participants, at least 1.</param>
/// <param name="Alignment">Alignment with the own government's position on core topics, in [0,1].</param>
/// <param name="Access">Access to officials, in [0,1].</param>
/// <param name="Reach">Public reach: share of the own public that hears them, in [0,1].</param>
/// <param name="SharedLanguage">Whether they speak the language shared across the border (their outreach reaches only citizens who share it).</param>
public sealed record ParticipantGroup(
    string State,
    string Role,
    int Count,
    double Alignment,
    double Access,
    double Reach,
    bool SharedLanguage);

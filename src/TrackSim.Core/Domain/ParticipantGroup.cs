namespace TrackSim.Core.Domain;

/// <summary>A group of like participants of one state, or of a third party, in an initiative.</summary>
/// <param name="State">State id of the participants' nationality; for a group of a third party (<see cref="ThirdParty"/>), the third party's id.</param>
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
    bool SharedLanguage)
{
    /// <summary>
    /// Whether the group belongs to a third party (a mediator of a facilitating foreign ministry)
    /// rather than to a side: <see cref="State"/> is then the third party's id, and the group has
    /// no government, no cross side and no public.
    /// </summary>
    public bool ThirdParty { get; init; }

    /// <summary>First day the group takes part, or null for the whole life of the initiative.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Whether they speak the initiative's working language; those who do not take less part in its meetings (T2-LANGUAGE).</summary>
    public bool SpeaksWorkingLanguage { get; init; } = true;

    /// <summary>Last day the group takes part, or null for the whole life of the initiative.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Whether the group takes part on <paramref name="date"/> (it has joined and not left).</summary>
    public bool IsMember(DateOnly date) => (From is not { } from || date >= from) && (Until is not { } until || date <= until);
}

using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>One Track II participant during a run.</summary>
/// <param name="state">Index of the participant's state; -1 for a participant of a third party.</param>
/// <param name="group">The participant's group as the scenario gives it (role, dates, initial alignment and access).</param>
/// <param name="governmentPositions">The own government's position on each topic of the initiative, where the participant starts (for a participant of a third party, the middle of the sides' positions).</param>
/// <param name="thirdParty">Index of the participant's third party in <c>World.ThirdParties</c>, or -1 for a participant of a state.</param>
internal sealed class ParticipantRuntime(int state, ParticipantGroup group, double[] governmentPositions, int thirdParty = -1)
{
    /// <summary>Index of the participant's state; -1 for a participant of a third party, who belongs to no side.</summary>
    public int State { get; } = state;

    /// <summary>Index of the participant's third party in <c>World.ThirdParties</c>, or -1 for a participant of a state.</summary>
    public int ThirdParty { get; } = thirdParty;

    /// <summary>Whether the participant belongs to a third party rather than to a side.</summary>
    public bool OfThirdParty => ThirdParty >= 0;

    /// <summary>The group the participant belongs to: its role and the dates it takes part.</summary>
    public ParticipantGroup Group { get; } = group;

    /// <summary>Alignment with the own government on core topics, as the scenario gives it; an event can set it.</summary>
    public double Alignment { get; set; } = group.Alignment;

    /// <summary>Weight of the own government's position on core topics after a meeting, set by T2-COOPT (0 while it is off).</summary>
    public double Stubbornness { get; set; }

    /// <summary>Access to the own government; an event can set it or raise it (an upgrade to Track 1.5).</summary>
    public double Access { get; set; } = group.Access;

    /// <summary>Public reach; raised when a youth participant grows into an adult one (T2-PIPELINE).</summary>
    public double Reach { get; set; } = group.Reach;

    /// <summary>The participant's role: the group's, until a youth participant grows into an adult one (T2-PIPELINE).</summary>
    public Role Role { get; set; } = Role.Find(group.Role) ?? throw new ArgumentException($"Unknown role '{group.Role}'.", nameof(group));

    /// <summary>Years the participant has taken part in a running initiative (counted by T2-PIPELINE for youth participants).</summary>
    public double YearsTakingPart { get; set; }

    /// <summary>
    /// Weight of the participant's part in a meeting: 1 for those who speak the initiative's
    /// working language, less for those who do not (set by T2-LANGUAGE, read by T2-MEET and T2-RESEARCH).
    /// </summary>
    public double Participation { get; set; } = 1;

    public bool SharedLanguage { get; } = group.SharedLanguage;

    /// <summary>Whether the participant's group takes part on <paramref name="date"/> (within its from and until dates).</summary>
    public bool IsMember(DateOnly date) => Group.IsMember(date);

    /// <summary>
    /// The own government's position on each topic, which anchors the participant on core topics.
    /// Fixed for the run, so meetings read it here rather than looking it up by state id.
    /// </summary>
    public double[] GovernmentPositions { get; } = governmentPositions;

    /// <summary>Position on each topic of the initiative; it starts at the government's.</summary>
    public double[] Positions { get; } = [.. governmentPositions];

    /// <summary>Scratch positions for the synchronous update of a meeting.</summary>
    public double[] NextPositions { get; } = new double[governmentPositions.Length];
}

using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// Explicit effects of a scenario event, beyond what its kind and severity do by themselves.
/// Dialogue and confidence-building effects apply to every dyad among the event's actors.
/// </summary>
/// <param name="Dialogue">Suspend or resume the official dialogue (a scripted decision); null leaves it to the model.</param>
/// <param name="Cbm">Confidence-building measures added to the dyads' stock, at least 0.</param>
/// <param name="CreateLinks">New functional links created between the first two actors.</param>
/// <param name="SuspendLinks">Ids of functional links suspended by the event.</param>
/// <param name="ResumeLinks">Ids of functional links resumed by the event.</param>
/// <param name="Hawkishness">New leadership hawkishness by state id (a change of leadership).</param>
/// <param name="StartInitiatives">Ids of initiatives (re)started by the event, or <c>all</c>.</param>
/// <param name="StopInitiatives">Ids of initiatives stopped by the event, or <c>all</c>.</param>
/// <param name="KeepDialogue">Whether the governments keep talking although the event would make the model weigh a suspension (a scripted decision).</param>
/// <param name="ReachAgreements">Ids of agreements the event reaches (a scripted decision).</param>
/// <param name="Expose">Ids of secret initiatives and agreements the event exposes (T2-SECRECY).</param>
public sealed record EventEffects(
    DialogueStatus? Dialogue,
    double Cbm,
    ImmutableArray<FunctionalLinkSpec> CreateLinks,
    ImmutableArray<string> SuspendLinks,
    ImmutableArray<string> ResumeLinks,
    ImmutableSortedDictionary<string, double> Hawkishness,
    ImmutableArray<string> StartInitiatives,
    ImmutableArray<string> StopInitiatives,
    bool KeepDialogue = false,
    ImmutableArray<string> ReachAgreements = default,
    ImmutableArray<string> Expose = default)
{
    /// <summary>The id that stands for every initiative in start and stop lists.</summary>
    public const string AllInitiatives = "all";

    /// <summary>Contacts with the other side allowed or banned by state id (a law on contacts; until the state's next government period).</summary>
    public ImmutableSortedDictionary<string, ContactPolicy> Contacts { get; init; } = ImmutableSortedDictionary<string, ContactPolicy>.Empty;

    /// <summary>New alignment or access of participants of initiatives, in order.</summary>
    public ImmutableArray<ParticipantChange> Participants { get; init; } = [];

    /// <summary>Initiatives upgraded to Track 1.5 by id (or <c>all</c>), with the access every participant rises to at least.</summary>
    public ImmutableSortedDictionary<string, double> UpgradeInitiatives { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>Ids of agreements the event reaches; empty when none.</summary>
    public ImmutableArray<string> Agreements => ReachAgreements.IsDefault ? [] : ReachAgreements;

    /// <summary>Ids of secret initiatives and agreements the event exposes; empty when none.</summary>
    public ImmutableArray<string> Exposures => Expose.IsDefault ? [] : Expose;

    /// <summary>Whether the effects script a decision of the governments (the dialogue or an agreement).</summary>
    public bool ScriptsDecision => Dialogue is not null || KeepDialogue || !Agreements.IsEmpty;

    /// <summary>No explicit effects.</summary>
    public static EventEffects None { get; } = new(
        null, 0, [], [], [], ImmutableSortedDictionary<string, double>.Empty, [], []);
}

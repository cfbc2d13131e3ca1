using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>A Track II dialogue initiative such as the Neemrana dialogue.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name.</param>
/// <param name="States">Ids of the states whose nationals take part (two or more).</param>
/// <param name="Start">First day the initiative can meet.</param>
/// <param name="End">Last day it can meet; null means until the end of the run.</param>
/// <param name="MeetingInterval">Time between scheduled meetings.</param>
/// <param name="Resilience">Chance in [0,1] that a meeting is held despite high tension or a suspended dialogue ("unbroken engagement").</param>
/// <param name="Sponsor">Sponsor or venue, for the record.</param>
/// <param name="Topics">Topics on the agenda.</param>
/// <param name="Participants">Participant groups.</param>
/// <param name="Secret">Whether it is a secret back channel: no public hears of it until a leak or an event exposes it (T2-SECRECY).</param>
public sealed record InitiativeSpec(
    string Id,
    string Name,
    ImmutableArray<string> States,
    DateOnly Start,
    DateOnly? End,
    Duration MeetingInterval,
    double Resilience,
    string? Sponsor,
    ImmutableArray<TopicSpec> Topics,
    ImmutableArray<ParticipantGroup> Participants,
    bool Secret = false)
{
    /// <summary>Ids of the third parties that host, convene, facilitate or guarantee it (T2-THIRD-HOST).</summary>
    public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Ids of the third parties that fund it (T2-THIRD-FUNDING).</summary>
    public ImmutableArray<string> Funders { get; init; } = [];

    /// <summary>The working language of the initiative's meetings, when none is given.</summary>
    public const string DefaultWorkingLanguage = "English";

    /// <summary>The language the meetings are held in; participants who do not speak it take less part (T2-LANGUAGE).</summary>
    public string WorkingLanguage { get; init; } = DefaultWorkingLanguage;
}

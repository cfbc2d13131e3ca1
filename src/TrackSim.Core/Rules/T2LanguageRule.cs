using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-LANGUAGE: the working language of an initiative's meetings (TrackSim's assumption: Diamond and
/// McDonald 1996 describe the tracks, not how language limits a participant's part).
/// <para>
/// Each initiative has a working language (<c>working_language</c>, English unless the scenario
/// says otherwise). Participants whose group does not speak it (<c>speaks_working_language:
/// false</c>) take part with weight ℓ = <c>tracks.language_participation</c>, the others with 1:
/// at a meeting (T2-MEET) the trust a pair gains is scaled by ℓ_p·ℓ_q, and the pull of q on
/// p's position, which is q's influence on the text, by ℓ_q; as drafters (T2-RESEARCH) they count ℓ.
/// Outreach is not affected: it travels in the language shared across the border, and only to
/// the citizens who share it (T2-OUTREACH). Switched off, everyone takes part with weight 1.
/// </para>
/// </summary>
internal sealed class T2LanguageRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press.")
{
    public const string Id = "T2-LANGUAGE";

    public static readonly Mechanism Switch = new("working_language", Id, "less part in meetings for participants who do not speak the initiative's working language");

    public static readonly ParameterDefinition Participation = new("tracks", "language_participation", 0.5, 0, 1, "1", "Weight of a participant who does not speak the working language in the trust gained at meetings and in the pull on texts (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Participation];

    /// <summary>Sets each participant's weight; it changes only with the switch, but is set at every step like the other initiative rules' inputs to T2-MEET.</summary>
    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        double weight = world.On(Switch) ? world.P[Participation] : 1;
        foreach (var participant in initiative.Participants)
        {
            participant.Participation = participant.Group.SpeaksWorkingLanguage ? 1 : weight;
        }
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-RESEARCH: Track 5, research, training and education (Diamond and McDonald 1996; Fisher
/// 1997 on the scholar-practitioners of interactive conflict resolution).
/// <para>
/// Academics and the mediators who train and facilitate draft the texts an initiative agrees
/// on, and a well-drafted text carries more weight with the officials who receive it. With D the
/// sum of the participation weights ℓ (T2-LANGUAGE) of the research-track participants and
/// mediators of a running initiative whose group takes part on the step's first day and whose
/// state allows contacts (a third party's mediators draft too: no ban keeps them away), the extra weight of its texts is δ = 1 − (1 − g)^D,
/// g = <c>tracks.drafting_gain</c>: each recommendation the governments adopt in the step
/// (T2-TRANSFER) adds 1 + δ to their stock of agreed texts on its topic instead of 1, which
/// raises their optimism about an agreement on the topic (TI-READINESS, TI-AGREE). The count of
/// texts that moves a negotiation on is unchanged. Switched off, or without drafters, δ = 0.
/// </para>
/// </summary>
internal sealed class T2ResearchRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press; Fisher, R. J. (1997). Interactive Conflict Resolution. Syracuse University Press.")
{
    public const string Id = "T2-RESEARCH";

    public static readonly Mechanism Switch = new("research_track", Id, "academics and mediators drafting texts that weigh more with the governments");

    public static readonly ParameterDefinition DraftingGain = new("tracks", "drafting_gain", 0.1, 0, 1, "1", "Share of the gap to double weight that one drafter (an academic or a mediator) adds to an agreed text the governments receive (an assumption).");

    private static readonly ParameterDefinition[] Declared = [DraftingGain];

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        double drafters = 0;
        if (world.On(Switch) && initiative.IsRunning(world.Date))
        {
            foreach (var participant in initiative.Participants)
            {
                if (IsDrafter(participant.Role) && participant.IsMember(world.Date) && (participant.OfThirdParty || !world.States[participant.State].ContactsBanned))
                {
                    drafters += participant.Participation;
                }
            }
        }

        initiative.Drafting = drafters == 0 ? 0 : 1 - Math.Pow(1 - world.P[DraftingGain], drafters);
    }

    /// <summary>Whether participants of the role draft texts: the research track and mediators.</summary>
    public static bool IsDrafter(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role.Track == Track.Research || role.Id == "mediator";
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-FUNDING: Track 8, peacemaking through providing resources (Diamond and McDonald 1996).
/// <para>
/// With F the number of funder participants of a running initiative whose group takes part on
/// the step's first day, the initiative's resilience (the chance a meeting is held despite high
/// tension or a suspended dialogue, T2-MEET) is r_F = 1 − (1 − r)·(1 − φ_r)^F, r the scenario's
/// <c>resilience</c>, and it meets 1 + φ_m·F times as often as its <c>meeting_interval</c>:
/// T2-MEET brings the next meeting forward by that factor. φ_r = <c>tracks.funding_resilience</c>,
/// φ_m = <c>tracks.funding_pace</c>. Funders pay for venues, travel and the staff who keep a
/// dialogue going between crises; the scenario's own values stay the base. Switched off, or with
/// no funder taking part, r_F = r and the pace is 1.
/// </para>
/// </summary>
internal sealed class T2FundingRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press.")
{
    public const string Id = "T2-FUNDING";

    public static readonly Mechanism Switch = new("funding_track", Id, "funders raising the meeting frequency and resilience of Track II initiatives");

    public static readonly ParameterDefinition Resilience = new("tracks", "funding_resilience", 0.1, 0, 1, "1", "Share of the gap to 1 in an initiative's resilience that one funder taking part closes (an assumption).");
    public static readonly ParameterDefinition Pace = new("tracks", "funding_pace", 0.25, 0, 10, "1", "Extra meetings, as a share of the scheduled ones, that one funder taking part pays for (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Resilience, Pace];

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        int funders = 0;
        if (world.On(Switch) && initiative.IsRunning(world.Date))
        {
            foreach (var participant in initiative.Participants)
            {
                funders += participant.Role.Track == Track.Funding && participant.IsMember(world.Date) ? 1 : 0;
            }
        }

        // The base is the scenario's resilience as third-party funders raised it (T2-THIRD-FUNDING).
        initiative.Resilience = InitiativeRuntime.Funded(initiative.FundedResilience, world.P[Resilience], funders);
        initiative.MeetingPace = 1 + (world.P[Pace] * funders);
    }
}

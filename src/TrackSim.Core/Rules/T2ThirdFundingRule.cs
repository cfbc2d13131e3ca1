using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-THIRD-FUNDING: third parties that fund an initiative keep it meeting (Diamond and McDonald 1996, Track 8).
/// <para>
/// With n third-party funders, the resilience r of the initiative (the chance that a meeting is
/// held despite tension or a suspended dialogue, T2-MEET) becomes 1 − (1 − r)·(1 − φ)^n,
/// φ = <c>third_party.funding_resilience</c>: each funder closes the share φ of the gap to a
/// meeting that is always held (travel, venue and staff are paid whatever the politics). And its
/// meetings come more often: after a meeting falls due, the next one comes after the scheduled
/// interval divided by 1 + f·n, f = <c>third_party.funding_frequency</c> (rounded up to whole
/// days, and never within the same step). Both forms and their defaults are assumptions of
/// TrackSim's: the literature on Track II funding is qualitative. Switched off, funders change
/// nothing. Funders that take part in meetings as participants (the <c>funder</c> role) raise the
/// resilience further from this value, and the pace (T2-FUNDING); this rule is about third parties
/// named under <c>funders</c>. With both, the gaps multiply: 1 − (1 − r)(1 − φ)^n(1 − φ_p)^F.
/// </para>
/// </summary>
internal sealed class T2ThirdFundingRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace, 3rd ed. Kumarian Press (Track 8, funding; the forms are TrackSim's own).")
{
    public const string Id = "T2-THIRD-FUNDING";

    public static readonly Mechanism Switch = new("third_party_funding", Id, "third-party funders raising an initiative's resilience and meeting frequency");

    public static readonly ParameterDefinition FundingResilience = new("third_party", "funding_resilience", 0.3, 0, 1, "1 per funder", "Share of the gap to a meeting that is always held (resilience 1) that each third-party funder closes.");
    public static readonly ParameterDefinition FundingFrequency = new("third_party", "funding_frequency", 0.5, 0, 10, "1 per funder", "Rise of an initiative's meeting frequency per third-party funder: the interval between meetings is divided by 1 + this x funders.");

    private static readonly ParameterDefinition[] Declared = [FundingResilience, FundingFrequency];

    /// <summary>Raises the resilience of funded initiatives (the funders and the switch hold for the run).</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        bool on = world.On(Switch);
        foreach (var initiative in world.Initiatives)
        {
            initiative.FundedResilience = InitiativeRuntime.Funded(initiative.Spec.Resilience, world.P[FundingResilience], on ? initiative.Funders.Length : 0);
            initiative.Resilience = initiative.FundedResilience;
        }
    }

    /// <summary>Brings the next meeting of a funded initiative forward after a meeting fell due in the step.</summary>
    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        int n = initiative.Funders.Length;
        if (n == 0 || !world.On(Switch) || initiative.DueThisStep is not { } due || initiative.NextMeeting == DateOnly.MaxValue)
        {
            return;
        }

        int gap = initiative.NextMeeting.DayNumber - due.DayNumber;
        int shortened = (int)Math.Ceiling(gap / (1 + (world.P[FundingFrequency] * n)));
        var next = due.AddDays(shortened);
        var nextStep = world.StepEnd.AddDays(1);
        initiative.NextMeeting = next > nextStep ? next : nextStep;
    }
}

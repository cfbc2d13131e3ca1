using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-COOPT: co-optation of participants by their governments on core topics (Friedkin and Johnsen 1990).
/// <para>
/// A participant p with alignment a_p (the scenario's, times <c>track2.alignment_scale</c>, capped
/// at 1) is anchored on core topics to the own government's position with stubbornness
/// λ_p = a_p·κ, κ = <c>track2.anchor_strength</c>; T2-MEET then moves the participant to
/// λ_p·g_p + (1 − λ_p)·y_p after the convergence step. Optionally, co-optation grows in a crisis:
/// with c = <c>track2.crisis_alignment</c> and T the highest tension among the initiative's dyads
/// (as the previous step left it), the alignment used is a_p + c·T·(1 − a_p), closing the share
/// c·T of the gap to full alignment (at the default c = 0 alignment does not depend on tension):
/// participants close ranks with their governments as official relations deteriorate, in the
/// direction Kaye (2007) reports for Track II in the Middle East and South Asia; the form is
/// TrackSim's own. An event can set a_p (EVENT's <c>participants</c> effect).
/// Switched off, core topics converge like peripheral ones.
/// </para>
/// </summary>
internal sealed class T2CooptRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Friedkin, N. E., and Johnsen, E. C. (1990). Social influence and opinions. Journal of Mathematical Sociology 15(3-4); Kaye, D. D. (2007). Talking to the Enemy: Track Two Diplomacy in the Middle East and South Asia. RAND (Track II under deteriorating official relations; the crisis form is TrackSim's own).")
{
    public const string Id = "T2-COOPT";

    public static readonly Mechanism Switch = new("co_optation", Id, "the anchor of participants to their government's position on core topics");

    public static readonly ParameterDefinition AlignmentScale = new("track2", "alignment_scale", 1.0, 0, 2, "1", "Multiplier on every participant's alignment (capped at 1).");
    public static readonly ParameterDefinition AnchorStrength = new("track2", "anchor_strength", 0.1, 0, 1, "1 per meeting", "Weight of the own government's position on a core topic after a meeting, per unit of alignment (Friedkin-Johnsen stubbornness = alignment x this).");
    public static readonly ParameterDefinition CrisisAlignment = new("track2", "crisis_alignment", 0.0, 0, 1, "1", "Share of the gap to full alignment participants close at tension 1: co-optation grows in a crisis (0: alignment does not depend on tension).");

    private static readonly ParameterDefinition[] Declared = [AlignmentScale, AnchorStrength, CrisisAlignment];

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        bool on = world.On(Switch);
        initiative.Anchored = on;
        double scale = world.P[AlignmentScale];
        double anchor = world.P[AnchorStrength];
        double crisis = world.P[CrisisAlignment];
        double rise = on && crisis > 0 ? crisis * HighestTension(initiative) : 0;
        foreach (var participant in initiative.Participants)
        {
            // A participant of a third party has no government to be anchored to.
            double alignment = Math.Min(1, participant.Alignment * scale);
            participant.Stubbornness = on && !participant.OfThirdParty ? (alignment + (rise * (1 - alignment))) * anchor : 0;
        }
    }

    /// <summary>The highest tension among the initiative's dyads (0 if none).</summary>
    private static double HighestTension(InitiativeRuntime initiative)
    {
        double tension = 0;
        foreach (var dyad in initiative.Dyads)
        {
            tension = Math.Max(tension, dyad.Tension);
        }

        return tension;
    }
}

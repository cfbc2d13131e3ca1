using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-COOPT: co-optation of participants by their governments on core topics (Friedkin and Johnsen 1990).
/// <para>
/// A participant p with alignment a_p (the scenario's, times <c>track2.alignment_scale</c>, capped
/// at 1) is anchored on core topics to the own government's position with stubbornness
/// λ_p = a_p·κ, κ = <c>track2.anchor_strength</c>; T2-MEET then moves the participant to
/// λ_p·g_p + (1 − λ_p)·y_p after the convergence step. Switched off, core topics converge like
/// peripheral ones.
/// </para>
/// </summary>
internal sealed class T2CooptRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Friedkin, N. E., and Johnsen, E. C. (1990). Social influence and opinions. Journal of Mathematical Sociology 15(3-4).")
{
    public const string Id = "T2-COOPT";

    public static readonly Mechanism Switch = new("co_optation", Id, "the anchor of participants to their government's position on core topics");

    public static readonly ParameterDefinition AlignmentScale = new("track2", "alignment_scale", 1.0, 0, 2, "1", "Multiplier on every participant's alignment (capped at 1).");
    public static readonly ParameterDefinition AnchorStrength = new("track2", "anchor_strength", 0.1, 0, 1, "1 per meeting", "Weight of the own government's position on a core topic after a meeting, per unit of alignment (Friedkin-Johnsen stubbornness = alignment x this).");

    private static readonly ParameterDefinition[] Declared = [AlignmentScale, AnchorStrength];

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        bool on = world.On(Switch);
        initiative.Anchored = on;
        double scale = world.P[AlignmentScale];
        double anchor = world.P[AnchorStrength];
        foreach (var participant in initiative.Participants)
        {
            participant.Stubbornness = on ? Math.Min(1, participant.Alignment * scale) * anchor : 0;
        }
    }
}

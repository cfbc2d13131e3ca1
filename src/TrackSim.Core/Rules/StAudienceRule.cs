using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-AUDIENCE: domestic audience pressure on posture (Fearon 1994 on audience costs).
/// <para>
/// P_i = <c>posture.audience_pressure</c>·sensitivity_i·hawkishness_i·h_i, with
/// h_i = clamp(1 − 2·public trust_i, 0, 1) the public's hostility; ST-POSTURE adds P_i to the
/// growth of the state's posture toward every other state. Switched off, P_i = 0.
/// </para>
/// </summary>
internal sealed class StAudienceRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Fearon, J. D. (1994). Domestic political audiences and the escalation of international disputes. American Political Science Review 88(3).")
{
    public const string Id = "ST-AUDIENCE";

    public static readonly Mechanism Switch = new("audience_pressure", Id, "domestic audience pressure on posture from a hostile public");

    public static readonly ParameterDefinition Pressure = new("posture", "audience_pressure", 0.3, 0, 5, "posture/year", "Domestic audience pressure from a fully hostile public, scaled by sensitivity and hawkishness.");

    private static readonly ParameterDefinition[] Declared = [Pressure];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        bool on = world.On(Switch);
        double pressure = world.P[Pressure];
        foreach (var state in world.States)
        {
            state.AudiencePressure = on
                ? pressure * state.PublicSensitivity * state.Hawkishness * Math.Clamp(1 - (2 * state.PublicTrust), 0, 1)
                : 0;
        }
    }
}

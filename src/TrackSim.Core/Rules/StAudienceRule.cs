using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-AUDIENCE: domestic audience pressure on posture (Fearon 1994 on audience costs).
/// <para>
/// P_i = <c>posture.audience_pressure</c>·σ_i·hawkishness_i·h_i, with σ_i the government's
/// sensitivity to public opinion and hawkishness_i its leadership's hawkishness, both as
/// ST-GOVERNMENT keeps them (<c>posture.public_sensitivity</c> and <c>posture.hawkishness</c> of the
/// state, or its government period; events can change hawkishness), and h_i = clamp(1 − 2·public
/// trust_i, 0, 1) the public's hostility; ST-POSTURE adds P_i to the growth of the state's posture
/// toward every other state. Switched off, P_i = 0.
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
    public static readonly ParameterDefinition Hawkishness = new("posture", "hawkishness", 0.5, 0, 1, "1", "Leadership hawkishness where no government period says otherwise (events can change it): scales domestic audience pressure on posture and withholds readiness.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition PublicSensitivity = new("posture", "public_sensitivity", 0.5, 0, 1, "1", "Sensitivity of the government to public opinion where no government period says otherwise: scales domestic audience pressure on posture.") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [Pressure, Hawkishness, PublicSensitivity];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        bool on = world.On(Switch);
        double pressure = world.P[Pressure];
        for (int i = 0; i < world.States.Length; i++)
        {
            var state = world.States[i];
            state.AudiencePressure = on
                ? pressure * state.PublicSensitivity * state.Hawkishness * Math.Clamp(1 - (2 * state.PublicTrust), 0, 1)
                : 0;
        }
    }
}

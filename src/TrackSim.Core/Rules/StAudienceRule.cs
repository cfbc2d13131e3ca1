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
/// toward every other state. Trust is directed, so the pressure is too: the hostility of i's public
/// toward actor j, clamp(1 − 2·trust_ij, 0, 1), presses i's posture toward j (with two states, the
/// one public trust). A non-state party has no public in the model: P = 0. Switched off, P = 0.
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
        int n = world.States.Length;
        for (int i = 0; i < n; i++)
        {
            // The public presses toward each actor by its hostility toward that actor; the
            // state's value is the mean over the actors it relates to. A non-state party has no
            // public in the model, so no audience presses it.
            var state = world.States[i];
            double scale = on && state.Spec.HasCitizens ? pressure * state.PublicSensitivity * state.Hawkishness : 0;
            double sum = 0;
            int related = 0;
            for (int j = 0; j < n; j++)
            {
                // No actor is related to itself, so the diagonal stays 0.
                if (!world.Related(i, j))
                {
                    world.AudiencePressure[i, j] = 0;
                    continue;
                }

                double toward = scale == 0 ? 0 : scale * Math.Clamp(1 - (2 * world.Citizens.PublicTrust(world.States, i, j)), 0, 1);
                world.AudiencePressure[i, j] = toward;
                sum += toward;
                related++;
            }

            state.AudiencePressure = related > 0 ? sum / related : 0;
        }
    }
}

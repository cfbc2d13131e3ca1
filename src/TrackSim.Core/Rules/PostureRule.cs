using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-POSTURE and ST-AUDIENCE: Richardson (1960) arms-race dynamics of hostile posture.
/// <para>
/// For every ordered pair of states (i, j), with x = x_ij and y = x_ji:
/// x ← clamp(x + Δt·(a_i·y − m_i·x + r_i + G_ij + P_i), 0, x_max), where a_i is the fear
/// coefficient, r_i the standing grievance (both per state, defaulting to <c>posture.fear</c> and
/// <c>posture.grievance</c>), G_ij the remembered grievance from events and incidents (halving
/// every <c>posture.grievance_half_life</c> years), and
/// m_i = restraint_i + <c>posture.cbm_restraint</c>·CBM_ij + <c>posture.interdependence_restraint</c>·L_ij
/// + <c>posture.dialogue_restraint</c>·τ_ij·[dialogue open], with L_ij the strength of the dyad's
/// active functional links and τ_ij official trust (diplomacy as a channel of restraint). ST-AUDIENCE adds domestic
/// audience pressure P_i = <c>posture.audience_pressure</c>·sensitivity_i·hawkishness_i·h_i, with
/// h_i = clamp(1 − 2·public trust_i, 0, 1) the public's hostility (Fearon 1994 on audience costs).
/// Without events, incidents, audience pressure, CBMs, links and dialogue, and with m_i·m_j > a_i·a_j, postures converge to
/// x* = (m_j r_i + a_i r_j)/(m_i m_j − a_i a_j); with m_i·m_j &lt; a_i·a_j they run away to x_max.
/// All pairs read the postures of the previous step.
/// </para>
/// </summary>
internal static class PostureRule
{
    public const string Id = "ST-POSTURE";

    public static void Apply(World world, double[,] scratch)
    {
        var p = world.P;
        int n = world.States.Length;
        double grievanceMemory = ModelParameters.Decay(p.GrievanceHalfLife, world.Dt);
        bool move = world.On("posture");
        for (int i = 0; i < n; i++)
        {
            var state = world.States[i];
            double audience = world.On("audience_pressure")
                ? p.AudiencePressure * state.PublicSensitivity * state.Hawkishness * Math.Clamp(1 - (2 * state.PublicTrust), 0, 1)
                : 0;
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double x = world.Posture[i, j];
                if (!move)
                {
                    scratch[i, j] = x;
                    continue;
                }

                var dyad = world.DyadOf(i, j);
                double restraint = state.Restraint + (p.CbmRestraint * dyad.CbmStock) + (p.InterdependenceRestraint * world.ActiveStrength(dyad))
                    + (dyad.DialogueOpen ? p.DialogueRestraint * dyad.OfficialTrust : 0);
                double change = (state.Fear * world.Posture[j, i]) - (restraint * x) + state.Grievance + world.EventGrievance[i, j] + audience;
                scratch[i, j] = Math.Clamp(x + (world.Dt * change), 0, p.PostureMax);
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                world.Posture[i, j] = scratch[i, j];
                world.EventGrievance[i, j] *= grievanceMemory;
            }
        }
    }

    /// <summary>A state's mean posture toward the others (the <c>posture</c> metric).</summary>
    public static double MeanPosture(World world, int i)
    {
        int n = world.States.Length;
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            if (j != i)
            {
                sum += world.Posture[i, j];
            }
        }

        return n > 1 ? sum / (n - 1) : 0;
    }
}

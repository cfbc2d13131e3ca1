using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-POSTURE: Richardson (1960) arms-race dynamics of hostile posture.
/// <para>
/// For every ordered pair of states (i, j), with x = x_ij and y = x_ji:
/// x ← clamp(x + Δt·(a_i·y − m_i·x + r_i + G_ij + P_i), 0, x_max), where a_i is the fear
/// coefficient, r_i the standing grievance (parameters of a state: <c>posture.fear</c> and
/// <c>posture.grievance</c>, which a scenario can set for all states or state by state), G_ij the remembered grievance from events and incidents (halving
/// every <c>posture.grievance_half_life</c> years), P_i the audience pressure of ST-AUDIENCE, and
/// m_i = restraint_i + <c>posture.cbm_restraint</c>·CBM_ij + <c>posture.interdependence_restraint</c>·L_ij
/// + <c>posture.dialogue_restraint</c>·τ_ij·[dialogue open], with L_ij the strength of the dyad's
/// active functional links and τ_ij official trust (diplomacy as a channel of restraint).
/// Without events, incidents, audience pressure, CBMs, links and dialogue, and with m_i·m_j > a_i·a_j, postures converge to
/// x* = (m_j r_i + a_i r_j)/(m_i m_j − a_i a_j); with m_i·m_j &lt; a_i·a_j they run away to x_max.
/// All pairs read the postures of the previous step.
/// </para>
/// </summary>
internal sealed class StPostureRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Richardson, L. F. (1960). Arms and Insecurity. Boxwood Press.")
{
    public const string Id = "ST-POSTURE";

    public static readonly Mechanism Switch = new("posture", Id, "Richardson dynamics of hostile posture");

    public static readonly ParameterDefinition Fear = new("posture", "fear", 0.3, 0, 5, "1/year", "Growth of a state's posture per unit of the other's posture (Richardson's a, b).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Restraint = new("posture", "restraint", 0.8, 0, 5, "1/year", "Decay of a state's own posture (Richardson's m, n).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Grievance = new("posture", "grievance", 0.05, 0, 5, "posture/year", "Standing grievance that pushes posture up (Richardson's r, s).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition GrievanceHalfLife = new("posture", "grievance_half_life", 1.0, 0.05, 50, "years", "Half-life of the memory of event grievances.");
    public static readonly ParameterDefinition CbmRestraint = new("posture", "cbm_restraint", 0.3, 0, 5, "1/year per CBM", "Restraint added per unit of confidence-building-measure stock.");
    public static readonly ParameterDefinition InterdependenceRestraint = new("posture", "interdependence_restraint", 0.3, 0, 5, "1/year per link strength", "Restraint added per unit of active functional-link strength.");
    public static readonly ParameterDefinition DialogueRestraint = new("posture", "dialogue_restraint", 0.3, 0, 5, "1/year", "Restraint added by an open official dialogue, scaled by official trust.");
    public static readonly ParameterDefinition Max = new("posture", "max", 10, 0.1, 1000, "posture", "Saturation level of posture (runaway arms races stop here).");

    private static readonly ParameterDefinition[] Declared = [Fear, Restraint, Grievance, GrievanceHalfLife, CbmRestraint, InterdependenceRestraint, DialogueRestraint, Max];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.Posture, (world, s) => MeanPosture(world, s))];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        int n = world.States.Length;
        double[,] scratch = world.PostureScratch;
        double grievanceMemory = ModelParameters.Decay(p[GrievanceHalfLife], world.Dt);
        double cbmRestraint = p[CbmRestraint];
        double interdependenceRestraint = p[InterdependenceRestraint];
        double dialogueRestraint = p[DialogueRestraint];
        double max = p[Max];
        bool move = world.On(Switch);
        for (int i = 0; i < n; i++)
        {
            var state = world.States[i];
            double fear = p.Of(Fear, i);
            double restraintOf = p.Of(Restraint, i);
            double grievance = p.Of(Grievance, i);
            double audience = state.AudiencePressure;
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
                double restraint = restraintOf + (cbmRestraint * dyad.CbmStock) + (interdependenceRestraint * world.ActiveStrength(dyad))
                    + (dyad.DialogueOpen ? dialogueRestraint * dyad.OfficialTrust : 0);
                double change = (fear * world.Posture[j, i]) - (restraint * x) + grievance + world.EventGrievance[i, j] + audience;
                scratch[i, j] = Math.Clamp(x + (world.Dt * change), 0, max);
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
        ArgumentNullException.ThrowIfNull(world);
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

using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-TENSION: tension of a dyad from both postures and recent incidents.
/// <para>
/// T = 1 − exp(−(x_ij + x_ji)/S − w·M), with S = <c>tension.posture_scale</c>,
/// w = <c>tension.incident_weight</c> and M the dyad's incident memory; T lies in [0, 1).
/// The scenario's initial tension sets the initial postures through the same relation.
/// </para>
/// </summary>
internal static class TensionRule
{
    public const string Id = "ST-TENSION";

    public static void Apply(World world)
    {
        var p = world.P;
        foreach (var dyad in world.Dyads)
        {
            double load = ((world.Posture[dyad.A, dyad.B] + world.Posture[dyad.B, dyad.A]) / p.PostureScale) + (p.IncidentWeight * dyad.IncidentMemory);
            dyad.Tension = 1 - Math.Exp(-load);
        }
    }
}

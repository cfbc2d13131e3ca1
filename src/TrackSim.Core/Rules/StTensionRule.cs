using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-TENSION: tension of a dyad from both postures and recent incidents.
/// <para>
/// T = 1 − exp(−(x_ij + x_ji)/S − w·M), with S = <c>tension.posture_scale</c>,
/// w = <c>tension.incident_weight</c> and M the dyad's incident memory; T lies in [0, 1).
/// The scenario's initial tension sets the initial postures through the same relation.
/// </para>
/// </summary>
internal sealed class StTensionRule() : Rule(
    Id,
    null,
    Declared,
    Recorded,
    "TrackSim's own specification (no published source).")
{
    public const string Id = "ST-TENSION";

    public static readonly ParameterDefinition PostureScale = new("tension", "posture_scale", 1.0, 0.01, 100, "posture", "Combined posture at which the posture part of tension reaches 1 - 1/e.");
    public static readonly ParameterDefinition IncidentWeight = new("tension", "incident_weight", 0.005, 0, 1, "tension per incident", "Tension added per remembered incident.");

    private static readonly ParameterDefinition[] Declared = [PostureScale, IncidentWeight];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.Tension, (world, d) => world.Dyads[d].Tension)];

    /// <summary>
    /// The dyad's initial tension fixes the sum of the two postures (tension = 1 - exp(-(x + y) / scale));
    /// the states' initial postures set how the sum is shared between them.
    /// </summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        double scale = world.P[PostureScale];
        double max = world.P[StPostureRule.Max];
        foreach (var dyad in world.Dyads)
        {
            int a = dyad.A;
            int b = dyad.B;
            double sum = -scale * Math.Log(1 - Math.Min(dyad.Tension, 0.999));
            double pa = world.States[a].Spec.Posture;
            double pb = world.States[b].Spec.Posture;
            double shareA = pa + pb > 0 ? pa / (pa + pb) : 0.5;
            world.Posture[a, b] = Math.Min(sum * shareA, max);
            world.Posture[b, a] = Math.Min(sum * (1 - shareA), max);
        }
    }

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        double scale = world.P[PostureScale];
        double weight = world.P[IncidentWeight];
        foreach (var dyad in world.Dyads)
        {
            double load = ((world.Posture[dyad.A, dyad.B] + world.Posture[dyad.B, dyad.A]) / scale) + (weight * dyad.IncidentMemory);
            dyad.Tension = 1 - Math.Exp(-load);
        }
    }
}

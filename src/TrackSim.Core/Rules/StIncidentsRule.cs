using MathNet.Numerics.Distributions;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-INCIDENTS: endogenous incidents such as ceasefire violations.
/// <para>
/// Each step, a dyad with tension T has N ~ Poisson(Δt·(b + c·T^k)) incidents, with
/// b = <c>incidents.base_rate</c>, c = <c>incidents.tension_rate</c>, k = <c>incidents.tension_exponent</c>,
/// times 1 − ρ where ρ is the share the agreements in force prevent (a ceasefire; TI-AGREE).
/// Each incident adds <c>incidents.grievance</c> to both states' grievance toward the other, and
/// the dyad's incident memory M ← M·2^(−Δt/h) + N (h = <c>tension.incident_half_life</c>) feeds
/// tension. Incidents are recorded as the <c>incidents</c> metric rather than in the event log.
/// </para>
/// </summary>
internal sealed class StIncidentsRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "TrackSim's own specification (no published source).")
{
    public const string Id = "ST-INCIDENTS";

    public static readonly Mechanism Switch = new("incidents", Id, "endogenous incidents drawn with a rate that grows with tension");

    public static readonly ParameterDefinition IncidentHalfLife = new("tension", "incident_half_life", 0.25, 0.01, 10, "years", "Half-life of the memory of incidents in tension.");
    public static readonly ParameterDefinition BaseRate = new("incidents", "base_rate", 1.0, 0, 1000, "incidents/year", "Incident rate at zero tension.");
    public static readonly ParameterDefinition TensionRate = new("incidents", "tension_rate", 20, 0, 10000, "incidents/year", "Additional incident rate at tension 1.");
    public static readonly ParameterDefinition TensionExponent = new("incidents", "tension_exponent", 2.0, 0.1, 10, "1", "Curvature of the incident rate in tension.");
    public static readonly ParameterDefinition Grievance = new("incidents", "grievance", 0.002, 0, 1, "posture/year per incident", "Grievance each incident adds to both states' grievance toward the other.");

    private static readonly ParameterDefinition[] Declared = [IncidentHalfLife, BaseRate, TensionRate, TensionExponent, Grievance];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.Incidents, (world, d) => world.Dyads[d].IncidentsThisStep)];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        double memory = ModelParameters.Decay(p[IncidentHalfLife], world.Dt);
        bool on = world.On(Switch);
        double baseRate = p[BaseRate];
        double tensionRate = p[TensionRate];
        double exponent = p[TensionExponent];
        double grievance = p[Grievance];
        foreach (var dyad in world.Dyads)
        {
            int count = 0;
            if (on)
            {
                double rate = world.Dt * (baseRate + (tensionRate * Math.Pow(dyad.Tension, exponent))) * (1 - dyad.IncidentReduction);
                count = rate > 0 ? Poisson.Sample(world.IncidentStream, rate) : 0;
                world.EventGrievance[dyad.A, dyad.B] += count * grievance;
                world.EventGrievance[dyad.B, dyad.A] += count * grievance;
            }

            dyad.IncidentsThisStep = count;
            dyad.IncidentMemory = (dyad.IncidentMemory * memory) + count;
        }
    }
}

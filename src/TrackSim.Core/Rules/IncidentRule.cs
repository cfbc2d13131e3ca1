using MathNet.Numerics.Distributions;
using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-INCIDENTS: endogenous incidents such as ceasefire violations.
/// <para>
/// Each step, a dyad with tension T has N ~ Poisson(Δt·(b + c·T^k)) incidents, with
/// b = <c>incidents.base_rate</c>, c = <c>incidents.tension_rate</c>, k = <c>incidents.tension_exponent</c>.
/// Each incident adds <c>incidents.grievance</c> to both states' grievance toward the other, and
/// the dyad's incident memory M ← M·2^(−Δt/h) + N (h = <c>tension.incident_half_life</c>) feeds
/// tension. Incidents are recorded as the <c>incidents</c> metric rather than in the event log.
/// </para>
/// </summary>
internal static class IncidentRule
{
    public const string Id = "ST-INCIDENTS";

    public static void Apply(World world)
    {
        var p = world.P;
        double memory = ModelParameters.Decay(p.IncidentHalfLife, world.Dt);
        foreach (var dyad in world.Dyads)
        {
            int count = 0;
            if (world.On("incidents"))
            {
                double rate = world.Dt * (p.IncidentBaseRate + (p.IncidentTensionRate * Math.Pow(dyad.Tension, p.IncidentExponent)));
                count = rate > 0 ? Poisson.Sample(world.IncidentStream, rate) : 0;
                world.EventGrievance[dyad.A, dyad.B] += count * p.IncidentGrievance;
                world.EventGrievance[dyad.B, dyad.A] += count * p.IncidentGrievance;
            }

            dyad.IncidentsThisStep = count;
            dyad.IncidentMemory = (dyad.IncidentMemory * memory) + count;
        }
    }
}

using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-INCIDENTS: Poisson incidents with a rate that grows with tension, feeding grievances and the incident memory.</summary>
public sealed class IncidentRuleTests
{
    private const string Yaml = """
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB } ]
        """;

    [Test]
    public void Incidents_switched_off_draw_nothing_and_the_memory_only_fades()
    {
        var world = RuleWorlds.Create(Yaml + "\nmechanisms: { incidents: false }");
        var dyad = world.Dyads[0];
        dyad.Tension = 0.9;
        dyad.IncidentMemory = 4;

        new StIncidentsRule().Apply(world);

        // One month of a 0.25-year half-life: 4·2^(−(1/12)/0.25) = 4·2^(−1/3).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.IncidentsThisStep, Is.Zero);
            Assert.That(world.EventGrievance[0, 1], Is.Zero);
            Assert.That(dyad.IncidentMemory, Is.EqualTo(4 * Math.Pow(2, -1.0 / 3)).Within(1e-12));
        }
    }

    [Test]
    public void Mean_count_per_step_is_the_yearly_rate_times_the_step_length()
    {
        var world = RuleWorlds.Create(Yaml);
        var dyad = world.Dyads[0];
        dyad.Tension = 0.5;
        const int draws = 20_000;
        long total = 0;
        double sumOfSquares = 0;
        for (int k = 0; k < draws; k++)
        {
            new StIncidentsRule().Apply(world);
            total += dyad.IncidentsThisStep;
            sumOfSquares += (double)dyad.IncidentsThisStep * dyad.IncidentsThisStep;
        }

        // Rate = 1 + 20·0.5² = 6 incidents a year, so λ = 6/12 = 0.5 a month. The mean of 20,000
        // Poisson(0.5) draws has SD √(0.5/20000) = 0.005: four SDs (0.02) make a false failure
        // about 1 in 16,000. The variance of a Poisson is λ too; its estimate has SD about
        // √((λ + 2λ²)/n) = 0.0071, so 0.03 is again about four SDs.
        double mean = (double)total / draws;
        double variance = (sumOfSquares / draws) - (mean * mean);

        // Each incident adds incidents.grievance = 0.002 to both states' grievance (nothing fades it here).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(0.5).Within(0.02));
            Assert.That(variance, Is.EqualTo(0.5).Within(0.03));
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(total * 0.002).Within(1e-9));
            Assert.That(world.EventGrievance[1, 0], Is.EqualTo(total * 0.002).Within(1e-9));
        }
    }

    [Test]
    public void Incident_memory_adds_this_steps_count_to_the_faded_memory()
    {
        var world = RuleWorlds.Create(Yaml + "\nparameters: { incidents: { base_rate: 600, tension_rate: 0 } }");
        var dyad = world.Dyads[0];
        dyad.IncidentMemory = 4;

        new StIncidentsRule().Apply(world);

        // λ = 600/12 = 50 a month, so some incidents are drawn; M = 4·2^(−1/3) + N.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.IncidentsThisStep, Is.Positive);
            Assert.That(dyad.IncidentMemory, Is.EqualTo((4 * Math.Pow(2, -1.0 / 3)) + dyad.IncidentsThisStep).Within(1e-12));
        }
    }
}

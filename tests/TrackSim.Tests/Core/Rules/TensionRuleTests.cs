using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-TENSION: tension from both postures and the incident memory, and the initial postures it implies.</summary>
public sealed class TensionRuleTests
{
    // A few double operations: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    [Test]
    public void Tension_is_one_minus_exp_of_scaled_postures_and_remembered_incidents()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            parameters: { tension: { posture_scale: 2, incident_weight: 0.01 } }
            """);
        world.Posture[0, 1] = 0.3;
        world.Posture[1, 0] = 0.5;
        world.Dyads[0].IncidentMemory = 10;

        new StTensionRule().Apply(world);

        // load = (0.3 + 0.5)/2 + 0.01·10 = 0.5; T = 1 − e^−0.5 = 0.3934693...
        Assert.That(world.Dyads[0].Tension, Is.EqualTo(1 - Math.Exp(-0.5)).Within(Rounding));
    }

    [Test]
    public void Initial_tension_sets_the_sum_of_postures_and_the_states_postures_share_it()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA, posture: 0.1 }, { id: BB, posture: 0.3 } ]
            dyads: [ { states: [AA, BB], tension: 0.5 } ]
            """);

        // x + y = −1·ln(1 − 0.5) = ln 2 = 0.6931...; AA's share 0.1/(0.1 + 0.3) = 1/4.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(Math.Log(2) / 4).Within(Rounding));
            Assert.That(world.Posture[1, 0], Is.EqualTo(Math.Log(2) * 3 / 4).Within(Rounding));
        }

        // The tension rule then gives the initial tension back (no incidents remembered yet).
        new StTensionRule().Apply(world);
        Assert.That(world.Dyads[0].Tension, Is.EqualTo(0.5).Within(Rounding));
    }

    [Test]
    public void States_without_initial_posture_share_the_sum_equally()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA, posture: 0 }, { id: BB, posture: 0 } ]
            dyads: [ { states: [AA, BB], tension: 0.3 } ]
            """);

        // x = y = −ln(0.7)/2 = 0.178337...
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(-Math.Log(0.7) / 2).Within(Rounding));
            Assert.That(world.Posture[1, 0], Is.EqualTo(-Math.Log(0.7) / 2).Within(Rounding));
        }
    }
}

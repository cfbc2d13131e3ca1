using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-POSTURE and ST-AUDIENCE: one explicit Euler step of the Richardson dynamics, checked by hand.</summary>
public sealed class PostureRuleTests
{
    // Every value below is computed in double precision from a handful of operations, so the
    // results agree with the hand arithmetic to rounding: 1e-12 is far above that and far below
    // any modelling difference.
    private const double Rounding = 1e-12;

    private const string TwoStates = """
        calendar: { start: 2000-01, end: 2001-12 }
        states:
          - { id: AA }
          - { id: BB }
        dyads:
          - states: [AA, BB]
            functional_links: [ { id: river, sector: water, strength: 0.4, threshold: 0.9 } ]
        parameters:
          posture: { fear: { AA: 0.4 }, restraint: { AA: 0.5 }, grievance: { AA: 0.1 }, hawkishness: { AA: 0.8 }, public_sensitivity: { AA: 0.5 } }
        """;

    private static World TwoStateWorld(string extra = "")
    {
        var world = RuleWorlds.Create(TwoStates + "\n" + extra);
        var dyad = world.Dyads[0];
        dyad.CbmStock = 0.5;
        dyad.OfficialTrust = 0.5;
        dyad.DialogueOpen = true;
        world.Posture[0, 1] = 1.0;
        world.Posture[1, 0] = 2.0;
        world.EventGrievance[0, 1] = 0.2;
        world.States[0].PublicTrust = 0.2;
        world.States[1].PublicTrust = 0.6;
        return world;
    }

    [Test]
    public void One_step_combines_fear_restraint_grievances_cbm_links_dialogue_and_audience()
    {
        var world = TwoStateWorld();

        RuleWorlds.Posture(world);

        // AA toward BB: restraint m = 0.5 + 0.3·0.5 (CBM) + 0.3·0.4 (link) + 0.3·0.5 (open dialogue × trust) = 0.92;
        // audience P = 0.3 · 0.5 (sensitivity) · 0.8 (hawkishness) · clamp(1 − 2·0.2) = 0.072;
        // dx/dt = 0.4·2 − 0.92·1 + 0.1 + 0.2 (event grievance) + 0.072 = 0.252; x = 1 + 0.252/12 = 1.021.
        // BB toward AA (defaults a = 0.3, m = 0.8 + 0.42 = 1.22, r = 0.05; public trust 0.6 > 0.5: no audience):
        // dy/dt = 0.3·1 − 1.22·2 + 0.05 = −2.09; y = 2 − 2.09/12 = 1.8258333...; it reads AA's old posture 1, not 1.021.
        // The event grievance then fades by one month of a one-year half-life: 0.2 · 2^(−1/12).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(1.021).Within(Rounding));
            Assert.That(world.Posture[1, 0], Is.EqualTo(2 - (2.09 / 12)).Within(Rounding));
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(0.2 * Math.Pow(2, -1.0 / 12)).Within(Rounding));
        }
    }

    [Test]
    public void Suspended_dialogue_and_suspended_links_add_no_restraint()
    {
        var world = TwoStateWorld();
        world.Dyads[0].DialogueOpen = false;
        world.Dyads[0].Links[0].SuspendedByEvent = true;

        RuleWorlds.Posture(world);

        // AA: m = 0.5 + 0.15 = 0.65 (CBM only); dx/dt = 0.8 − 0.65 + 0.1 + 0.2 + 0.072 = 0.522; x = 1 + 0.522/12.
        Assert.That(world.Posture[0, 1], Is.EqualTo(1 + (0.522 / 12)).Within(Rounding));
    }

    [TestCase(0.0, 0.12)]
    [TestCase(0.3, 0.048)]
    [TestCase(0.5, 0.0)]
    [TestCase(0.9, 0.0)]
    public void Audience_pressure_grows_with_the_hostility_of_the_public(double publicTrust, double pressure)
    {
        // Only the audience term is left: no fear, restraint or grievance, and a posture of 0.
        // P = 0.3 · 0.5 · 0.8 · clamp(1 − 2·trust, 0, 1): 0.12 at trust 0, 0.048 at 0.3, none from 0.5 up.
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states:
              - { id: AA }
              - { id: BB }
            parameters: { posture: { dialogue_restraint: 0, fear: 0, restraint: 0, grievance: 0, hawkishness: { AA: 0.8 }, public_sensitivity: { AA: 0.5 } } }
            """);
        world.Posture[0, 1] = 0;
        world.States[0].PublicTrust = publicTrust;
        world.States[1].PublicTrust = 1;

        RuleWorlds.Posture(world);

        Assert.That(world.Posture[0, 1], Is.EqualTo(pressure / 12).Within(Rounding));
    }

    [Test]
    public void Audience_pressure_switched_off_adds_nothing()
    {
        var world = TwoStateWorld("mechanisms: { audience_pressure: false }");

        RuleWorlds.Posture(world);

        // As in the full step without the 0.072 of audience pressure: dx/dt = 0.18.
        Assert.That(world.Posture[0, 1], Is.EqualTo(1 + (0.18 / 12)).Within(Rounding));
    }

    [Test]
    public void Posture_saturates_at_its_maximum_and_never_falls_below_zero()
    {
        var world = TwoStateWorld();
        world.Posture[0, 1] = 9.99;
        world.Posture[1, 0] = 10;
        world.Dyads[0].CbmStock = 100;

        RuleWorlds.Posture(world);

        // AA: 9.99 + (0.4·10 − m·9.99 + ...)/12 with m = 30.77 overshoots far below zero: the clamp holds it at 0.
        // With an ordinary restraint the same fear would carry it over the maximum 10, which the next case shows.
        Assert.That(world.Posture[0, 1], Is.Zero);

        var fearful = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            parameters: { posture: { fear: { AA: 5 }, restraint: { AA: 0 } } }
            """);
        fearful.Posture[0, 1] = 9.99;
        fearful.Posture[1, 0] = 10;

        RuleWorlds.Posture(fearful);

        // dx/dt ≥ 5·10 = 50, so 9.99 + 50/12 > 10: saturated at posture.max = 10.
        Assert.That(fearful.Posture[0, 1], Is.EqualTo(10));
    }

    [Test]
    public void Posture_switched_off_holds_postures_but_grievances_still_fade()
    {
        var world = TwoStateWorld("mechanisms: { posture: false }");

        RuleWorlds.Posture(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(1.0));
            Assert.That(world.Posture[1, 0], Is.EqualTo(2.0));
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(0.2 * Math.Pow(2, -1.0 / 12)).Within(Rounding));
        }
    }

    [Test]
    public void Mean_posture_of_a_state_averages_over_the_other_states()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB }, { id: CC } ]
            """);
        world.Posture[0, 1] = 1;
        world.Posture[0, 2] = 3;

        Assert.That(StPostureRule.MeanPosture(world, 0), Is.EqualTo(2));
    }
}

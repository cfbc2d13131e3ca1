using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-GOVERNMENT: the government period in force sets each state's values of government, and the rules read them from the state.</summary>
public sealed class GovernmentRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static readonly StGovernmentRule Government = new();

    // Monthly from 2000-01: March 2002 is step 26, January 2004 step 48.
    private const int BoldStep = 26;
    private const int CalmStep = 48;

    private const string Periods = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - id: AA
            governments:
              - { from: 2000-01-01, leader: Ames, receptivity: 0.9 }
              - { from: 2002-03-15, leader: Bold, hawkishness: 0.9, public_sensitivity: 0.8, contacts: banned }
              - { from: 2004-01, leader: Calm, hawkishness: 0.1 }
          - { id: BB }
        citizens: { per_state: 10, network: { mean_degree: 2 } }
        parameters:
          posture: { hawkishness: { AA: 0.4, BB: 0.6 }, public_sensitivity: 0.3 }
          transfer: { receptivity: { AA: 0.2 } }
        """;

    /// <summary>Puts the clock on <paramref name="step"/> and applies ST-GOVERNMENT.</summary>
    private static void GovernAt(World world, int step)
    {
        RuleWorlds.GoTo(world, step);
        Government.Apply(world);
    }

    private static (double Receptivity, double Hawkishness, double Sensitivity, bool Banned) Values(StateRuntime state) =>
        (state.Receptivity, state.Hawkishness, state.PublicSensitivity, state.ContactsBanned);

    [Test]
    public void Without_periods_the_values_of_government_are_the_states_parameters()
    {
        var world = RuleWorlds.Create(Periods);
        GovernAt(world, BoldStep);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(world.States[1]), Is.EqualTo((0.5, 0.6, 0.3, false)), "receptivity by default, hawkishness and sensitivity as the scenario sets them");
            Assert.That(world.States[1].Government, Is.EqualTo(-1));
        }
    }

    [Test]
    public void A_period_that_begins_on_the_first_day_is_in_force_from_the_start_and_not_logged()
    {
        var world = RuleWorlds.Create(Periods);
        GovernAt(world, 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.States[0].Government, Is.Zero);
            Assert.That(Values(world.States[0]), Is.EqualTo((0.9, 0.4, 0.3, false)), "Ames's receptivity; the parameters for the rest");
            Assert.That(world.Log, Is.Empty);
        }
    }

    [Test]
    public void A_period_takes_office_in_the_step_that_holds_its_date_and_is_logged()
    {
        var world = RuleWorlds.Create(Periods);
        GovernAt(world, BoldStep - 1);
        var before = Values(world.States[0]);
        GovernAt(world, BoldStep);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo((0.9, 0.4, 0.3, false)), "Ames until the step that holds 2002-03-15");
            Assert.That(Values(world.States[0]), Is.EqualTo((0.2, 0.9, 0.8, true)));
            var entry = world.Log.Single();
            Assert.That((entry.Rule, entry.Subject, entry.Step), Is.EqualTo(("ST-GOVERNMENT", "AA", BoldStep)));
            Assert.That(entry.Detail, Is.EqualTo("Bold takes office on 2002-03-15 (hawkishness 0.9, receptivity 0.2, public sensitivity 0.8, contacts banned)"));
        }
    }

    [Test]
    public void A_value_the_period_leaves_out_is_the_parameter_not_the_previous_governments()
    {
        var world = RuleWorlds.Create(Periods);
        GovernAt(world, BoldStep);
        GovernAt(world, CalmStep);

        // Calm gives only hawkishness: receptivity is AA's parameter 0.2 (not Ames's 0.9), the
        // sensitivity the parameter 0.3 (not Bold's 0.8), and contacts are allowed again.
        Assert.That(Values(world.States[0]), Is.EqualTo((0.2, 0.1, 0.3, false)));
    }

    [Test]
    public void Of_two_periods_that_begin_within_one_step_the_later_takes_office()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2000-05-03, leader: Short, hawkishness: 0.9 }
                  - { from: 2000-05-20, leader: Next, hawkishness: 0.2 }
              - { id: BB }
            """);
        GovernAt(world, 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.States[0].Hawkishness, Is.EqualTo(0.2));
            Assert.That(world.Log.Single().Detail, Does.StartWith("Next takes office on 2000-05-20"));
        }
    }

    [Test]
    public void An_events_hawkishness_holds_until_the_next_period_and_wins_in_the_step_a_period_begins()
    {
        // Bold (0.9) governs from 2002-03; an event in 2003-06 sets 0.7, which holds until Calm (0.1)
        // takes office in 2004-01. A second event in the step Calm takes office applies after it.
        var scenario = RuleWorlds.Load(Periods + "\n" + """
            events:
              - { id: purge, date: 2003-06, kind: domestic, actors: [AA], effects: { hawkishness: { AA: 0.7 } } }
              - { id: defection, date: 2004-01-20, kind: domestic, actors: [AA], effects: { hawkishness: { AA: 0.6 } } }
            """);
        var withBoth = new Simulation(scenario, 0, 1, citizenThreads: 1);
        var withoutSecond = new Simulation(scenario with { Events = [.. scenario.Events.Where(e => e.Id != "defection")] }, 0, 1, citizenThreads: 1);
        var hawkishness = new List<(double Both, double First)>();
        for (int k = 0; k <= CalmStep; k++)
        {
            withBoth.Step();
            withoutSecond.Step();
            hawkishness.Add((withBoth.World.States[0].Hawkishness, withoutSecond.World.States[0].Hawkishness));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hawkishness[BoldStep], Is.EqualTo((0.9, 0.9)), "Bold's");
            Assert.That(hawkishness[41], Is.EqualTo((0.7, 0.7)), "the purge of 2003-06 (step 41)");
            Assert.That(hawkishness[CalmStep - 1], Is.EqualTo((0.7, 0.7)), "held through Bold's period");
            Assert.That(hawkishness[CalmStep].First, Is.EqualTo(0.1), "Calm replaces it");
            Assert.That(hawkishness[CalmStep].Both, Is.EqualTo(0.6), "an event in the step Calm takes office applies after it");
        }
    }

    [Test]
    public void Audience_pressure_reads_the_governments_sensitivity_and_hawkishness()
    {
        var world = RuleWorlds.Create(Periods);
        GovernAt(world, BoldStep);
        RuleWorlds.SetPublicTrust(world, 0, 0);

        new StAudienceRule().Apply(world);

        // posture.audience_pressure 0.3 x Bold's sensitivity 0.8 x hawkishness 0.9 x hostility 1.
        Assert.That(world.States[0].AudiencePressure, Is.EqualTo(0.216).Within(Rounding));
    }

    [Test]
    public void Readiness_reads_the_governments_hawkishness()
    {
        var world = RuleWorlds.Create(Periods);
        var readiness = new TiReadinessRule();
        GovernAt(world, BoldStep - 1);
        readiness.Apply(world);
        double ames = world.Dyads[0].Readiness[0];
        GovernAt(world, BoldStep);
        readiness.Apply(world);

        // R = √(M·O)·(1 − 0.5·h): M and O do not change (no tension change, no texts), so the ratio
        // is (1 − 0.5·0.9)/(1 − 0.5·0.4) = 0.6875; Bold also bans contacts, which takes the working
        // trust of AA's participants (there are none here) and nothing else.
        Assert.That(world.Dyads[0].Readiness[0] / ames, Is.EqualTo(0.6875).Within(Rounding));
    }
}

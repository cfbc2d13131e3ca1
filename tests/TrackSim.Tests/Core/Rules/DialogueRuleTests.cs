using System.Globalization;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-DIALOGUE: a suspended dialogue resumes after tension has stayed low for the delay, which preparation shortens.</summary>
public sealed class DialogueRuleTests
{
    private static World SuspendedWorld(string parameters)
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], dialogue: suspended } ]
            parameters: { dialogue: { {{parameters}} } }
            """);
        world.Dyads[0].Tension = 0.3;
        return world;
    }

    /// <summary>The number of steps (1-based) after which the dialogue is open again, or -1 within the limit.</summary>
    private static int StepsToResumption(World world, int limit = 120)
    {
        for (int k = 0; k < limit; k++)
        {
            RuleWorlds.GoTo(world, k);
            new StDialogueRule().Apply(world);
            if (world.Dyads[0].DialogueOpen)
            {
                return k + 1;
            }
        }

        return -1;
    }

    [Test]
    public void Dialogue_resumes_once_tension_has_stayed_below_the_level_for_the_delay()
    {
        // Delay 1 year of monthly steps: the twelfth calm month makes C = 12/12 = 1 ≥ 1.
        var world = SuspendedWorld("resume_delay: 1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StepsToResumption(world), Is.EqualTo(12));
            Assert.That(world.Log.Single().Rule, Is.EqualTo(StDialogueRule.Id));
            Assert.That(world.Log.Single().Subject, Is.EqualTo("AA-BB"));
        }
    }

    [Test]
    public void Dialogue_resumes_after_exactly_the_default_delay_of_eighteen_calm_months()
    {
        var world = SuspendedWorld("resume_delay: 1.5");

        Assert.That(StepsToResumption(world), Is.EqualTo(18));
    }

    [Test]
    public void A_step_above_the_resumption_level_restarts_the_count()
    {
        var world = SuspendedWorld("resume_delay: 1");
        for (int k = 0; k < 11; k++)
        {
            RuleWorlds.GoTo(world, k);
            new StDialogueRule().Apply(world);
        }

        // Eleven calm months, then one at tension 0.5 (not below resume_tension 0.5): the count restarts.
        world.Dyads[0].Tension = 0.5;
        new StDialogueRule().Apply(world);
        world.Dyads[0].Tension = 0.3;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Dyads[0].CalmYears, Is.Zero);
            Assert.That(StepsToResumption(world), Is.EqualTo(12));
        }
    }

    [Test]
    public void Track2_meetings_during_the_suspension_shorten_the_delay()
    {
        var world = SuspendedWorld("resume_delay: 1.5, preparation_effect: 0.5, preparation_per_meeting: 0.3");
        world.Dyads[0].MeetingsWhileSuspended = 3;

        // π = 1 − e^(−0.3·3) = 0.59343; delay = 1.5·(1 − 0.5·0.59343) = 1.05492 years = 12.66 months:
        // 12 calm months (C = 1) are not enough, 13 (C = 1.0833) are.
        Assert.That(StepsToResumption(world), Is.EqualTo(13));
    }

    [Test]
    public void Dialogue_switched_off_never_resumes_by_itself()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], dialogue: suspended, tension: 0.1 } ]
            mechanisms: { dialogue: false }
            """);

        Assert.That(StepsToResumption(world), Is.EqualTo(-1));
    }

    [Test]
    public void Suspension_resets_the_calm_time_and_the_meetings_and_is_logged_once()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            """);
        var dyad = world.Dyads[0];
        dyad.CalmYears = 0.7;
        dyad.MeetingsWhileSuspended = 4;

        world.SuspendDialogue(dyad, StDialogueRule.Id, "crisis");
        world.SuspendDialogue(dyad, StDialogueRule.Id, "another crisis");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.DialogueOpen, Is.False);
            Assert.That(dyad.CalmYears, Is.Zero);
            Assert.That(dyad.MeetingsWhileSuspended, Is.Zero);
            Assert.That(world.Log.Select(e => (e.Rule, e.Detail)), Is.EqualTo(new[] { (StDialogueRule.Id, "dialogue suspended by crisis") }));
        }
    }

    [Test]
    public void Resumption_is_logged_in_the_invariant_culture_whatever_the_current_culture()
    {
        var world = SuspendedWorld("resume_delay: 1.5, preparation_effect: 0.5, preparation_per_meeting: 0.3");
        world.Dyads[0].MeetingsWhileSuspended = 3;

        // The project runs with invariant globalization, so a culture with decimal commas is made by hand.
        var commas = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commas.NumberFormat.NumberDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = commas;
        try
        {
            StepsToResumption(world);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        // 13 calm months: 13/12 = 1.0833 years, written with two decimals.
        Assert.That(world.Log.Single().Detail, Is.EqualTo("dialogue resumed after 1.08 calm years (3 Track II meetings during the suspension)"));
    }
}

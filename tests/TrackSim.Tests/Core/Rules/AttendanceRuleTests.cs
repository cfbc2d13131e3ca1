using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Who takes part in Track II: participant groups between their dates, and nationals of states
/// that allow contacts with the other side (T2-MEET, T2-TRANSFER, T2-OUTREACH, TI-READINESS).
/// </summary>
public sealed class AttendanceRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static readonly StGovernmentRule Government = new();

    /// <summary>Three states, one academic each, meeting every six months from 2000-01 whatever the tension.</summary>
    private static World ThreeStates(string aa = "", string cc = "", string governments = "") => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA{{governments}} }
          - { id: BB }
          - { id: CC }
        initiatives:
          - id: forum
            start: 2000-01
            resilience: 1
            topics: [ { id: water, positions: { AA: 0.5, BB: 0.5, CC: 0.5 } } ]
            participants:
              - { state: AA, role: academic, access: 1{{aa}} }
              - { state: BB, role: academic, access: 1 }
              - { state: CC, role: academic, access: 1{{cc}} }
        parameters:
          transfer: { base: 1, receptivity: { AA: 0, BB: 1, CC: 1 } }
        """);

    /// <summary>Two states, two academics each, meeting every six months from 2000-01 whatever the tension.</summary>
    private static World TwoStates(string bb = "", string governments = "") => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA{{governments}} }
          - { id: BB }
        initiatives:
          - id: forum
            start: 2000-01
            resilience: 1
            participants:
              - { state: AA, role: academic, count: 2 }
              - { state: BB, role: academic, count: 2{{bb}} }
        mechanisms: { transfer: false }
        """);

    private const string AaBans = ", governments: [ { from: 2000-01, leader: Hardline, contacts: banned } ]";

    /// <summary>No tension and no hostile public: the adoption chance is base x access x receptivity.</summary>
    private static void Calm(World world)
    {
        foreach (var dyad in world.Dyads)
        {
            dyad.Tension = 0;
        }

        foreach (var state in world.States)
        {
            state.HostileShare = 0;
        }
    }

    /// <summary>ST-GOVERNMENT then the Track II rules of step <paramref name="step"/>.</summary>
    private static void Track2At(World world, int step)
    {
        RuleWorlds.GoTo(world, step);
        Government.Apply(world);
        RuleWorlds.Track2(world);
    }

    [Test]
    public void A_ban_keeps_its_nationals_away_and_the_meeting_goes_on_without_them()
    {
        var world = ThreeStates(governments: AaBans);
        var forum = world.Initiatives[0];
        Track2At(world, 0);

        // Contact among BB and CC only: 0.2 + 0.15·0.8 = 0.32; AA's trust stays at its initial 0.2.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.MeetingsHeld, Is.EqualTo(1));
            Assert.That(forum.Present, Is.EqualTo((bool[])[false, true, true]));
            Assert.That(forum.Trust[1, 2], Is.EqualTo(0.32).Within(Rounding));
            Assert.That((forum.Trust[0, 1], forum.Trust[1, 0], forum.Trust[2, 0]), Is.EqualTo((0.2, 0.2, 0.2)));
        }
    }

    [Test]
    public void A_banning_government_receives_no_recommendation_and_is_left_out_of_the_chance()
    {
        var world = ThreeStates(governments: AaBans);
        Calm(world);

        Track2At(world, 0);
        var texts = world.Dyads.ToDictionary(d => d.Subject, d => d.Texts[world.TopicIndex("water")]);

        // base 1 x access 1 x receptivity of BB and CC (AA's 0 is left out) x no tension x no
        // hostility = 1: adopted, on BB-CC alone.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(T2TransferRule.AdoptionChance(world, world.Initiatives[0]), Is.EqualTo(1));
            Assert.That(world.Initiatives[0].RecommendationsAdopted, Is.EqualTo(1));
            Assert.That(texts, Is.EqualTo(new Dictionary<string, double> { ["AA-BB"] = 0, ["AA-CC"] = 0, ["BB-CC"] = 1 }));
            Assert.That(world.Dyads.Single(d => d.Subject == "AA-BB").CbmStock, Is.Zero);
        }
    }

    [Test]
    public void Without_a_ban_every_government_receives_it()
    {
        var world = ThreeStates();
        Calm(world);

        RuleWorlds.GoTo(world, 0);
        Government.Apply(world);
        T2MeetRule.MarkPresent(world, world.Initiatives[0], world.Date);

        // AA's receptivity 0 now counts: 1 x 1 x (0 + 1 + 1)/3.
        Assert.That(T2TransferRule.AdoptionChance(world, world.Initiatives[0]), Is.EqualTo(2.0 / 3.0).Within(Rounding));
    }

    [Test]
    public void With_two_states_a_ban_leaves_one_side_and_the_meeting_is_not_held()
    {
        var world = TwoStates(governments: AaBans);
        Track2At(world, 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives[0].MeetingsHeld, Is.Zero);
            Assert.That(world.Initiatives[0].NextMeeting, Is.EqualTo(new DateOnly(2000, 7, 1)), "the schedule moves on");
            Assert.That(world.Log.Single().Detail, Is.EqualTo("meeting not held: participants of fewer than two states can attend (contacts banned by AA)"));
        }
    }

    [Test]
    public void A_banning_government_draws_no_working_trust_from_its_nationals()
    {
        var world = TwoStates(governments: AaBans);
        RuleWorlds.GoTo(world, 0);
        Government.Apply(world);
        new TiReadinessRule().Apply(world);

        // BB's participants: access 0.3 (academic) x cross-side trust 0.2.
        Assert.That(world.Dyads[0].WorkingTrust, Is.EqualTo((double[])[0, 0.06]).Within(Rounding));
    }

    [Test]
    public void A_group_that_has_left_stops_meeting()
    {
        var world = TwoStates(bb: ", until: 2000-06");
        Track2At(world, 0);
        Track2At(world, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives[0].MeetingsHeld, Is.EqualTo(1), "January 2000, not July");
            Assert.That(world.Log[^1].Detail, Is.EqualTo("meeting not held: participants of fewer than two states can attend (no participants of BB taking part on 2000-07-01)"));
        }
    }

    [Test]
    public void A_group_that_joins_later_takes_part_from_its_date()
    {
        var world = ThreeStates(cc: ", from: 2000-07");
        var forum = world.Initiatives[0];
        Track2At(world, 0);
        double beforeJoining = forum.Trust[0, 2];
        double metricBefore = forum.CrossSideTrust(world.Date);
        Track2At(world, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeJoining, Is.EqualTo(0.2), "CC was not there in January");
            Assert.That(metricBefore, Is.EqualTo(0.32).Within(Rounding), "track2_trust counts AA and BB, the members in January");
            Assert.That(forum.Present, Is.EqualTo((bool[])[true, true, true]));
            Assert.That(forum.Trust[0, 2], Is.GreaterThan(beforeJoining));
        }
    }

    [Test]
    public void A_participant_whose_counterparts_have_all_left_says_nothing()
    {
        var world = TwoStates(bb: ", until: 2000-06");
        Track2At(world, 0);
        RuleWorlds.GoTo(world, 1);
        T2OutreachRule.Compute(world);
        double[] inFebruary = [world.OutreachPush[0, 1], world.OutreachPush[1, 0]];
        RuleWorlds.GoTo(world, 7);
        T2OutreachRule.Compute(world);

        // In February all four speak: trust 0.32 across after the meeting, reach 0.05 each, so the
        // voice is 4 x 0.05 x (2·0.32 − 1) (less a month's drift) on both publics. In August BB's group
        // has left, and AA's participants have no counterpart left to speak of.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inFebruary, Has.All.LessThan(0).And.All.GreaterThan(world.Dt * 0.05 * 4 * 0.05 * (0.64 - 1) * 1.01));
            Assert.That(world.OutreachPush.Cast<double>(), Is.All.Zero);
        }
    }

    [Test]
    public void Working_trust_counts_members_whose_counterparts_take_part()
    {
        var world = TwoStates(bb: ", until: 2000-06");
        var readiness = new TiReadinessRule();
        RuleWorlds.GoTo(world, 1);
        readiness.Apply(world);
        double[] inFebruary = [.. world.Dyads[0].WorkingTrust];
        RuleWorlds.GoTo(world, 7);
        readiness.Apply(world);

        // February: access 0.3 x initial trust 0.2 on both sides; August: BB's group has left and AA's
        // participants have no counterpart to vouch for.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inFebruary, Is.EqualTo((double[])[0.06, 0.06]).Within(Rounding));
            Assert.That(world.Dyads[0].WorkingTrust, Is.EqualTo((double[])[0, 0]));
        }
    }
}

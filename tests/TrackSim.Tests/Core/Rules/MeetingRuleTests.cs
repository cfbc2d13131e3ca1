using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>T2-MEET and T2-COOPT: whether a meeting is held, and what it does to trust, positions and agreement.</summary>
public sealed class MeetingRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static World Forum(string extra = "", int perSide = 1, string start = "2000-01", string resilience = "1")
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: {{start}}
                resilience: {{resilience}}
                topics:
                  - { id: visas, positions: { AA: 0.4, BB: 0.6 } }
                  - { id: kashmir, core: true, positions: { AA: 0.1, BB: 0.9 } }
                participants:
                  - { state: AA, role: academic, count: {{perSide}}, alignment: 0.5 }
                  - { state: BB, role: academic, count: {{perSide}}, alignment: 0.5 }
            mechanisms: { transfer: false{{extra}} }
            """);
        return world;
    }

    private static void SetPositions(InitiativeRuntime initiative, int topic, params double[] positions)
    {
        for (int p = 0; p < positions.Length; p++)
        {
            initiative.Participants[p].Positions[topic] = positions[p];
        }
    }

    [TestCase(true, 0.3 + (0.7 * 0.54881163609402639))]
    [TestCase(false, 0.3 + (0.7 * 0.54881163609402639 * 0.4))]
    public void Meeting_chance_falls_with_tension_and_with_a_suspended_dialogue(bool open, double chance)
    {
        // r + (1 − r)·e^(−κT)·(1 − ψ·[suspended]) with r = 0.3, κ = 3, T = 0.2 (e^−0.6 = 0.548812), ψ = 0.6.
        var world = Forum(resilience: "0.3");
        world.Dyads[0].Tension = 0.2;
        world.Dyads[0].DialogueOpen = open;

        Assert.That(T2MeetRule.MeetingChance(world, world.Initiatives[0]), Is.EqualTo(chance).Within(Rounding));
    }

    [Test]
    public void Meeting_builds_cross_side_trust_and_converges_positions_to_agreement()
    {
        var world = Forum();
        var forum = world.Initiatives[0];

        RuleWorlds.Meet(world, forum);

        // Contact: 0.2 + 0.15·(1 − 0.2) = 0.32 across the sides; within a side trust stays 1.
        // visas: gap 0.2 < 0.5·(1 + 0.32); each moves 0.3 of the trust-weighted mean gap: 0.4 → 0.46, 0.6 → 0.54.
        // The sides' means differ by 0.08 < 0.1: agreed.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Trust[0, 1], Is.EqualTo(0.32).Within(Rounding));
            Assert.That(forum.Trust[1, 0], Is.EqualTo(0.32).Within(Rounding));
            Assert.That(forum.Trust[0, 0], Is.EqualTo(1));
            Assert.That(forum.Participants[0].Positions[0], Is.EqualTo(0.46).Within(Rounding));
            Assert.That(forum.Participants[1].Positions[0], Is.EqualTo(0.54).Within(Rounding));
            Assert.That(forum.Agreed[0], Is.True);
            Assert.That(forum.MeetingsHeld, Is.EqualTo(1));
            Assert.That(world.Log.Single().Detail, Is.EqualTo("meeting held; agreement on 1 of 2 topics"));
        }
    }

    [Test]
    public void Convergence_weights_partners_by_trust_and_ignores_those_beyond_the_trust_widened_bound()
    {
        var world = Forum(perSide: 2);
        var forum = world.Initiatives[0];
        SetPositions(forum, 0, 0.2, 0.3, 0.8, 0.9);

        RuleWorlds.Meet(world, forum);

        // After contact, cross-side trust 0.32 and bound 0.5·1.32 = 0.66; own side trust 1 and bound 1.
        // p0 (0.2): p1 gap 0.1 (w 1), p2 gap 0.6 (w 0.32), p3 gap 0.7 > 0.66 (left out):
        //   0.2 + 0.3·(0.1 + 0.32·0.6)/1.32 = 0.2663636...
        // p1 (0.3): p0 −0.1 (w 1), p2 0.5 and p3 0.6 (w 0.32 each): 0.3 + 0.3·(−0.1 + 0.16 + 0.192)/1.64 = 0.3460976...
        // p2 and p3 mirror p1 and p0 about 0.55.
        double p0 = 0.2 + (0.3 * (0.1 + (0.32 * 0.6)) / 1.32);
        double p1 = 0.3 + (0.3 * (-0.1 + (0.32 * 0.5) + (0.32 * 0.6)) / 1.64);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Participants.Select(p => p.Positions[0]), Is.EqualTo(new[] { p0, p1, 1.1 - p1, 1.1 - p0 }).Within(Rounding));
            Assert.That(forum.Agreed[0], Is.False);
        }
    }

    [Test]
    public void Participants_who_do_not_trust_each_other_at_all_do_not_move_toward_each_other()
    {
        // Trust is the weight of a partner's pull: at zero trust (and no contact gain) the other side
        // pulls with weight 0, although the gap 0.2 is inside the bound 0.5.
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: visas, positions: { AA: 0.4, BB: 0.6 } } ]
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            parameters: { track2: { initial_trust: 0, contact_gain: 0 } }
            mechanisms: { transfer: false }
            """);
        var forum = world.Initiatives[0];

        RuleWorlds.Meet(world, forum);

        Assert.That(forum.Participants.Select(p => p.Positions[0]), Is.EqualTo((double[])[0.4, 0.6]));
    }

    [Test]
    public void Core_topics_anchor_participants_to_their_government_by_their_alignment()
    {
        var world = Forum();
        var forum = world.Initiatives[0];
        SetPositions(forum, 1, 0.4, 0.6);

        RuleWorlds.Meet(world, forum);

        // kashmir (core): the convergence gives 0.46 and 0.54 as on visas; the anchor, stubbornness
        // alignment 0.5 × anchor_strength 0.1 = 0.05, pulls toward the governments' 0.1 and 0.9:
        // 0.05·0.1 + 0.95·0.46 = 0.442 and 0.05·0.9 + 0.95·0.54 = 0.558.
        // Gap 0.116 > 0.1: no agreement on the core topic, agreement on the peripheral one.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Participants[0].Positions[1], Is.EqualTo(0.442).Within(Rounding));
            Assert.That(forum.Participants[1].Positions[1], Is.EqualTo(0.558).Within(Rounding));
            Assert.That(forum.Agreed, Is.EqualTo((bool[])[true, false]));
            Assert.That(T2MeetRule.AgreementShare(forum), Is.EqualTo(0.5));
        }
    }

    [Test]
    public void Without_co_optation_core_topics_converge_like_peripheral_ones()
    {
        var world = Forum(", co_optation: false");
        var forum = world.Initiatives[0];
        SetPositions(forum, 1, 0.4, 0.6);

        RuleWorlds.Meet(world, forum);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Participants.Select(p => p.Positions[1]), Is.EqualTo((double[])[0.46, 0.54]).Within(Rounding));
            Assert.That(T2MeetRule.AgreementShare(forum), Is.EqualTo(1));
        }
    }

    [Test]
    public void Alignment_scale_multiplies_alignment_up_to_one()
    {
        // 0.6 · 2 = 1.2, capped at 1: fully aligned participants, whose stubbornness is then
        // anchor_strength 0.1: from 0.4/0.6 the convergence gives 0.46/0.54, and the anchor
        // 0.1·0.1 + 0.9·0.46 = 0.424 and 0.1·0.9 + 0.9·0.54 = 0.576.
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: kashmir, core: true, positions: { AA: 0.1, BB: 0.9 } } ]
                participants: [ { state: AA, role: academic, alignment: 0.6 }, { state: BB, role: academic, alignment: 0.6 } ]
            parameters: { track2: { alignment_scale: 2 } }
            mechanisms: { transfer: false }
            """);
        var forum = world.Initiatives[0];
        SetPositions(forum, 0, 0.4, 0.6);

        RuleWorlds.Meet(world, forum);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.Participants.Select(p => p.Stubbornness), Is.EqualTo((double[])[0.1, 0.1]), "stubbornness = min(1, 0.6 x 2) x anchor 0.1");
            Assert.That(forum.Participants.Select(p => p.Positions[0]), Is.EqualTo((double[])[0.424, 0.576]).Within(Rounding));
        }
    }

    [Test]
    public void Meetings_follow_the_schedule_and_trust_drifts_back_between_them()
    {
        var world = Forum();
        var forum = world.Initiatives[0];
        double trustAfterFirstStep = 0;
        double trustAfterSecondStep = 0;
        for (int k = 0; k < 12; k++)
        {
            RuleWorlds.GoTo(world, k);
            RuleWorlds.Track2(world);
            trustAfterFirstStep = k == 0 ? forum.Trust[0, 1] : trustAfterFirstStep;
            trustAfterSecondStep = k == 1 ? forum.Trust[0, 1] : trustAfterSecondStep;
        }

        // Every six months from 2000-01 (resilience 1): meetings in steps 0 and 6, the next due 2001-01-01.
        // Step 0 decays (nothing to decay) then meets: 0.32. Step 1: 0.32 + (1/12)·0.1·(0.2 − 0.32) = 0.319.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forum.MeetingsHeld, Is.EqualTo(2));
            Assert.That(forum.NextMeeting, Is.EqualTo(new DateOnly(2001, 1, 1)));
            Assert.That(trustAfterFirstStep, Is.EqualTo(0.32).Within(Rounding));
            Assert.That(trustAfterSecondStep, Is.EqualTo(0.319).Within(Rounding));
        }
    }

    [Test]
    public void A_meeting_with_no_chance_is_not_held_and_the_schedule_moves_on()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], dialogue: suspended } ]
            initiatives:
              - id: forum
                start: 2000-01
                resilience: 0
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            parameters: { track2: { suspension_penalty: 1 } }
            """);
        RuleWorlds.GoTo(world, 0);

        RuleWorlds.Track2(world);

        // Chance 0 + 1·e^(−3T)·(1 − 1) = 0: never held, whatever the draw.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives[0].MeetingsHeld, Is.Zero);
            Assert.That(world.Initiatives[0].NextMeeting, Is.EqualTo(new DateOnly(2000, 7, 1)));
            Assert.That(world.Log.Single().Detail, Is.EqualTo("meeting not held (chance 0)"));
        }
    }

    [Test]
    public void Meetings_switched_off_or_stopped_initiatives_hold_no_meeting()
    {
        var off = Forum(", track2_meetings: false");
        var stopped = Forum();
        stopped.Initiatives[0].Enabled = false;
        RuleWorlds.GoTo(off, 0);
        RuleWorlds.GoTo(stopped, 0);

        RuleWorlds.Track2(off);
        RuleWorlds.Track2(stopped);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(off.Initiatives[0].MeetingsHeld + stopped.Initiatives[0].MeetingsHeld, Is.Zero);
            Assert.That(off.Initiatives[0].NextMeeting, Is.EqualTo(new DateOnly(2000, 7, 1)));
            Assert.That(off.Log, Is.Empty);
        }
    }

    [Test]
    public void A_meeting_during_a_suspension_counts_toward_preparation()
    {
        var world = Forum();
        world.Dyads[0].DialogueOpen = false;

        RuleWorlds.Meet(world, world.Initiatives[0]);

        Assert.That(world.Dyads[0].MeetingsWhileSuspended, Is.EqualTo(1));
    }

    [Test]
    public void An_initiative_that_starts_within_a_step_holds_its_first_meeting_in_that_step()
    {
        var world = Forum(start: "2000-01-15");
        RuleWorlds.GoTo(world, 0);

        RuleWorlds.Track2(world);

        Assert.That(world.Initiatives[0].MeetingsHeld, Is.EqualTo(1));
    }

    [Test]
    public void An_initiative_with_participants_of_one_side_only_reaches_no_joint_agreement()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                topics: [ { id: visas, positions: { AA: 0.4, BB: 0.6 } } ]
                participants: [ { state: AA, role: academic, count: 2 } ]
            mechanisms: { transfer: false }
            """);

        RuleWorlds.Meet(world, world.Initiatives[0]);

        Assert.That(world.Initiatives[0].Agreed, Is.EqualTo((bool[])[false]));
    }
}

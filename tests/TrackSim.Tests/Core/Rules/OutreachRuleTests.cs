using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>T2-OUTREACH: the push that participants with public reach give the shared-language citizens.</summary>
public sealed class OutreachRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static World Forum(double crossTrust, string extra = "")
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB }, { id: CC } ]
            initiatives:
              - id: forum
                start: 2000-01
                states: [AA, BB]
                participants:
                  - { state: AA, role: journalist, reach: 0.3 }
                  - { state: BB, role: journalist, reach: 0.2 }
                  - { state: BB, role: academic, reach: 0.5, shared_language: false }
            {{extra}}
            """);
        var forum = world.Initiatives[0];
        forum.MeetingsHeld = 1;
        SetCrossTrust(forum, crossTrust);
        return world;
    }

    private static void SetCrossTrust(InitiativeRuntime initiative, double trust)
    {
        for (int p = 0; p < initiative.Participants.Length; p++)
        {
            for (int q = 0; q < initiative.Participants.Length; q++)
            {
                if (initiative.Participants[p].State != initiative.Participants[q].State)
                {
                    initiative.Trust[p, q] = trust;
                }
            }
        }
    }

    [Test]
    public void Participants_who_trust_the_other_side_push_both_publics_toward_trust()
    {
        var world = Forum(0.8);

        T2OutreachRule.Compute(world);

        // Shared-language participants only: 0.3·(2·0.8 − 1) + 0.2·(2·0.8 − 1) = 0.3; the academic
        // without the shared language is not heard. Push = Δt·ω·0.3 = 0.05·0.3/12 = 0.00125 on AA
        // and BB, each toward the other; CC takes no part in the initiative, and neither public
        // hears of CC.
        Assert.That(world.OutreachPush, Is.EqualTo(new double[,] { { 0, 0.00125, 0 }, { 0.00125, 0, 0 }, { 0, 0, 0 } }).Within(Rounding));
    }

    [Test]
    public void Participants_who_distrust_the_other_side_push_the_publics_away_from_trust()
    {
        var world = Forum(0.1);

        T2OutreachRule.Compute(world);

        // 0.3·(0.2 − 1) + 0.2·(0.2 − 1) = −0.4; push = −0.05·0.4/12.
        Assert.That(world.OutreachPush[0, 1], Is.EqualTo(-0.05 * 0.4 / 12).Within(Rounding));
    }

    [Test]
    public void The_voices_of_all_initiatives_are_summed_and_then_clamped_to_one()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: one
                start: 2000-01
                participants: [ { state: AA, role: journalist, reach: 0.4 }, { state: BB, role: journalist, reach: 0.4 } ]
              - id: two
                start: 2000-01
                participants: [ { state: AA, role: journalist, reach: 0.4 }, { state: BB, role: journalist, reach: 0.4 } ]
            """);
        foreach (var initiative in world.Initiatives)
        {
            initiative.MeetingsHeld = 1;
            SetCrossTrust(initiative, 1);
        }

        T2OutreachRule.Compute(world);

        // Each initiative alone gives 0.4 + 0.4 = 0.8; together 1.6, clamped to 1: push = Δt·ω = 0.05/12.
        Assert.That(world.OutreachPush, Is.EqualTo(new double[,] { { 0, 0.05 / 12 }, { 0.05 / 12, 0 } }).Within(Rounding));
    }

    [Test]
    public void No_push_before_the_first_meeting_from_a_stopped_initiative_or_with_outreach_switched_off()
    {
        var unmet = Forum(0.8);
        unmet.Initiatives[0].MeetingsHeld = 0;
        var stopped = Forum(0.8);
        stopped.Initiatives[0].Enabled = false;
        var off = Forum(0.8, "mechanisms: { outreach: false }");

        T2OutreachRule.Compute(unmet);
        T2OutreachRule.Compute(stopped);
        T2OutreachRule.Compute(off);

        Assert.That(unmet.OutreachPush.Cast<double>().Concat(stopped.OutreachPush.Cast<double>()).Concat(off.OutreachPush.Cast<double>()), Is.All.Zero);
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>EVENT: what a scenario event does by its kind and severity, and through its explicit effects.</summary>
public sealed class EventRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private const string Events = """
        events:
          - { id: raid, date: 2001-01, kind: crisis, severity: 0.6, actors: [BB, AA] }
          - { id: war, date: 2001-02, kind: war, severity: 0.8, actors: [AA, BB] }
          - { id: talks-go-on, date: 2001-02, kind: war, severity: 0.8, actors: [AA, BB], decided: true, effects: { dialogue: keep } }
          - { id: spat, date: 2001-02, kind: incident, severity: 0.2, actors: [AA, BB], decided: true, effects: { dialogue: suspend } }
          - { id: siege, date: 2001-03, end: 2001-08, kind: military_operation, severity: 0.6, actors: [BB, AA] }
          - { id: summit, date: 2002-01, kind: summit, severity: 0.5, actors: [AA, BB] }
          - { id: hotline, date: 2002-02, kind: cbm, severity: 0.4, actors: [AA, BB] }
          - { id: notification, date: 2002-02, kind: cbm, severity: 0.4, actors: [AA, BB], effects: { cbm: 2 } }
          - { id: cut, date: 2003-01, kind: other, actors: [AA, BB], effects: { suspend_links: [river] } }
          - { id: restore, date: 2003-02, kind: other, actors: [AA, BB], effects: { resume_links: [river] } }
          - { id: corridor, date: 2003-03, kind: functional, severity: 0.3, actors: [AA, BB],
              effects: { create_links: [ { id: corridor, sector: pilgrimage, strength: 0.2, threshold: 0.8 } ] } }
          - { id: halt, date: 2004-01, kind: other, actors: [AA, BB], effects: { stop_initiatives: [all] } }
          - { id: revive, date: 2004-02, kind: other, actors: [AA, BB], effects: { start_initiatives: [forum] } }
          - { id: election, date: 2005-01, kind: election, actors: [AA], effects: { hawkishness: { AA: 0.9 } } }
        """;

    private static World TwoStates(string extra = "")
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads:
              - states: [AA, BB]
                official_trust: 0.5
                functional_links: [ { id: river, sector: water } ]
            initiatives:
              - id: forum
                start: 2000-01
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            {{Events}}
            {{extra}}
            """);
        return world;
    }

    private static EventSpec Event(World world, string id) => world.Scenario.Events.Single(e => e.Id == id);

    [Test]
    public void Hostile_event_raises_the_targets_posture_at_once_and_the_initiators_by_half()
    {
        var world = TwoStates();
        double before01 = world.Posture[0, 1];
        double before10 = world.Posture[1, 0];

        EventRule.Start(world, Event(world, "raid"));

        // raid: BB (initiator) against AA, severity 0.6, posture.event_shock 0.5: AA toward BB
        // +0.3 at once, BB toward AA +0.15; no grievance is left to feed later steps. Official trust
        // 0.5 − 0.3·0.6·0.5 = 0.41. Media: −0.1 · 2 (negativity bias) · 0.6 = −0.12 for both
        // publics. AA (side 0) is the target: TI-TALKS will weigh severity 0.6 against its readiness.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1] - before01, Is.EqualTo(0.3).Within(Rounding));
            Assert.That(world.Posture[1, 0] - before10, Is.EqualTo(0.15).Within(Rounding));
            Assert.That(world.EventGrievance[0, 1], Is.Zero);
            Assert.That(world.Dyads[0].HostileAgainst, Is.EqualTo((double[])[0.6, 0]));
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.41).Within(Rounding));
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, -0.12 }, { -0.12, 0 } }).Within(Rounding));
            Assert.That(world.Dyads[0].DialogueOpen, Is.True);
            Assert.That(world.Log.Select(e => (e.Rule, e.Subject, e.Detail)), Is.EqualTo(new[] { ("EVENT", "raid", "raid (Crisis, severity 0.6)") }));
        }
    }

    [Test]
    public void Hostile_event_with_one_actor_targets_every_other_state_and_alarms_their_publics()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB }, { id: CC } ]
            dyads:
              - { states: [AA, BB], official_trust: 0.5 }
              - { states: [AA, CC], official_trust: 0.5 }
              - { states: [BB, CC], official_trust: 0.5 }
            events:
              - { id: test, date: 2001-01, kind: weapons_test, severity: 0.5, actors: [AA] }
            """);
        var before = (double[,])world.Posture.Clone();

        EventRule.Start(world, Event(world, "test"));

        // Targets BB and CC add 0.25 toward AA; AA adds 0.125 toward each; BB and CC nothing between them.
        // Trust falls on AA's dyads only: 0.5 − 0.3·0.5·0.5 = 0.425. Media −0.1·2·0.5 = −0.1 on the trust of the publics of BB and CC in AA; AA's own public is not moved, nor BB's and CC's trust in each other.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[1, 0] - before[1, 0], Is.EqualTo(0.25).Within(Rounding));
            Assert.That(world.Posture[2, 0] - before[2, 0], Is.EqualTo(0.25).Within(Rounding));
            Assert.That(world.Posture[0, 1] - before[0, 1], Is.EqualTo(0.125).Within(Rounding));
            Assert.That(world.Posture[0, 2] - before[0, 2], Is.EqualTo(0.125).Within(Rounding));
            Assert.That(world.Posture[1, 2], Is.EqualTo(before[1, 2]));
            Assert.That(world.Dyads.Select(d => d.HostileAgainst[1]), Is.EqualTo((double[])[0.5, 0.5, 0]));
            Assert.That(world.Dyads.Select(d => d.OfficialTrust), Is.EqualTo((double[])[0.425, 0.425, 0.5]).Within(Rounding));
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, 0, 0 }, { -0.1, 0, 0 }, { -0.1, 0, 0 } }).Within(Rounding));
        }
    }

    [Test]
    public void Hostile_event_leaves_the_dialogue_to_the_governments()
    {
        var world = TwoStates();

        EventRule.Start(world, Event(world, "war"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Dyads[0].DialogueOpen, Is.True);
            Assert.That(world.Dyads[0].HostileAgainst, Is.EqualTo((double[])[0, 0.8]));
            Assert.That(RuleWorlds.LoggedRules(world), Is.EqualTo((string[])["EVENT"]));
        }
    }

    [Test]
    public void Decided_keep_holds_the_talks_open_where_the_governments_would_break_them_off()
    {
        const string Touchy = "parameters: { dialogue: { tolerance: 0.2 } }";
        var war = TwoStates(Touchy);
        EventRule.Start(war, Event(war, "war"));
        new TiTalksRule().Apply(war);

        var kept = TwoStates(Touchy);
        EventRule.Start(kept, Event(kept, "talks-go-on"));
        new TiTalksRule().Apply(kept);

        // Severity 0.8 against BB exceeds dialogue.tolerance 0.2 + BB's readiness (below 0.6 here).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(war.Dyads[0].Readiness[1], Is.LessThan(0.6));
            Assert.That(war.Dyads[0].DialogueOpen, Is.False);
            Assert.That(war.Log[^1].Rule, Is.EqualTo(TiTalksRule.Id));
            Assert.That(war.Log[^1].Detail, Does.StartWith("dialogue suspended by BB after a hostile event of severity 0.8"));
            Assert.That(kept.Dyads[0].DialogueOpen, Is.True);
        }
    }

    [Test]
    public void A_decided_suspension_applies_with_the_dialogue_mechanism_off_and_is_logged_as_scripted()
    {
        var world = TwoStates("mechanisms: { dialogue: false }");

        EventRule.Start(world, Event(world, "war"));
        new TiTalksRule().Apply(world);
        bool openAfterWar = world.Dyads[0].DialogueOpen;
        EventRule.Start(world, Event(world, "spat"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(openAfterWar, Is.True);
            Assert.That(world.Dyads[0].DialogueOpen, Is.False);
            Assert.That(world.Log[^1].Rule, Is.EqualTo(TiTalksRule.Id));
            Assert.That(world.Log[^1].Detail, Is.EqualTo("dialogue suspended by spat (scripted)"));
        }
    }

    [Test]
    public void Multi_step_hostile_event_holds_its_grievance_while_it_lasts()
    {
        var world = TwoStates();
        var siege = Event(world, "siege");
        EventRule.Start(world, siege);
        world.EventGrievance[0, 1] = 0.2;
        world.EventGrievance[1, 0] = 0.5;

        EventRule.Continue(world, siege);

        // Raised back to s·g = 0.6 toward the initiator; the initiator's 0.5 is above its floor of 0.3 and stays.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(0.6).Within(Rounding));
            Assert.That(world.EventGrievance[1, 0], Is.EqualTo(0.5));
        }
    }

    [Test]
    public void Cooperative_event_closes_part_of_the_trust_gap_and_lifts_both_publics()
    {
        var world = TwoStates();

        EventRule.Start(world, Event(world, "summit"));

        // 0.5 + 0.1·0.5·(1 − 0.5) = 0.525; media +0.1·0.5 = 0.05; no CBM from a summit.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.525).Within(Rounding));
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, 0.05 }, { 0.05, 0 } }).Within(Rounding));
            Assert.That(world.Dyads[0].CbmStock, Is.Zero);
            Assert.That(world.EventGrievance[0, 1], Is.Zero);
        }
    }

    [Test]
    public void Cbm_event_adds_its_severity_unless_its_effects_give_an_amount()
    {
        var plain = TwoStates();
        var explicitAmount = TwoStates();

        EventRule.Start(plain, Event(plain, "hotline"));
        EventRule.Start(explicitAmount, Event(explicitAmount, "notification"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Dyads[0].CbmStock, Is.EqualTo(0.4));
            Assert.That(explicitAmount.Dyads[0].CbmStock, Is.EqualTo(2));
        }
    }

    [Test]
    public void Media_and_official_trust_switched_off_leave_publics_and_trust_alone()
    {
        var world = TwoStates("mechanisms: { media: false, official_trust: false }");
        float[] before = [.. world.Citizens.Population.Trust];
        double posture = world.Posture[0, 1];

        EventRule.Start(world, Event(world, "raid"));
        new CitMediaRule().Apply(world);

        using (Assert.EnterMultipleScope())
        {
            // The event still reports its shift; with CIT-MEDIA off nobody takes it in.
            Assert.That(world.MediaShock.Cast<double>(), Is.All.Zero);
            Assert.That(world.Citizens.Population.Trust, Is.EqualTo(before));
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.5));
            Assert.That(world.Posture[0, 1] - posture, Is.EqualTo(0.3).Within(Rounding), "the posture still answers the raid");
        }
    }

    [Test]
    public void Events_suspend_and_resume_named_links()
    {
        var world = TwoStates();
        var river = world.Dyads[0].Links.Single();

        EventRule.Start(world, Event(world, "cut"));
        bool suspended = river.SuspendedByEvent && !river.IsActive(world.Date);
        EventRule.Start(world, Event(world, "restore"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(suspended, Is.True);
            Assert.That(river.IsActive(world.Date), Is.True);
            Assert.That(world.Log.Where(e => e.Rule == "FN-SUSPEND").Select(e => (e.Subject, e.Detail)),
                Is.EqualTo(new[] { ("river", "suspended by cut"), ("river", "resumed by restore") }));
        }
    }

    [Test]
    public void Event_creates_a_link_between_its_first_two_actors()
    {
        var world = TwoStates();

        EventRule.Start(world, Event(world, "corridor"));
        bool waits = world.Dyads[0].Links.All(l => l.Id != "corridor") && world.LinkRequests.Count == 1;
        new FnCreateRule().Apply(world);

        var link = world.Dyads[0].Links.Single(l => l.Id == "corridor");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((link.Sector, link.Strength, link.Threshold), Is.EqualTo((Sector.Pilgrimage, 0.2, 0.8)));
            Assert.That(link.IsActive(world.Date), Is.True);
            Assert.That(world.Log.Single(e => e.Rule == "FN-CREATE").Subject, Is.EqualTo("corridor"));
            Assert.That(waits, Is.True, "the event asks for the link; FN-CREATE adds it");
        }
    }

    [Test]
    public void Events_stop_and_restart_initiatives()
    {
        var world = TwoStates();
        var forum = world.Initiatives.Single();

        EventRule.Start(world, Event(world, "halt"));
        bool stopped = !forum.Enabled;
        EventRule.Start(world, Event(world, "revive"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True);
            Assert.That(forum.Enabled, Is.True);
            Assert.That(world.Log.Where(e => e.Subject == "forum").Select(e => (e.Rule, e.Detail)),
                Is.EqualTo(new[] { ("EVENT", "stopped by halt"), ("EVENT", "restarted by revive") }));
        }
    }

    [Test]
    public void Neutral_event_acts_only_through_its_effects_such_as_a_new_leadership()
    {
        var world = TwoStates();

        EventRule.Start(world, Event(world, "election"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.States[0].Hawkishness, Is.EqualTo(0.9));
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.5));
            Assert.That(world.MediaDelta.Cast<double>(), Is.All.Zero);
            Assert.That(world.Log[^1].Detail, Is.EqualTo("leadership hawkishness set to 0.9 by election"));
        }
    }
}

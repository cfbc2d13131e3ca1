using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>EVENT: effects that change a state's contacts, the alignment and access of participants, and an initiative's track.</summary>
public sealed class ChangeEffectRuleTests
{
    private static readonly StGovernmentRule Government = new();

    private const string Scenario = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - id: AA
            governments: [ { from: 2003-01, leader: Next } ]
          - { id: BB }
          - { id: CC }
        initiatives:
          - id: forum
            states: [AA, BB]
            start: 2000-01
            participants:
              - { state: AA, role: academic, count: 2, alignment: 0.2, access: 0.3 }
              - { state: AA, role: former_military, alignment: 0.8, access: 0.6 }
              - { state: BB, role: academic, count: 2, alignment: 0.2, access: 0.3 }
          - id: trilateral
            start: 2000-01
            participants:
              - { state: AA, role: academic }
              - { state: BB, role: academic }
              - { state: CC, role: academic }
        events:
          - { id: ban, date: 2001-01, kind: domestic, actors: [AA], effects: { contacts: { AA: banned } } }
          - { id: hardliners, date: 2001-02, kind: domestic, actors: [AA],
              effects: { participants: [ { initiative: forum, state: AA, role: academic, alignment: 0.9 } ] } }
          - { id: access, date: 2001-03, kind: other, actors: [AA, BB],
              effects: { participants: [ { initiative: all, access: 0.5 } ] } }
          - { id: upgrade, date: 2001-04, kind: track2, actors: [AA, BB], effects: { upgrade_initiatives: { forum: 0.7 } } }
        """;

    private static EventSpec Event(World world, string id) => world.Scenario.Events.Single(e => e.Id == id);

    private static (double Alignment, double Access)[] Groups(InitiativeRuntime initiative) =>
        [.. initiative.Participants.Select(p => (p.Alignment, p.Access))];

    [Test]
    public void A_contacts_effect_bans_contacts_until_the_next_government_period()
    {
        var world = RuleWorlds.Create(Scenario);
        EventRule.Start(world, Event(world, "ban"));
        bool banned = world.States[0].ContactsBanned;
        RuleWorlds.GoTo(world, 36);
        Government.Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(banned, Is.True);
            Assert.That(world.Log.Select(e => (e.Rule, e.Subject, e.Detail)), Does.Contain(("EVENT", "AA", "contacts with the other side banned by ban")));
            Assert.That(world.States[0].ContactsBanned, Is.False, "Next's period (2003-01) allows contacts again");
        }
    }

    [Test]
    public void A_participants_effect_sets_the_groups_it_names()
    {
        var world = RuleWorlds.Create(Scenario);
        EventRule.Start(world, Event(world, "hardliners"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Groups(world.Initiatives[0]), Is.EqualTo(new[] { (0.9, 0.3), (0.9, 0.3), (0.8, 0.6), (0.2, 0.3), (0.2, 0.3) }), "AA's academics only");
            Assert.That(Groups(world.Initiatives[1]).Select(g => g.Alignment), Has.All.EqualTo(Role.Find("academic")!.Alignment), "another initiative is left alone");
            Assert.That(world.Log[^1].Detail, Is.EqualTo("2 participants of AA (academic) set to alignment 0.9 by hardliners"));
        }
    }

    [Test]
    public void A_participants_effect_on_all_initiatives_sets_every_group()
    {
        var world = RuleWorlds.Create(Scenario);
        EventRule.Start(world, Event(world, "access"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives.SelectMany(i => i.Participants).Select(p => p.Access), Has.All.EqualTo(0.5));
            Assert.That(world.Initiatives[0].Participants.Select(p => p.Alignment), Is.EqualTo((double[])[0.2, 0.2, 0.8, 0.2, 0.2]), "alignment unchanged");
            Assert.That(world.Log.Where(e => e.Rule == "EVENT").Select(e => (e.Subject, e.Detail)).Skip(1), Is.EqualTo(new[]
            {
                ("forum", "5 participants set to access 0.5 by access"),
                ("trilateral", "3 participants set to access 0.5 by access"),
            }));
        }
    }

    [Test]
    public void An_upgrade_to_track_one_and_a_half_raises_access_to_at_least_its_level()
    {
        var world = RuleWorlds.Create(Scenario);
        EventRule.Start(world, Event(world, "upgrade"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Initiatives[0].Participants.Select(p => p.Access), Is.EqualTo((double[])[0.7, 0.7, 0.7, 0.7, 0.7]), "0.3 and 0.6 rise to 0.7");
            Assert.That(world.Initiatives[1].Participants.Select(p => p.Access), Has.All.EqualTo(Role.Find("academic")!.Access));
            Assert.That(world.Log[^1].Detail, Is.EqualTo("upgraded to Track 1.5 by upgrade: officials join, every participant's access at least 0.7"));
        }
    }

    [Test]
    public void An_upgrade_never_lowers_access()
    {
        var world = RuleWorlds.Create(Scenario.Replace("upgrade_initiatives: { forum: 0.7 }", "upgrade_initiatives: { forum: 0.4 }", StringComparison.Ordinal));
        EventRule.Start(world, Event(world, "upgrade"));

        Assert.That(world.Initiatives[0].Participants.Select(p => p.Access), Is.EqualTo((double[])[0.4, 0.4, 0.6, 0.4, 0.4]));
    }

    [Test]
    public void Alignment_set_by_an_event_anchors_the_participants_at_the_next_meeting()
    {
        var world = RuleWorlds.Create(Scenario);
        var forum = world.Initiatives[0];
        new T2CooptRule().Apply(world, forum);
        double before = forum.Participants[0].Stubbornness;
        EventRule.Start(world, Event(world, "hardliners"));
        new T2CooptRule().Apply(world, forum);

        // Stubbornness = alignment x track2.anchor_strength 0.1.
        Assert.That((before, forum.Participants[0].Stubbornness), Is.EqualTo((0.2 * 0.1, 0.9 * 0.1)));
    }
}

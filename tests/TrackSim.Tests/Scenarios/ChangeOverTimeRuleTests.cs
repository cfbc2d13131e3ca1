using NUnit.Framework;
using TrackSim.Core.Domain;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// What changes over a run: government periods in order and inside the calendar, participant
/// groups that join before they leave, and events' effects on contacts, participants and tracks
/// that name initiatives and states that exist.
/// </summary>
public sealed class ChangeOverTimeRuleTests
{
    [Test]
    public void Government_periods_map_with_the_values_they_give()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2000-01, leader: Ames }
                  - { from: 2004-03-15, leader: Bold, receptivity: 0.1, hawkishness: 0.9, public_sensitivity: 0.2, contacts: banned }
              - { id: BB }
            """;
        var scenario = Valid(yaml);

        Assert.That(scenario.State("AA").Governments, Is.EqualTo(new[]
        {
            new GovernmentPeriod(new DateOnly(2000, 1, 1), "Ames", null, null, null, ContactPolicy.Allowed),
            new GovernmentPeriod(new DateOnly(2004, 3, 15), "Bold", 0.1, 0.9, 0.2, ContactPolicy.Banned),
        }));
        Assert.That(scenario.State("BB").Governments, Is.Empty);
    }

    [Test]
    public void Government_periods_out_of_order_are_reported_at_the_later_date()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2004-01, leader: Bold }
                  - { from: 2002-06, leader: Early }
              - { id: BB }
            """;
        Only(yaml, 6, 17, "states[0].governments[1].from", "in date order", "2002-06-01 is not after 2004-01-01, when Bold's began");
    }

    [Test]
    public void Two_government_periods_from_the_same_day_are_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2004-01, leader: Bold }
                  - { from: 2004-01-01, leader: Twin }
              - { id: BB }
            """;
        Only(yaml, 6, 17, "states[0].governments[1].from", "2004-01-01 is not after 2004-01-01");
    }

    [Test]
    public void Government_period_outside_the_calendar_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 1999-11, leader: Before }
              - { id: BB }
            """;
        Only(yaml, 5, 17, "states[0].governments[0].from", "1999-11-01 is outside the calendar (2000-01-01 to 2009-12-31)");
    }

    [Test]
    public void Government_period_with_an_unknown_contacts_value_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2003-01, leader: Bold, contacts: forbidden }
              - { id: BB }
            """;
        Only(yaml, 5, 50, "states[0].governments[0].contacts", "allowed", "banned");
    }

    [Test]
    public void Government_period_without_a_leader_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2003-01 }
              - { id: BB }
            """;
        Only(yaml, 5, 9, "states[0].governments[0].leader", "missing required key 'leader'");
    }

    [Test]
    public void Participant_group_dates_map()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                participants:
                  - { state: AA, role: academic }
                  - { state: BB, role: academic, from: 2001-03, until: 2004-06 }
            """;
        var groups = Valid(yaml).Initiatives.Single().Participants;

        Assert.That(groups.Select(g => (g.From, g.Until)), Is.EqualTo(new[]
        {
            ((DateOnly?)null, (DateOnly?)null),
            (new DateOnly(2001, 3, 1), new DateOnly(2004, 6, 30)),
        }), "a month alone is the first day in from and the last day in until");
    }

    [Test]
    public void Participant_group_that_leaves_before_it_joins_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                participants:
                  - { state: AA, role: academic }
                  - { state: BB, role: academic, from: 2005-01, until: 2004-12 }
            """;
        Only(yaml, 8, 60, "initiatives[0].participants[1].until", "leaves on 2004-12-31, before it joins on 2005-01-01");
    }

    private static string WithEffect(string effect) => $$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB }, { id: CC } ]
        initiatives:
          - id: forum
            states: [AA, BB]
            start: 2000-01
            participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
        events:
          - id: shock
            date: 2003-01
            kind: domestic
            actors: [AA]
            effects:
              {{effect}}
        """;

    [Test]
    public void Effects_on_contacts_participants_and_tracks_map()
    {
        var effects = Valid(WithEffect("""
            { contacts: { AA: banned, BB: allowed }, upgrade_initiatives: { forum: 0.8 },
                      participants: [ { initiative: forum, state: BB, role: academic, alignment: 0.9 }, { initiative: all, access: 0.1 } ] }
            """)).Events.Single().Effects;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects.Contacts, Is.EqualTo(new Dictionary<string, ContactPolicy> { ["AA"] = ContactPolicy.Banned, ["BB"] = ContactPolicy.Allowed }));
            Assert.That(effects.UpgradeInitiatives, Is.EqualTo(new Dictionary<string, double> { ["forum"] = 0.8 }));
            Assert.That(effects.Participants, Is.EqualTo(new[]
            {
                new ParticipantChange("forum", "BB", "academic", 0.9, null),
                new ParticipantChange("all", null, null, null, 0.1),
            }));
        }
    }

    [TestCase("participants: [ { initiative: forun, alignment: 0.9 } ]", 37, "events[0].effects.participants[0].initiative", "no initiative 'forun'; expected one of forum")]
    [TestCase("upgrade_initiatives: { forun: 0.8 }", 30, "events[0].effects.upgrade_initiatives.forun", "no initiative 'forun'; expected one of forum")]
    [TestCase("contacts: { ZZ: banned }", 19, "events[0].effects.contacts.ZZ", "no state 'ZZ'; expected one of AA, BB, CC")]
    [TestCase("participants: [ { initiative: forum, state: ZZ, access: 0.9 } ]", 51, "events[0].effects.participants[0].state", "no state 'ZZ'")]
    [TestCase("participants: [ { initiative: forum, state: CC, access: 0.9 } ]", 51, "events[0].effects.participants[0].state", "'CC' is not one of the states of initiative 'forum' (AA, BB)")]
    [TestCase("participants: [ { initiative: forum, role: academic } ]", 23, "events[0].effects.participants[0]", "sets their alignment, their access or both")]
    [TestCase("contacts: { AA: closed }", 23, "events[0].effects.contacts.AA", "allowed", "banned")]
    public void Effect_naming_what_does_not_exist_is_reported_where_it_is_named(string effect, int column, string path, params string[] words)
    {
        Only(WithEffect(effect), 14, column, path, words);
    }

    [Test]
    public void The_example_of_the_format_guide_is_a_valid_scenario()
    {
        string guide = RepositoryFiles.Read("docs/SCENARIOS.md");
        string section = guide[guide.IndexOf("## Things that change during a run", StringComparison.Ordinal)..];
        int start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var scenario = Valid(section[start..section.IndexOf("```", start, StringComparison.Ordinal)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.State("AA").Governments.Select(g => g.Contacts), Is.EqualTo(new[] { ContactPolicy.Allowed, ContactPolicy.Banned, ContactPolicy.Allowed }));
            Assert.That(scenario.Events.Single(e => e.Id == "coup").Effects.Contacts["BB"], Is.EqualTo(ContactPolicy.Banned));
        }
    }
}

using NUnit.Framework;
using static TrackSim.Tests.Scenarios.LoadAssert;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>Ids are unique where they are used as names, and reserved words are not ids.</summary>
public sealed class IdentityRuleTests
{
    [Test]
    public void Duplicate_state_id_is_reported_with_the_first_use()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
              - { id: AA, name: Again }
            """;
        Only(yaml, 5, 11, "states[2].id", "duplicate state id 'AA'", "already used at states[0].id");
    }

    [Test]
    public void Duplicate_event_id_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: crisis, date: 2002-01, kind: crisis, actors: [AA] }
              - { id: crisis, date: 2003-01, kind: crisis, actors: [BB] }
            """;
        Only(yaml, 7, 11, "events[1].id", "duplicate event id 'crisis'");
    }

    [Test]
    public void Duplicate_initiative_id_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: dialogue, start: 2001-01, participants: [{ state: AA, role: youth }] }
              - { id: dialogue, start: 2002-01, participants: [{ state: BB, role: youth }] }
            """;
        Only(yaml, 7, 11, "initiatives[1].id", "duplicate initiative id 'dialogue'");
    }

    [Test]
    public void Functional_link_ids_are_unique_across_dyads()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
              - { id: CC }
            dyads:
              - states: [AA, BB]
                functional_links:
                  - { id: river, sector: water }
              - states: [AA, CC]
                functional_links:
                  - { id: river, sector: trade }
            """;
        Only(yaml, 12, 15, "dyads[1].functional_links[0].id", "duplicate functional link id 'river'", "unique across the scenario");
    }

    [Test]
    public void Link_created_by_an_event_may_not_reuse_a_dyad_link_id()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - states: [AA, BB]
                functional_links:
                  - { id: river, sector: water }
            events:
              - { id: deal, date: 2002-01, kind: agreement, actors: [AA, BB], effects: { create_links: [{ id: river, sector: trade }] } }
            """;
        Only(yaml, 10, 99, "events[0].effects.create_links[0].id", "duplicate functional link id 'river'");
    }

    [Test]
    public void Duplicate_topic_id_in_an_initiative_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2001-01
                topics:
                  - { id: water, core: false }
                  - { id: water, core: true }
                participants:
                  - { state: AA, role: academic }
            """;
        Only(yaml, 10, 15, "initiatives[0].topics[1].id", "duplicate topic id 'water' in this initiative");
    }

    [Test]
    public void Same_topic_id_in_two_initiatives_is_allowed()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: one, start: 2001-01, topics: [{ id: water }], participants: [{ state: AA, role: academic }] }
              - { id: two, start: 2001-01, topics: [{ id: water }], participants: [{ state: BB, role: academic }] }
            """;
        Assert.That(Valid(yaml).Initiatives.Select(i => i.Topics.Single().Id), Is.EqualTo(new[] { "water", "water" }));
    }

    [Test]
    public void Duplicate_variant_name_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            variants:
              - { name: calm, lens: realist }
              - { name: calm, lens: functionalist }
            """;
        Only(yaml, 7, 13, "variants[1].name", "duplicate variant name 'calm'");
    }

    [Test]
    public void Dyad_listed_twice_in_either_order_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - { states: [AA, BB], tension: 0.4 }
              - { states: [BB, AA], tension: 0.6 }
            """;
        Only(yaml, 7, 5, "dyads[1].states", "the dyad AA-BB is listed twice");
    }

    [Test]
    public void Variant_named_base_is_reported_as_reserved()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            variants:
              - { name: base }
            """;
        Only(yaml, 6, 13, "variants[0].name", "'base' is the name of the scenario without a variant", "choose another name");
    }

    [Test]
    public void Initiative_named_all_is_reported_as_reserved()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: all, start: 2001-01, participants: [{ state: AA, role: youth }] }
            """;
        Only(yaml, 6, 11, "initiatives[0].id", "'all' is reserved", "every initiative", "choose another id");
    }

    [Test]
    public void Initiative_a_variant_adds_may_not_be_named_all()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            variants:
              - name: more
                add_initiatives:
                  - { id: all, start: 2001-01, participants: [{ state: AA, role: youth }] }
            """;
        Only(yaml, 8, 15, "variants[0].add_initiatives[0].id", "'all' is reserved");
    }

    [Test]
    public void Event_a_variant_adds_may_not_reuse_a_base_event_id()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: crisis, date: 2004-06, kind: crisis, actors: [AA, BB] }
            variants:
              - name: worse
                add_events:
                  - { id: crisis, date: 2005-06, kind: war, actors: [AA, BB] }
            """;
        Only(yaml, 10, 15, "variants[0].add_events[0].id", "duplicate event id 'crisis'");
    }

    [Test]
    public void Event_a_variant_adds_may_reuse_the_id_of_an_event_it_removes()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: crisis, date: 2004-06, kind: crisis, actors: [AA, BB] }
            variants:
              - name: later
                remove_events: [crisis]
                add_events:
                  - { id: crisis, date: 2006-06, kind: crisis, actors: [AA, BB] }
            """;
        var later = Valid(yaml).ForVariant("later");
        Assert.That(later.Events.Single().Date, Is.EqualTo(new DateOnly(2006, 6, 1)));
    }
}

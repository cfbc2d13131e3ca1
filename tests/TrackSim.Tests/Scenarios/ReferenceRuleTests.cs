using NUnit.Framework;
using static TrackSim.Tests.Scenarios.LoadAssert;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>Every name one part of a scenario uses for another part must exist.</summary>
public sealed class ReferenceRuleTests
{
    [Test]
    public void Event_actor_that_is_no_state_is_reported_with_the_known_states()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2001-01, kind: crisis, actors: [AA, XX] }
            """;
        Only(yaml, 6, 57, "events[0].actors[1]", "no state 'XX'", "expected one of AA, BB");
    }

    [Test]
    public void Dyad_state_that_is_no_state_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - { states: [AA, CC], tension: 0.5 }
            """;
        Only(yaml, 6, 20, "dyads[0].states[1]", "no state 'CC'", "expected one of AA, BB");
    }

    [Test]
    public void Initial_trust_for_an_unknown_state_is_reported_at_the_key()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            citizens:
              initial_trust:
                ZZ: { mean: 0.5, sd: 0.1 }
            """;
        Only(yaml, 7, 5, "citizens.initial_trust.ZZ", "no state 'ZZ'");
    }

    [Test]
    public void Participant_from_a_state_outside_the_initiative_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
              - { id: CC }
            initiatives:
              - id: dialogue
                states: [AA, BB]
                start: 2001-01
                participants:
                  - { state: CC, role: former_diplomat }
            """;
        Only(yaml, 11, 18, "initiatives[0].participants[0].state", "'CC' is not one of the initiative's states (AA, BB)");
    }

    [Test]
    public void Participant_from_no_state_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2001-01
                participants:
                  - { state: QQ, role: journalist }
            """;
        Only(yaml, 9, 18, "initiatives[0].participants[0].state", "no state 'QQ'", "expected one of AA, BB");
    }

    [Test]
    public void Topic_position_for_a_state_outside_the_initiative_is_reported()
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
                  - id: border
                    positions: { AA: 0.2, CC: 0.8 }
                participants:
                  - { state: AA, role: academic }
            """;
        Only(yaml, 10, 31, "initiatives[0].topics[0].positions.CC", "'CC' is not one of the initiative's states (AA, BB)");
    }

    [Test]
    public void Hawkishness_effect_for_an_unknown_state_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - id: new-government
                date: 2003-01
                kind: election
                actors: [AA]
                effects:
                  hawkishness: { QQ: 0.3 }
            """;
        Only(yaml, 11, 22, "events[0].effects.hawkishness.QQ", "no state 'QQ'");
    }

    [Test]
    public void Stopping_an_unknown_initiative_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: dialogue, start: 2001-01, participants: [{ state: AA, role: youth }] }
            events:
              - { id: e1, date: 2002-01, kind: crisis, actors: [AA, BB], effects: { stop_initiatives: [dialouge] } }
            """;
        Only(yaml, 8, 92, "events[0].effects.stop_initiatives[0]", "no initiative 'dialouge'", "expected one of dialogue", "use 'all' for every initiative");
    }

    [Test]
    public void Starting_all_initiatives_needs_no_initiative_named_all()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2002-01, kind: summit, actors: [AA, BB], effects: { start_initiatives: [all] } }
            """;
        Assert.That(Valid(yaml).Events[0].Effects.StartInitiatives, Is.EqualTo(new[] { "all" }));
    }

    [Test]
    public void Effect_may_name_an_initiative_that_only_a_variant_adds()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2002-01, kind: crisis, actors: [AA, BB], effects: { stop_initiatives: [youth] } }
            variants:
              - name: with-youth
                add_initiatives:
                  - { id: youth, start: 2001-01, participants: [{ state: AA, role: youth }] }
            """;
        Valid(yaml);
    }

    [TestCase("suspend_links")]
    [TestCase("resume_links")]
    public void Unknown_functional_link_in_an_effect_is_reported(string key)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - states: [AA, BB]
                functional_links:
                  - { id: river, sector: water }
            events:
              - id: e1
                date: 2002-01
                kind: crisis
                actors: [AA, BB]
                effects:
                  {{key}}: [rivr]
            """;
        Only(yaml, 15, key.Length + 10, $"events[0].effects.{key}[0]", "no functional link 'rivr'", "expected one of river");
    }

    [Test]
    public void Effect_may_name_a_link_that_an_earlier_event_creates()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: pipeline, date: 2002-01, kind: agreement, actors: [AA, BB], effects: { create_links: [{ id: gas, sector: energy }] } }
              - { id: war, date: 2004-01, kind: war, actors: [AA, BB], effects: { suspend_links: [gas] } }
            """;
        var scenario = Valid(yaml);
        Assert.That(scenario.Events[0].Effects.CreateLinks.Single().Id, Is.EqualTo("gas"));
    }

    [Test]
    public void Variant_removing_an_unknown_event_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: crisis, date: 2004-06, kind: crisis, actors: [AA, BB] }
            variants:
              - { name: calm, remove_events: [crisis, ghost] }
            """;
        Only(yaml, 8, 43, "variants[0].remove_events[1]", "the base scenario has no event 'ghost'", "expected one of crisis");
    }

    [Test]
    public void Variant_removing_an_unknown_initiative_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: dialogue, start: 2001-01, participants: [{ state: AA, role: youth }] }
            variants:
              - { name: quiet, remove_initiatives: [phantom] }
            """;
        Only(yaml, 8, 41, "variants[0].remove_initiatives[0]", "the base scenario has no initiative 'phantom'", "expected one of all, dialogue");
    }

    [Test]
    public void Variant_removing_all_and_an_unknown_initiative_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - { id: dialogue, start: 2001-01, participants: [{ state: AA, role: youth }] }
            variants:
              - { name: quiet, remove_initiatives: [all, phantom] }
            """;
        Only(yaml, 8, 46, "variants[0].remove_initiatives[1]", "no initiative 'phantom'");
    }

    [Test]
    public void Labelling_an_unknown_event_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: crisis, date: 2004-06, kind: crisis, actors: [AA, BB] }
            outputs:
              label_events: [crisis, criss]
            """;
        Only(yaml, 8, 26, "outputs.label_events[1]", "no event 'criss'", "expected one of crisis");
    }

    [Test]
    public void Label_may_name_an_event_that_only_a_variant_adds()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            variants:
              - name: festival
                add_events:
                  - { id: fair, date: 2005-05, kind: track2, actors: [AA, BB] }
            outputs:
              label_events: [fair]
            """;
        Assert.That(Valid(yaml).Outputs.LabelEvents, Is.EqualTo(new[] { "fair" }));
    }

    [Test]
    public void Reference_to_an_unknown_id_lists_at_most_twelve_known_ids()
    {
        string events = string.Concat(Enumerable.Range(1, 15).Select(i => $"  - {{ id: e{i:00}, date: 2001-01, kind: other, actors: [AA] }}\n"));
        string yaml = "calendar: { start: 2000-01, end: 2009-12 }\nstates: [{ id: AA }, { id: BB }]\nevents:\n" + events + "outputs: { label_events: [e99] }\n";
        Only(yaml, 19, 27, "outputs.label_events[0]", "no event 'e99'", "expected one of e01, e02, e03, e04, e05, e06, e07, e08, e09, e10, e11, e12, ... (15 in all)");
    }

    [Test]
    public void Event_with_a_bad_kind_does_not_make_its_references_dangle()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2002-01, kind: crisiss, actors: [AA, BB] }
            variants:
              - { name: calm, remove_events: [e1] }
            outputs:
              label_events: [e1]
            """;
        Only(yaml, 6, 36, "events[0].kind", "did you mean 'crisis'?");
    }

    [Test]
    public void Link_with_a_bad_sector_does_not_make_its_references_dangle()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - states: [AA, BB]
                functional_links:
                  - { id: river, sector: watr }
            events:
              - { id: e1, date: 2002-01, kind: crisis, actors: [AA, BB], effects: { suspend_links: [river] } }
            """;
        Only(yaml, 8, 30, "dyads[0].functional_links[0].sector", "did you mean 'water'?");
    }

    [Test]
    public void Event_with_a_bad_kind_still_has_its_actors_checked()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2002-01, kind: crisiss, actors: [ZZ] }
            """;
        var result = Load(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Has.Length.EqualTo(2), () => Describe(result));
            HasError(result, 6, 36, "events[0].kind", "did you mean 'crisis'?");
            HasError(result, 6, 54, "events[0].actors[0]", "no state 'ZZ'");
        });
    }
}

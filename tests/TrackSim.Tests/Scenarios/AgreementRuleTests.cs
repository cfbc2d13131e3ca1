using NUnit.Framework;
using TrackSim.Core.Domain;
using static TrackSim.Tests.Scenarios.LoadAssert;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// The governments' decisions belong to the model: an event scripts one only with
/// <c>decided: true</c>, the parameters of the scripted dialogue are retired with a pointer to
/// their replacements, and the agreements on the table must name what exists, once, with their
/// historical dates in order.
/// </summary>
public sealed class AgreementRuleTests
{
    private const string Header = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA }
          - { id: BB }
          - { id: CC }
        initiatives:
          - id: talks
            start: 2001-01
            topics: [{ id: border, core: true }, { id: trade }]
            participants: [{ state: AA, role: academic }, { state: BB, role: academic }]

        """;

    [TestCase("suspend")]
    [TestCase("resume")]
    [TestCase("keep")]
    public void Dialogue_effect_without_decided_is_refused_with_how_to_update(string decision)
    {
        string yaml = Header + $$"""
            events:
              - id: attack
                date: 2002-01
                kind: terror_attack
                actors: [BB, AA]
                effects: { dialogue: {{decision}} }
            """;
        Only(yaml, 16, 26, "events[0].effects.dialogue", "decided: true", "agreements", "TI-TALKS", "remove this effect");
    }

    [Test]
    public void Reach_agreements_without_decided_is_refused_with_how_to_update()
    {
        const string yaml = Header + """
            events:
              - id: summit
                date: 2003-01
                kind: summit
                actors: [AA, BB]
                effects:
                  reach_agreements: [trade-pact]
            agreements:
              - { id: trade-pact, states: [AA, BB], kind: cbm, topic: trade }
            """;
        Only(yaml, 17, 25, "events[0].effects.reach_agreements", "decided: true", "under 'agreements'", "'historical'", "TI-AGREE");
    }

    [Test]
    public void Decided_event_scripts_the_dialogue_and_the_agreements_it_reaches()
    {
        const string yaml = Header + """
            events:
              - id: summit
                date: 2003-01
                kind: summit
                actors: [AA, BB]
                decided: true
                effects: { dialogue: resume, reach_agreements: [trade-pact] }
              - { id: clash, date: 2004-01, kind: crisis, actors: [AA, BB] }
            agreements:
              - { id: trade-pact, states: [AA, BB], kind: cbm, topic: trade }
            """;
        var scenario = Valid(yaml);
        var summit = scenario.Events[0];
        Assert.That((summit.Decided, summit.Effects.Dialogue), Is.EqualTo((true, (DialogueStatus?)DialogueStatus.Open)));
        Assert.That(summit.Effects.Agreements, Is.EqualTo(new[] { "trade-pact" }));
        Assert.That(scenario.Events[1].Decided, Is.False, "decided defaults to false: the model decides");
    }

    [TestCase("resume_delay", "open_readiness", "min_suspension")]
    [TestCase("resume_tension", "open_readiness")]
    [TestCase("suspend_severity", "tolerance")]
    [TestCase("preparation_effect", "readiness.backchannel_weight")]
    [TestCase("preparation_per_meeting", "readiness.backchannel_weight")]
    public void Retired_dialogue_parameter_is_refused_naming_its_replacement(string key, params string[] replacements)
    {
        string yaml = Header + $$"""
            parameters:
              dialogue: { {{key}}: 1 }
            """;
        Only(yaml, 12, 15, $"parameters.dialogue.{key}", [$"'{key}' is no longer part of the dialogue parameters", .. replacements]);
    }

    [Test]
    public void Retired_parameter_in_a_variant_is_refused_too()
    {
        const string yaml = Header + """
            variants:
              - name: slow
                parameters:
                  dialogue: { resume_delay: 3 }
            """;
        Only(yaml, 14, 19, "variants[0].parameters.dialogue.resume_delay", "no longer part of the dialogue parameters", "open_readiness");
    }

    [Test]
    public void Agreement_on_a_topic_no_initiative_has_is_refused_with_the_known_topics()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: declaration, topic: trad }
            """;
        Only(yaml, 12, 61, "agreements[0].topic", "no initiative has a topic 'trad'", "expected one of border, trade");
    }

    [Test]
    public void Agreement_topic_may_come_from_an_initiative_a_variant_adds()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [{ id: AA }, { id: BB }]
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm, topic: water }
            variants:
              - name: with-talks
                add_initiatives:
                  - id: river
                    start: 2001-01
                    topics: [{ id: water }]
                    participants: [{ state: AA, role: academic }, { state: BB, role: academic }]
            """;
        Assert.That(Valid(yaml).Agreements.Single().Topic, Is.EqualTo("water"));
    }

    [Test]
    public void Agreement_between_an_unknown_state_is_refused_with_the_known_states()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, DD], kind: cbm }
            """;
        Only(yaml, 12, 30, "agreements[0].states[1]", "no state 'DD'", "expected one of AA, BB, CC");
    }

    [Test]
    public void Agreement_of_a_state_with_itself_is_refused()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, AA], kind: cbm }
            """;
        Only(yaml, 12, 30, "agreements[0].states[1]", "'AA' is named twice");
    }

    [Test]
    public void Duplicate_agreement_id_is_refused_at_the_second()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm }
              - { id: pact, states: [AA, CC], kind: declaration }
            """;
        Only(yaml, 13, 11, "agreements[1].id", "duplicate agreement id 'pact'");
    }

    [Test]
    public void Historical_dates_out_of_order_are_refused_at_the_first_out_of_place()
    {
        const string yaml = Header + """
            agreements:
              - id: ceasefire
                states: [AA, BB]
                kind: ceasefire
                historical: [2003-11-26, 2003-02, 2008-01]
            """;
        Only(yaml, 15, 30, "agreements[0].historical[1]", "the historical dates must be in order", "2003-02-01 is not after 2003-11-26");
    }

    [Test]
    public void The_same_historical_date_twice_is_refused()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm, historical: [2005-01, 2005-01-01] }
            """;
        Only(yaml, 12, 68, "agreements[0].historical[1]", "2005-01-01 is not after 2005-01-01");
    }

    [Test]
    public void Remove_agreements_naming_no_agreement_is_refused_with_the_known_ones()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm }
            variants:
              - { name: no-pact, remove_agreements: [pakt] }
            """;
        Only(yaml, 14, 42, "variants[0].remove_agreements[0]", "the base scenario has no agreement 'pakt'", "expected one of pact");
    }

    [Test]
    public void Reach_agreements_naming_no_agreement_is_refused()
    {
        const string yaml = Header + """
            events:
              - { id: summit, date: 2003-01, kind: summit, actors: [AA, BB], decided: true, effects: { reach_agreements: [pakt] } }
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm }
            """;
        Only(yaml, 12, 111, "events[0].effects.reach_agreements[0]", "no agreement 'pakt'", "expected one of pact");
    }

    [Test]
    public void Unknown_agreement_kind_is_refused_with_the_kinds()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: treaty }
            """;
        Only(yaml, 12, 41, "agreements[0].kind", "ceasefire, cbm, declaration, framework, settlement", "'treaty'");
    }

    [Test]
    public void Agreement_on_the_table_before_the_calendar_is_refused()
    {
        const string yaml = Header + """
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm, from: 1999-06 }
            """;
        Only(yaml, 12, 52, "agreements[0].from", "outside the calendar");
    }

    [Test]
    public void Agreement_takes_the_defaults_of_its_kind_and_a_variant_can_take_it_off_the_table()
    {
        const string yaml = Header + """
            agreements:
              - { id: truce, states: [BB, AA], kind: ceasefire }
              - id: accord
                name: Border accord
                states: [AA, BB]
                kind: settlement
                topic: border
                threshold: 0.3
                work: 2
                needs_talks: false
                severity: 0.8
                terms: { incident_reduction: 0.4, restraint: 0.2, cbm: 1, create_links: [{ id: crossing, sector: transit }] }
                reversible: false
                from: 2004-03
                historical: [2006-05-02]
                source: Invented
            variants:
              - { name: no-accord, remove_agreements: [accord] }
            """;
        var scenario = Valid(yaml);
        var truce = scenario.Agreements[0];
        var accord = scenario.Agreements[1];
        Assert.Multiple(() =>
        {
            Assert.That(
                (truce.Name, truce.Label, truce.Kind, truce.Topic, truce.Threshold, truce.Work, truce.NeedsTalks, truce.Severity, truce.Reversible, truce.From, truce.Historical.IsEmpty),
                Is.EqualTo(("truce", "truce", AgreementKind.Ceasefire, (string?)null, AgreementKinds.Threshold(AgreementKind.Ceasefire), AgreementKinds.Work(AgreementKind.Ceasefire), false, 0.5, true, (DateOnly?)null, true)));
            Assert.That((truce.Terms.IncidentReduction, truce.Terms.Restraint, truce.Terms.Cbm, truce.Terms.CreateLinks.IsEmpty), Is.EqualTo((0.0, 0.0, 0.0, true)), "no terms but the signing");
            Assert.That(truce.States, Is.EqualTo(new[] { "BB", "AA" }));
            Assert.That(
                (accord.Label, accord.Topic, accord.Threshold, accord.Work, accord.NeedsTalks, accord.Severity, accord.Reversible, accord.From, accord.Source),
                Is.EqualTo(("Border accord", (string?)"border", 0.3, 2.0, false, 0.8, false, (DateOnly?)new DateOnly(2004, 3, 1), (string?)"Invented")));
            Assert.That((accord.Terms.IncidentReduction, accord.Terms.Restraint, accord.Terms.Cbm), Is.EqualTo((0.4, 0.2, 1.0)));
            Assert.That(accord.Terms.CreateLinks.Select(l => (l.Id, l.Sector)), Is.EqualTo(new[] { ("crossing", Sector.Transit) }));
            Assert.That(accord.Historical, Is.EqualTo(new[] { new DateOnly(2006, 5, 2) }));
            Assert.That(scenario.ForVariant("no-accord").Agreements.Select(a => a.Id), Is.EqualTo(new[] { "truce" }));
        });
    }

    [Test]
    public void An_agreement_of_an_unknown_kind_still_has_its_dates_and_topic_checked()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            agreements:
              - { id: pact, states: [AA, BB], kind: treaty, topic: nowhere, historical: [2003-01, 2002-01] }
            """;
        var result = LoadAssert.Load(yaml);

        using (Assert.EnterMultipleScope())
        {
            LoadAssert.HasError(result, 4, 41, "agreements[0].kind", "treaty");
            LoadAssert.HasError(result, 4, 56, "agreements[0].topic", "nowhere");
            LoadAssert.HasError(result, 4, 87, "agreements[0].historical[1]", "in order");
        }
    }
}

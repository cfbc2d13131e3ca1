using TrackSim.Core.Domain;
using TrackSim.Reporting.Description;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class ScenarioDescriptionTests
{
    /// <summary>Two states, one Track II dialogue and one crisis whose consequences for the official dialogue the governments decide.</summary>
    private const string Crisis = """
        name: crisis
        title: Two states, one dialogue, one crisis
        calendar: { start: 2000-01, end: 2009-12, step: month }
        states:
          - { id: AA, name: Atlantis }
          - { id: BB, name: Borduria }
        initiatives:
          - id: dialogue
            start: 2001-01
            participants:
              - { state: AA, role: former_diplomat, count: 4 }
              - { state: BB, role: former_diplomat, count: 4 }
        events:
          - { id: crisis, date: 2004-06, kind: crisis, severity: 0.8, actors: [AA, BB],
              source: "Invented for illustration" }
        """;

    /// <summary>Agreements on the table, one event that scripts the governments' decisions, and a variant without the ceasefire.</summary>
    private const string Agreements = """
        name: agreements
        title: Agreements on the table
        calendar: { start: 2000-01, end: 2009-12, step: month }
        states:
          - { id: AA, name: Atlantis }
          - { id: BB, name: Borduria }
        initiatives:
          - id: dialogue
            start: 2001-01
            participants:
              - { state: AA, role: former_diplomat, count: 4 }
              - { state: BB, role: former_diplomat, count: 4 }
        events:
          - { id: crisis, date: 2004-06, kind: crisis, severity: 0.8, actors: [AA, BB], source: "Invented" }
          - id: summit
            date: 2006-05
            kind: summit
            severity: 0.5
            actors: [AA, BB]
            decided: true
            effects: { dialogue: resume, reach_agreements: [hotline] }
            source: "Invented"
        agreements:
          - id: hotline
            name: Hotline between the foreign ministries
            states: [AA, BB]
            kind: cbm
            topic: core
            severity: 0.4
            reversible: false
            historical: [2006-05, 2008-02-15]
            source: "Invented"
          - id: border-ceasefire
            name: Ceasefire on the border
            states: [BB, AA]
            kind: ceasefire
            threshold: 0.3
            needs_talks: true
            terms: { incident_reduction: 0.7, restraint: 0.1, create_links: [{ id: border-trade, sector: trade }] }
            from: 2003-01
        variants:
          - name: no-ceasefire
            description: What if no ceasefire had been on the table?
            remove_agreements: [border-ceasefire]
        """;

    private static Scenario Load(string yaml, IReadOnlyList<Override>? overrides = null)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", overrides ?? []);
        Assert.That(result.Errors, Is.Empty, "the test scenario must be valid");
        return result.Scenario!;
    }

    [Test]
    public void Every_parameter_appears_with_value_default_range_unit_and_source()
    {
        var scenario = Load("""
            name: lenses
            title: One history through two lenses
            calendar: { start: 2000-01, end: 2004-12, step: month }
            states: [{ id: NA, name: Northland }, { id: SO, name: Southland }]
            lens: functionalist
            variants:
              - name: realist-lens
                description: The same history read through the realist lens.
                lens: realist
            """);

        string markdown = ScenarioDescription.Markdown(scenario, "lenses.yaml", "9.9.9", []);

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains('.', StringComparison.Ordinal)).ToList();
        foreach (var parameter in TrackSim.Core.Parameters.ParameterCatalog.All)
        {
            Assert.That(rows, Has.Some.StartsWith($"| `{parameter.Key}` |"), parameter.Key);
        }

        using (Assert.EnterMultipleScope())
        {
            // The functionalist lens sets posture.interdependence_restraint to 0.5 (default 0.3, range 0 to 5, 1/year per link strength).
            Assert.That(markdown, Does.Contain("| `posture.interdependence_restraint` | **0.5** | 0.3 | 0 to 5 | 1/year per link strength | lens functionalist |"));
            Assert.That(markdown, Does.Contain("| `posture.fear` | 0.3 | 0.3 | 0 to 5 | 1/year | default |"));
            Assert.That(markdown, Does.Contain("| `dialogue.open_readiness` | 0.25 | 0.25 | 0 to 1 | readiness | default |"));
            Assert.That(markdown, Does.Contain("TrackSim 9.9.9"));
            Assert.That(markdown, Does.Contain("### Rules, in the order of a step"));
            Assert.That(markdown, Does.Contain("| ST-AUDIENCE | `audience_pressure` | on | domestic audience pressure on posture from a hostile public | Fearon, J. D. (1994)."));
            Assert.That(markdown, Does.Contain("| ST-TENSION | — | always on | — | TrackSim's own specification (no published source). |"));
            Assert.That(markdown, Does.Contain("| TI-READINESS | — | always on | — | Pruitt, D. G. (2007)."));
            Assert.That(markdown, Does.Contain("| TI-TALKS | `dialogue` | on | the governments' decisions to open, suspend and resume the official dialogue | Pruitt, D. G. (2007)."));
            Assert.That(markdown, Does.Contain("| TI-AGREE | `agreements` | on |"));
            Assert.That(markdown, Does.Contain("| TI-SPOILER | `spoilers` | on |"));
            Assert.That(markdown, Does.Contain("## Events"));
            Assert.That(markdown, Does.Contain("## Ensemble"));
            Assert.That(markdown, Does.Contain("| `realist-lens` | The same history read through the realist lens. | lens realist |"));
        }
    }

    [Test]
    public void Events_are_listed_with_their_dates_and_sources()
    {
        string markdown = ScenarioDescription.Markdown(Load(Crisis), "crisis.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| 2004-06-01 | crisis (`crisis`) | crisis (hostile) | 0.8 | AA, BB | by kind and severity | Invented for illustration |"));
            Assert.That(markdown, Does.Contain("No event scripts those decisions: every official outcome of a run is the model's."));
            Assert.That(markdown, Does.Not.Contain("**decided**"));
        }
    }

    [Test]
    public void Decided_events_are_marked_with_the_decisions_they_script()
    {
        string markdown = ScenarioDescription.Markdown(Load(Agreements), "agreements.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| 2006-05-01 | summit (`summit`), **decided** | summit (cooperative) | 0.5 | AA, BB | resumes dialogue (scripted); reaches agreement hotline (scripted) | Invented |"));
            Assert.That(markdown, Does.Contain("| 2004-06-01 | crisis (`crisis`) | crisis (hostile) | 0.8 | AA, BB | by kind and severity | Invented |"));
            Assert.That(markdown, Does.Contain("Events marked **decided** take those decisions for them"));
        }
    }

    [Test]
    public void A_decided_event_that_keeps_the_dialogue_open_says_so()
    {
        string yaml = Crisis.Replace(
            "actors: [AA, BB],\n      source:",
            "actors: [AA, BB], decided: true,\n      effects: { dialogue: keep }, source:",
            StringComparison.Ordinal);

        string markdown = ScenarioDescription.Markdown(Load(yaml), "crisis.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Contain("| 2004-06-01 | crisis (`crisis`), **decided** | crisis (hostile) | 0.8 | AA, BB | dialogue kept open (scripted) | Invented for illustration |"));
    }

    [Test]
    public void Governments_group_dates_and_effects_that_change_a_world_are_described()
    {
        string markdown = ScenarioDescription.Markdown(Load("""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                governments:
                  - { from: 2000-01, leader: Ames }
                  - { from: 2004-03-15, leader: Bold, hawkishness: 0.9, contacts: banned }
              - { id: BB }
            initiatives:
              - id: forum
                start: 2001-01
                participants:
                  - { state: AA, role: academic, count: 2, alignment: 0.3, from: 2002-01, until: 2005-06 }
                  - { state: BB, role: academic, count: 2, alignment: 0.3 }
            events:
              - { id: law, date: 2003-01, kind: domestic, actors: [BB], source: "Invented",
                  effects: { contacts: { BB: banned }, upgrade_initiatives: { forum: 0.8 },
                             participants: [ { initiative: forum, state: AA, alignment: 0.9, access: 0.5 } ] } }
            """), "periods.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("### Governments by period"));
            Assert.That(markdown, Does.Contain("| AA | 2000-01-01 | Ames | parameter | parameter | parameter | allowed |"));
            Assert.That(markdown, Does.Contain("| AA | 2004-03-15 | Bold | parameter | 0.9 | parameter | banned |"));
            Assert.That(markdown, Does.Contain("2 academic (AA, alignment 0.3, from 2002-01-01, until 2005-06-30), 2 academic (BB, alignment 0.3)"));
            Assert.That(markdown, Does.Contain("| 2003-01-01 | law (`law`) | domestic (neutral) | 0.5 | BB | contacts of BB banned; participants of forum from AA to alignment 0.9 and access 0.5; upgrades forum to Track 1.5 (access at least 0.8) | Invented |"));
        }
    }

    [Test]
    public void A_scenario_without_periods_has_no_table_of_governments()
    {
        string markdown = ScenarioDescription.Markdown(Load(Crisis), "crisis.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Not.Contain("Governments by period"));
    }

    [Test]
    public void Agreements_are_listed_with_kind_topic_threshold_work_and_historical_dates_as_targets()
    {
        string markdown = ScenarioDescription.Markdown(Load(Agreements), "agreements.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("\n## Agreements on the table\n"));
            Assert.That(markdown, Does.Contain("The historical dates are when history reached the agreement: targets to compare a run with, never inputs."));

            // By kind a CBM needs readiness 0.2 and half a year of talks; nothing is the scenario's own, so nothing is bold.
            Assert.That(markdown, Does.Contain("| `hotline` | Hotline between the foreign ministries | AA, BB | cbm | `core` | 0.2 | 0.5 | yes | the start | 0.4 | the signing only | no | 2006-05-01, 2008-02-15 | Invented |"));

            // The ceasefire sets its own threshold and needs talks, which its kind would not: both in bold.
            Assert.That(markdown, Does.Contain("| `border-ceasefire` | Ceasefire on the border | BB, AA | ceasefire | none | **0.3** | 0.25 | **yes** | 2003-01-01 | 0.5 | prevents a share 0.7 of incidents; restraint 0.1/year; creates link border-trade | yes | never reached | not given |"));
            Assert.That(markdown, Does.Contain("| `no-ceasefire` | What if no ceasefire had been on the table? | without agreement border-ceasefire |"));
            Assert.That(markdown.IndexOf("\n## Events\n", StringComparison.Ordinal), Is.LessThan(markdown.IndexOf("\n## Agreements on the table\n", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void Third_parties_are_listed_with_kind_trust_and_what_they_host_fund_and_guarantee()
    {
        string markdown = ScenarioDescription.Markdown(Load("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            third_parties:
              - { id: NO, name: Norway, kind: facilitator, trust: { AA: 0.7 } }
              - { id: CU, kind: guarantor }
            initiatives:
              - id: talks
                start: 2001-01
                hosts: [NO, CU]
                funders: [NO]
                participants: [ { third_party: NO, role: mediator, count: 2 }, { state: AA, role: official }, { state: BB, role: official } ]
            agreements:
              - { id: peace, states: [AA, BB], kind: settlement, guarantors: [CU] }
            """), "third.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| NO | Norway | facilitator | AA 0.7, BB 0.5 | talks | talks | none | 2 mediator in talks |"));
            Assert.That(markdown, Does.Contain("| CU | CU | guarantor | AA 0.5, BB 0.5 | talks | none | peace | none |"));
            Assert.That(markdown, Does.Contain("2 mediator (NO, third party)"));
            Assert.That(markdown.IndexOf("\n## Third parties\n", StringComparison.Ordinal), Is.LessThan(markdown.IndexOf("\n## Track II initiatives\n", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void A_scenario_without_third_parties_has_no_such_section()
    {
        string markdown = ScenarioDescription.Markdown(Load(Crisis), "crisis.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Not.Contain("## Third parties"));
    }

    [Test]
    public void A_scenario_without_agreements_says_none_is_on_the_table()
    {
        string markdown = ScenarioDescription.Markdown(Load(Crisis), "crisis.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Contain("\n## Agreements on the table\n\nNone: the governments decide on the official dialogue, but no agreement is on the table.\n"));
    }

    [Test]
    public void A_value_set_on_the_command_line_is_marked_as_an_override()
    {
        var scenario = Load(Crisis, [new Override("parameters.posture.fear", "0.45")]);

        string markdown = ScenarioDescription.Markdown(scenario, "crisis.yaml", "1.0.0", ["parameters.posture.fear=0.45"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| `posture.fear` | **0.45** | 0.3 | 0 to 5 | 1/year | override (--set) |"));
            Assert.That(markdown, Does.Contain("- `--set parameters.posture.fear=0.45`"));
        }
    }

    [Test]
    public void The_states_table_shows_the_parameters_of_a_state_that_a_state_has_its_own_value_of()
    {
        var scenario = Load(Crisis.Replace("events:", "parameters: { media: { exposure: { BB: 0.4 } }, posture: { fear: 0.4 } }\nevents:", StringComparison.Ordinal));

        string markdown = ScenarioDescription.Markdown(scenario, "crisis.yaml", "1.0.0", []);
        string states = markdown[markdown.IndexOf("## States", StringComparison.Ordinal)..markdown.IndexOf("## Dyads", StringComparison.Ordinal)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states, Does.Contain("| id | name | kind | initial posture | `media.exposure` |\n"));
            Assert.That(states, Does.Contain("| AA | Atlantis | state | 0.2 | 0.6 |\n"));
            Assert.That(states, Does.Contain("| BB | Borduria | state | 0.2 | **0.4** |\n"));
            Assert.That(markdown, Does.Contain("| `posture.fear` | **0.4** | 0.3 | 0 to 5 | 1/year | scenario |"));
        }
    }

    [Test]
    public void Without_a_value_for_one_state_the_states_table_says_every_parameter_of_a_state_is_one_value()
    {
        string markdown = ScenarioDescription.Markdown(Load(Crisis), "crisis.yaml", "1.0.0", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| id | name | kind | initial posture |\n|---|---|---|---|\n| AA | Atlantis | state | 0.2 |\n"));
            Assert.That(markdown, Does.Contain("Every parameter of a state (`docs/MODEL.md`, section 2) has one value for all states, given under Parameters."));
        }
    }

    [Test]
    public void A_variants_set_values_are_listed_first_among_its_changes()
    {
        var scenario = Load(Agreements.Replace("""
                remove_agreements: [border-ceasefire]
            """, """
                remove_agreements: [border-ceasefire]
                set:
                  states[0].posture: 0.6
                  citizens.initial_trust.AA.mean: 0.35
            """, StringComparison.Ordinal));

        string markdown = ScenarioDescription.Markdown(scenario, "agreements.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Contain("| `no-ceasefire` | What if no ceasefire had been on the table? | `states[0].posture` set to 0.6; `citizens.initial_trust.AA.mean` set to 0.35; without agreement border-ceasefire |"));
    }
}

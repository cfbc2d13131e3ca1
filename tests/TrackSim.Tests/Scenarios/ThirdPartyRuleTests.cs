using NUnit.Framework;
using TrackSim.Core.Domain;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Third parties in a scenario: how they are read, and every mistake reported at its place.</summary>
public sealed class ThirdPartyRuleTests
{
    private const string Head = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA }
          - { id: BB }

        """;

    [Test]
    public void Third_parties_hosts_funders_participants_guarantors_and_actors_are_read()
    {
        var scenario = Valid(Head + """
            third_parties:
              - { id: NO, name: Norway, kind: facilitator, trust: { AA: 0.6, BB: 0.4 } }
              - { id: CU, kind: guarantor }
            initiatives:
              - id: talks
                start: 2001-01
                hosts: [NO, CU]
                funders: [NO]
                participants:
                  - { third_party: NO, role: mediator, count: 2 }
                  - { state: AA, role: official, count: 3 }
                  - { state: BB, role: official }
            agreements:
              - { id: peace, states: [AA, BB], kind: settlement, guarantors: [NO, CU] }
            events:
              - { id: leak, date: 2002-01, kind: incident, actors: [AA, NO] }
            """);
        var norway = scenario.ThirdParties[0];
        var talks = scenario.Initiatives[0];
        var mediators = talks.Participants[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.ThirdParties.Select(t => t.Id), Is.EqualTo((string[])["NO", "CU"]));
            Assert.That((norway.Name, norway.Kind, norway.TrustOf("AA"), norway.TrustOf("BB")), Is.EqualTo(("Norway", ThirdPartyKind.Facilitator, 0.6, 0.4)));
            Assert.That(scenario.ThirdParties[1].TrustOf("AA"), Is.EqualTo(ThirdPartySpec.DefaultTrust), "a side not listed");
            Assert.That(talks.Hosts, Is.EqualTo((string[])["NO", "CU"]));
            Assert.That(talks.Funders, Is.EqualTo((string[])["NO"]));
            Assert.That((mediators.ThirdParty, mediators.State, mediators.Count), Is.EqualTo((true, "NO", 2)));
            Assert.That((mediators.Alignment, mediators.Reach, mediators.SharedLanguage), Is.EqualTo((0.0, 0.0, false)), "no government to align with, no public");
            Assert.That(talks.Participants[1].ThirdParty, Is.False);
            Assert.That(scenario.Agreements[0].Guarantors, Is.EqualTo((string[])["NO", "CU"]));
            Assert.That(scenario.Events[0].Actors, Is.EqualTo((string[])["AA", "NO"]));
            Assert.That(scenario.ThirdPartySubjects, Is.EqualTo((string[])["NO", "AA>NO", "BB>NO", "CU", "AA>CU", "BB>CU"]));
        }
    }

    [Test]
    public void Unknown_kind_is_reported_with_the_kinds()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: broker }
            """, 6, 21, "third_parties[0].kind", "broker", "facilitator", "guarantor");
    }

    [Test]
    public void Third_party_with_the_id_of_a_state_is_reported()
    {
        Only(Head + """
            third_parties:
              - { id: AA, kind: funder }
            """, 6, 11, "third_parties[0].id", "duplicate id 'AA'", "a state or party has it");
    }

    [Test]
    public void Two_third_parties_with_one_id_are_reported()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: funder }
              - { id: NO, kind: mediator }
            """, 7, 11, "third_parties[1].id", "duplicate third party id 'NO'");
    }

    [Test]
    public void Trust_outside_zero_to_one_is_reported()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: funder, trust: { AA: 1.5 } }
            """, 6, 42, "third_parties[0].trust.AA", "1.5", "[0, 1]");
    }

    [Test]
    public void Trust_of_an_unknown_side_is_reported_with_the_states()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: funder, trust: { CC: 0.5 } }
            """, 6, 38, "third_parties[0].trust.CC", "no side 'CC'", "expected one of AA, BB");
    }

    [TestCase("hosts")]
    [TestCase("funders")]
    public void Host_or_funder_that_is_a_state_or_nothing_is_reported(string key)
    {
        var result = Load(Head + $$"""
            third_parties:
              - { id: NO, kind: funder }
            initiatives:
              - id: talks
                start: 2001-01
                {{key}}: [AA, XX]
                participants: [ { state: AA, role: official }, { state: BB, role: official } ]
            """);
        int column = key.Length + 8;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Errors, Has.Length.EqualTo(2), () => Describe(result));
            HasError(result, 10, column, $"initiatives[0].{key}[0]", "'AA' is a state, not a third party", "expected one of NO");
            HasError(result, 10, column + 4, $"initiatives[0].{key}[1]", "no third party 'XX'");
        }
    }

    [Test]
    public void Guarantor_that_is_no_third_party_is_reported()
    {
        Only(Head + """
            agreements:
              - { id: peace, states: [AA, BB], kind: settlement, guarantors: [BB] }
            """, 6, 67, "agreements[0].guarantors[0]", "'BB' is a state, not a third party", "(none are defined)");
    }

    [Test]
    public void Participant_group_with_a_state_and_a_third_party_is_reported()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: facilitator }
            initiatives:
              - id: talks
                start: 2001-01
                participants:
                  - { state: AA, third_party: NO, role: mediator }
                  - { state: BB, role: official }
            """, 11, 35, "initiatives[0].participants[0].third_party", "either a state's or a third party's", "'AA'", "'NO'");
    }

    [Test]
    public void Participant_group_with_neither_a_state_nor_a_third_party_is_reported()
    {
        Only(Head + """
            initiatives:
              - id: talks
                start: 2001-01
                participants:
                  - { role: mediator }
                  - { state: BB, role: official }
            """, 9, 9, "initiatives[0].participants[0]", "names its state", "or its third party");
    }

    [Test]
    public void Participant_group_of_an_unknown_third_party_is_reported()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: facilitator }
            initiatives:
              - id: talks
                start: 2001-01
                participants:
                  - { third_party: OM, role: mediator }
                  - { state: AA, role: official }
                  - { state: BB, role: official }
            """, 11, 24, "initiatives[0].participants[0].third_party", "no third party 'OM'", "expected one of NO");
    }

    [Test]
    public void Event_actor_that_is_neither_a_state_nor_a_third_party_is_reported_with_both()
    {
        Only(Head + """
            third_parties:
              - { id: NO, kind: facilitator }
            events:
              - { id: e1, date: 2001-01, kind: summit, actors: [AA, OM] }
            """, 8, 57, "events[0].actors[1]", "no state or third party 'OM'", "expected one of AA, BB, NO");
    }
}

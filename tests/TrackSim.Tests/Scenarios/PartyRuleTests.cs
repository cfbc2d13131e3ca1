using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Non-state parties and directed initial trust in the file: what is accepted and what is refused, where.</summary>
[TestFixture]
public sealed class PartyRuleTests
{
    [Test]
    public void A_state_and_a_party_related_by_a_dyad_load_with_a_directed_initial_trust()
    {
        var result = Load("""
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: CO } ]
            parties: [ { id: FARC, kind: political_movement } ]
            dyads: [ { states: [CO, FARC] } ]
            citizens: { initial_trust: { CO>FARC: { mean: 0.2, sd: 0.1 } } }
            """);
        Assert.That(result.Errors, Is.Empty, Describe(result));
        Assert.That(result.Scenario!.Citizens.TrustOf("CO", "FARC").Mean, Is.EqualTo(0.2));
    }

    [Test]
    public void A_party_no_dyad_names_is_reported()
    {
        const string yaml = """
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: CO }, { id: VE } ]
            parties: [ { id: ELN } ]
            """;
        Only(yaml, 1, 1, "dyads", "'ELN' has relations with no other actor; add a dyad that names it");
    }

    [Test]
    public void A_party_is_refused_as_the_holder_of_initial_trust()
    {
        const string yaml = """
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: CO } ]
            parties: [ { id: FARC } ]
            dyads: [ { states: [CO, FARC] } ]
            citizens: { initial_trust: { FARC>CO: { mean: 0.2, sd: 0.1 } } }
            """;
        Only(yaml, 5, 30, "citizens.initial_trust.FARC>CO", "'FARC' is a non-state party: it has no citizens");
    }

    [Test]
    public void A_directed_pair_toward_no_actor_is_reported_with_the_known_ones()
    {
        const string yaml = """
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: US }, { id: CN } ]
            citizens: { initial_trust: { US>IN: { mean: 0.2, sd: 0.1 } } }
            """;
        Only(yaml, 3, 30, "citizens.initial_trust.US>IN", "no state 'IN'", "CN, US");
    }

    [Test]
    public void An_agreement_between_actors_without_relations_is_reported()
    {
        const string yaml = """
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: CO } ]
            parties: [ { id: FARC }, { id: ELN } ]
            dyads: [ { states: [CO, FARC] }, { states: [CO, ELN] } ]
            agreements:
              - { id: truce, name: Truce, kind: ceasefire, states: [FARC, ELN] }
            """;
        Only(yaml, 6, 56, "agreements[0].states", "an agreement needs relations between FARC and ELN");
    }

    [Test]
    public void A_party_id_that_repeats_a_state_id_is_reported()
    {
        const string yaml = """
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: CO }, { id: VE } ]
            parties: [ { id: CO } ]
            """;
        var result = Load(yaml);
        HasError(result, 3, 18, "parties[0].id", "duplicate id 'CO'", "states and parties share one set of ids");
    }

    [Test]
    public void A_variant_sets_the_initial_trust_of_a_directed_pair_by_its_path()
    {
        var result = Load("""
            calendar: { start: 2012-01, end: 2012-12 }
            states: [ { id: US }, { id: CN }, { id: IN } ]
            variants:
              - name: cooler
                set:
                  citizens.initial_trust.US>CN.mean: 0.2
            """);
        Assert.That(result.Errors, Is.Empty, Describe(result));
        var cooler = result.Scenario!.ForVariant("cooler");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cooler.Citizens.TrustOf("US", "CN").Mean, Is.EqualTo(0.2));
            Assert.That(cooler.Citizens.TrustOf("US", "IN").Mean, Is.EqualTo(0.5), "the other pair keeps the default");
            Assert.That(result.Scenario.Citizens.TrustOf("US", "CN").Mean, Is.EqualTo(0.5), "the base is unchanged");
        }
    }
}

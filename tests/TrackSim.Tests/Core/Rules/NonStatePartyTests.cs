using TrackSim.Core.Domain;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Non-state parties: actors without citizens, with relations only where a dyad names them. An
/// armed group at the table and a group opposed to the talks are different actors, so an attack
/// by the second is not an attack by the first.
/// </summary>
[TestFixture]
public sealed class NonStatePartyTests
{
    private const string PeaceProcess = """
        calendar: { start: 2012-01, end: 2014-12 }
        states: [ { id: CO, name: Colombia } ]
        parties:
          - { id: FARC, kind: armed_group }
          - { id: ELN, kind: armed_group }
        dyads:
          - { states: [CO, FARC], tension: 0.5, official_trust: 0.3 }
          - { states: [CO, ELN], tension: 0.6, official_trust: 0.1 }
        citizens:
          per_state: 500
          initial_trust:
            CO>FARC: { mean: 0.2, sd: 0.08 }
            CO>ELN: { mean: 0.15, sd: 0.06 }
        events:
          - { id: ambush, date: 2013-03, kind: terror_attack, severity: 0.7, actors: [ELN, CO] }
        """;

    [Test]
    public void A_party_has_no_citizens_and_the_state_holds_trust_toward_each_party_it_relates_to()
    {
        var scenario = RuleWorlds.Load(PeaceProcess);
        var world = RuleWorlds.Create(PeaceProcess);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.States.Select(s => (s.Id, s.Kind)), Is.EqualTo(new[] { ("CO", ActorKind.State), ("FARC", ActorKind.ArmedGroup), ("ELN", ActorKind.ArmedGroup) }));
            Assert.That(scenario.PublicCount, Is.EqualTo(1));
            Assert.That(world.Citizens.Population.Count, Is.EqualTo(500), "citizens of Colombia only");
            Assert.That(world.Citizens.Population.Layers, Is.EqualTo(2));
            Assert.That(string.Join(",", scenario.Dyads.Select(d => d.Subject)), Is.EqualTo("CO-ELN,CO-FARC"), "no dyad FARC-ELN: the file relates them to nobody but Colombia");
            Assert.That(string.Join(",", scenario.PublicPairSubjects()), Is.EqualTo("CO,CO>FARC,CO>ELN"));
        }
    }

    [Test]
    public void An_attack_by_a_group_opposed_to_the_talks_is_not_an_attack_by_the_party_at_the_table()
    {
        var scenario = RuleWorlds.Load(PeaceProcess);
        // Through March 2013 (step 14), the month of the ambush.
        var (with, without) = RuleWorlds.WithAndWithoutEvents(scenario, seed: 2, steps: 15);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(with.Current("public_trust", "CO>ELN"), Is.LessThan(without.Current("public_trust", "CO>ELN") - 0.03));
            Assert.That(with.Current("official_trust", "CO-ELN"), Is.LessThan(without.Current("official_trust", "CO-ELN")));
            Assert.That(with.Current("public_trust", "CO>FARC"), Is.EqualTo(without.Current("public_trust", "CO>FARC")));
            Assert.That(with.Current("official_trust", "CO-FARC"), Is.EqualTo(without.Current("official_trust", "CO-FARC")));
            Assert.That(with.Current("tension", "CO-FARC"), Is.EqualTo(without.Current("tension", "CO-FARC")));
        }
    }

    [Test]
    public void The_same_attack_written_as_an_attack_by_the_party_at_the_table_hits_the_talks()
    {
        var scenario = RuleWorlds.Load(PeaceProcess.Replace("actors: [ELN, CO]", "actors: [FARC, CO]", StringComparison.Ordinal));
        var (with, without) = RuleWorlds.WithAndWithoutEvents(scenario, seed: 2, steps: 15);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(with.Current("public_trust", "CO>FARC"), Is.LessThan(without.Current("public_trust", "CO>FARC") - 0.03));
            Assert.That(with.Current("official_trust", "CO-FARC"), Is.LessThan(without.Current("official_trust", "CO-FARC")));
        }
    }

    [Test]
    public void A_party_has_no_audience_pressure_and_no_peace_constituency()
    {
        var world = RuleWorlds.Create(PeaceProcess);
        RuleWorlds.Posture(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.States[1].AudiencePressure, Is.Zero);
            Assert.That(world.Citizens.PublicTrust(world.States, 1, 0), Is.Zero);
            Assert.That(world.States[0].AudiencePressure, Is.GreaterThan(0), "Colombia's public distrusts both groups: its government feels the pressure");
        }
    }
}

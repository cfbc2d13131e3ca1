using TrackSim.Core.Engine;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Directed trust: each state's citizens hold one trust value toward each actor their state
/// relates to, and events, outreach and exposure move only the pairs they name.
/// </summary>
[TestFixture]
public sealed class DirectedTrustTests
{
    private const string ThreeStates = """
        calendar: { start: 2000-01, end: 2001-12 }
        states: [ { id: US }, { id: CN }, { id: IN } ]
        citizens:
          per_state: 400
          initial_trust:
            US: { mean: 0.5, sd: 0.1 }
            US>CN: { mean: 0.3, sd: 0.1 }
            CN: { mean: 0.4, sd: 0.1 }
            IN: { mean: 0.6, sd: 0.1 }
        events:
          - { id: incident, date: 2000-06, kind: incident, severity: 0.8, actors: [US, CN] }
        """;

    [Test]
    public void Americans_trust_in_China_and_in_India_are_separate_series_from_their_own_starting_points()
    {
        var scenario = RuleWorlds.Load(ThreeStates);
        var run = new Simulation(scenario, 0, seed: 1, citizenThreads: 1);

        // The pair US>CN starts from its own distribution (mean 0.3), US>IN from the state's (0.5);
        // the state's own subject is their mean over the two.
        double china = run.Current("public_trust", "US>CN");
        double india = run.Current("public_trust", "US>IN");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(china, Is.EqualTo(0.3).Within(0.02), "400 draws: the SE of the mean is 0.005");
            Assert.That(india, Is.EqualTo(0.5).Within(0.02));
            Assert.That(run.Current("public_trust", "US"), Is.EqualTo((china + india) / 2).Within(1e-12));
            Assert.That(run.Current("public_trust", "CN>IN"), Is.EqualTo(0.4).Within(0.02));
        }
    }

    [Test]
    public void A_US_China_incident_lowers_US_and_Chinese_trust_in_each_other_and_leaves_their_trust_in_India_unchanged()
    {
        var scenario = RuleWorlds.Load(ThreeStates);
        // Through the month of the incident (step 5, June 2000): the media shift reaches the pairs
        // it names at once; everything else is the same stream of draws in both runs.
        var (with, without) = RuleWorlds.WithAndWithoutEvents(scenario, seed: 1, steps: 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(with.Current("public_trust", "US>CN"), Is.LessThan(without.Current("public_trust", "US>CN") - 0.05));
            Assert.That(with.Current("public_trust", "CN>US"), Is.LessThan(without.Current("public_trust", "CN>US") - 0.05));
            Assert.That(with.Current("public_trust", "CN>IN"), Is.EqualTo(without.Current("public_trust", "CN>IN")));
            Assert.That(with.Current("public_trust", "US>IN"), Is.EqualTo(without.Current("public_trust", "US>IN")));
            Assert.That(with.Current("public_trust", "IN"), Is.EqualTo(without.Current("public_trust", "IN")));
        }
    }

    [Test]
    public void With_two_states_each_public_holds_one_trust_and_records_no_pairs()
    {
        var scenario = RuleWorlds.Load("""
            calendar: { start: 2000-01, end: 2000-12 }
            states: [ { id: IN }, { id: PK } ]
            citizens: { per_state: 100 }
            """);
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2000-12 }
            states: [ { id: IN }, { id: PK } ]
            citizens: { per_state: 100 }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Citizens.Population.Layers, Is.EqualTo(1));
            Assert.That(string.Join(",", scenario.PublicPairSubjects()), Is.EqualTo("IN,PK"));
        }
    }

    [Test]
    public void Outreach_of_a_US_China_dialogue_moves_US_and_Chinese_trust_in_each_other_only()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: US }, { id: CN }, { id: IN } ]
            citizens: { per_state: 100 }
            initiatives:
              - id: forum
                states: [US, CN]
                start: 2000-01
                participants: [ { state: US, role: journalist, reach: 0.5 }, { state: CN, role: journalist, reach: 0.5 } ]
            """);
        world.Initiatives[0].MeetingsHeld = 1;
        world.Initiatives[0].Trust[0, 1] = world.Initiatives[0].Trust[1, 0] = 1;

        T2OutreachRule.Compute(world);

        // Voice 0.5 + 0.5 = 1: push Δt·ω = 0.05/12 on US>CN and CN>US; India's public hears
        // nothing, and neither US nor Chinese trust in India moves.
        double push = 0.05 / 12;
        Assert.That(world.OutreachPush, Is.EqualTo(new[,] { { 0, push, 0 }, { push, 0, 0 }, { 0, 0, 0 } }).Within(1e-12));
    }
}

using NUnit.Framework;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Rules that tie one value to another: pairs of different states, effects that need two actors.</summary>
public sealed class ConsistencyRuleTests
{
    [Test]
    public void Dyad_joining_a_state_to_itself_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            dyads:
              - { states: [AA, AA] }
            """;
        Only(yaml, 6, 20, "dyads[0].states[1]", "a dyad joins two different states", "'AA' is named twice");
    }

    [Test]
    public void Actor_named_twice_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, date: 2002-01, kind: crisis, actors: [AA, AA] }
            """;
        Only(yaml, 6, 57, "events[0].actors[1]", "'AA' is named twice");
    }

    [Test]
    public void Initiative_state_named_twice_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                states: [AA, AA]
                start: 2001-01
                participants:
                  - { state: AA, role: youth }
            """;
        Only(yaml, 7, 18, "initiatives[0].states[1]", "'AA' is named twice");
    }

    [Test]
    public void Dialogue_effect_with_one_actor_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - id: e1
                date: 2002-01
                kind: crisis
                actors: [AA]
                effects: { dialogue: suspend }
                decided: true
            """;
        Only(yaml, 10, 26, "events[0].effects.dialogue", "a dialogue effect needs at least two actors");
    }

    [Test]
    public void Link_creation_with_one_actor_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - id: e1
                date: 2002-01
                kind: agreement
                actors: [AA]
                effects:
                  create_links: [{ id: grid, sector: energy }]
            """;
        Only(yaml, 11, 21, "events[0].effects.create_links", "creating a functional link needs at least two actors");
    }
}

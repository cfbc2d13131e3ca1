using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;
using TrackSim.Tests.Core.Engine;

namespace TrackSim.Tests.Core.Rules;

/// <summary>T2-COOPT with <c>track2.crisis_alignment</c>: co-optation that grows with tension, off by default.</summary>
public sealed class CrisisCooptationTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static World Forum(double crisis) => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB }, { id: CC } ]
        initiatives:
          - id: forum
            states: [AA, BB]
            start: 2000-01
            topics: [ { id: border, core: true } ]
            participants: [ { state: AA, role: academic, alignment: 0.3 }, { state: BB, role: academic, alignment: 0.3 } ]
        parameters: { track2: { crisis_alignment: {{crisis}} } }
        """);

    private static double[] Stubbornness(World world, double tension)
    {
        foreach (var dyad in world.Dyads)
        {
            // Only AA-BB is among the initiative's states; a crisis elsewhere does not count.
            dyad.Tension = dyad.Subject == "AA-BB" ? tension : 0.95;
        }

        new T2CooptRule().Apply(world, world.Initiatives[0]);
        return [.. world.Initiatives[0].Participants.Select(p => p.Stubbornness)];
    }

    [Test]
    public void By_default_co_optation_does_not_depend_on_tension()
    {
        var world = Forum(0);

        Assert.That(Stubbornness(world, 0.9), Is.EqualTo(Stubbornness(world, 0)).And.All.EqualTo(0.3 * 0.1));
    }

    [Test]
    public void Set_it_closes_a_share_of_the_gap_to_full_alignment_that_grows_with_tension()
    {
        var world = Forum(0.5);

        // α' = 0.3 + 0.5 · 0.6 · (1 − 0.3) = 0.51; stubbornness α' x anchor_strength 0.1.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Stubbornness(world, 0.6), Has.All.EqualTo(0.051).Within(Rounding));
            Assert.That(Stubbornness(world, 0), Has.All.EqualTo(0.03).Within(Rounding), "and reopens as tension falls");
        }
    }

    [Test]
    public void Set_it_does_nothing_while_co_optation_is_off()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            initiatives:
              - id: forum
                start: 2000-01
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            parameters: { track2: { crisis_alignment: 1 } }
            mechanisms: { co_optation: false }
            """);

        Assert.That(Stubbornness(world, 1), Has.All.Zero);
    }

    [Test]
    public void In_a_lasting_crisis_participants_who_would_agree_on_the_core_topic_no_longer_do()
    {
        // An arms race that runs away (fear 1.5 well above restraint 0.8) holds tension near 1. Participants
        // of alignment 0.2 agree on the core topic whatever the tension when co-optation does not
        // depend on it; with crisis_alignment 1 they act as if fully aligned and do not.
        static string Yaml(double crisis) => $$"""
            calendar: { start: 2000-01, end: 2007-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 50, network: { mean_degree: 4 } }
            initiatives:
              - id: forum
                start: 2000-01
                meeting_interval: 2 months
                resilience: 1
                topics: [ { id: border, core: true }, { id: trade } ]
                participants:
                  - { state: AA, role: academic, count: 3, alignment: 0.2 }
                  - { state: BB, role: academic, count: 3, alignment: 0.2 }
            parameters:
              posture: { fear: 1.5 }
              track2: { crisis_alignment: {{crisis}} }
            """;
        var calm = new Simulation(EngineScenarios.Load(Yaml(0)), 0, 3, citizenThreads: 1).Run();
        var closing = new Simulation(EngineScenarios.Load(Yaml(1)), 0, 3, citizenThreads: 1).Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calm.Get("tension", "AA-BB").Values[^1], Is.GreaterThan(0.9));
            Assert.That(calm.Get("track2_agreement", "forum").Values[^1], Is.EqualTo(1), "both topics");
            Assert.That(closing.Get("track2_agreement", "forum").Values[^1], Is.EqualTo(0.5), "the peripheral topic only");
        }
    }
}

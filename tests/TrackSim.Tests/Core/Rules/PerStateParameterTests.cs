using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Parameters of a state: set for one state, they change that state's public or government in
/// the direction the model says and leave the other state's as it was. Each test compares the
/// same world (same seed, same citizens) with the parameter at its default and with one state's
/// own value.
/// </summary>
public sealed class PerStateParameterTests
{
    private static readonly EventRule Events = new();
    private static readonly CitMediaRule MediaRule = new();
    private static readonly CitInfluenceRule Influence = new();
    private static readonly CitNoiseRule Noise = new();
    private static readonly CitTurnoverRule TurnoverRule = new();
    private static readonly CitContactRule ContactRule = new();

    /// <summary>Two publics of the same kind, with no cross-border ties (so neither can move the other), and a crisis between them in the first month.</summary>
    private static World Publics(string parameters, int perState = 2000, double sd = 0.1, string states = "[ { id: AA }, { id: BB } ]", string network = "{ cross_border_share: 0 }") => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2004-12 }
        states: {{states}}
        dyads:
          - states: [AA, BB]
            functional_links: [ { id: river, sector: water, strength: 1 } ]
        citizens:
          per_state: {{perState}}
          network: {{network}}
          initial_trust: { AA: { mean: 0.3, sd: {{sd}} }, BB: { mean: 0.3, sd: {{sd}} } }
        events:
          - { id: crisis, date: 2000-01, kind: crisis, severity: 0.8, actors: [AA, BB] }
        parameters: { {{parameters}} }
        """);

    /// <summary>Public trust and polarization of each state, by state id, after <paramref name="steps"/> steps of <paramref name="rules"/>.</summary>
    private static Dictionary<string, (double Trust, double Polarization)> After(World world, int steps, params Rule[] rules)
    {
        for (int step = 0; step < steps; step++)
        {
            RuleWorlds.GoTo(world, step);
            Array.Clear(world.MediaDelta);
            foreach (var rule in rules)
            {
                rule.Apply(world);
            }
        }

        world.Citizens.Summarize(world.States);
        return world.States.ToDictionary(s => s.Id, s => (s.PublicTrust, s.Polarization));
    }

    [Test]
    public void A_higher_negativity_bias_lowers_that_publics_trust_after_a_crisis_more()
    {
        var plain = After(Publics(string.Empty), 1, Events, MediaRule);
        var biased = After(Publics("media: { negativity_bias: { AA: 4 } }"), 1, Events, MediaRule);

        // A shock of 0.1 · b · 0.8 on citizens of mean exposure 0.6: about 0.1 at b = 2, 0.2 at b = 4.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain["AA"].Trust - biased["AA"].Trust, Is.EqualTo(0.1).Within(0.02));
            Assert.That(biased["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [Test]
    public void A_public_with_more_media_exposure_loses_more_trust_in_a_crisis()
    {
        // 65,536 citizens a state: each state's citizens are drawn from a block of their own
        // (section 5 of docs/MODEL.md), so BB's draws do not depend on AA's exposure.
        const string WellMixed = "{ kind: well_mixed }";
        var plain = After(Publics(string.Empty, 65_536, network: WellMixed), 1, Events, MediaRule);
        var exposed = After(Publics("media: { exposure: { AA: 0.9 } }", 65_536, network: WellMixed), 1, Events, MediaRule);

        // The shock of 0.16 on mean exposure 0.9 instead of 0.6: about 0.05 more.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain["AA"].Trust - exposed["AA"].Trust, Is.EqualTo(0.16 * 0.3).Within(0.005));
            Assert.That(exposed["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [Test]
    public void A_public_with_a_longer_media_memory_recovers_less_from_a_crisis()
    {
        // Two years after the crisis a public with half-life 2 years has taken back half the
        // shock; one with half-life 20 about 7 %.
        var plain = After(Publics(string.Empty), 24, Events, MediaRule);
        var lasting = After(Publics("media: { half_life: { AA: 20 } }"), 24, Events, MediaRule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain["AA"].Trust - lasting["AA"].Trust, Is.EqualTo(0.096 * (0.5 - 0.067)).Within(0.01));
            Assert.That(lasting["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [TestCase("influence: { confidence_bound: { AA: 1 } }")]
    [TestCase("influence: { rate: { AA: 24 } }")]
    public void A_more_open_minded_or_more_talkative_public_converges_faster(string parameters)
    {
        // A bound of 1 lets every citizen listen to every neighbour; 24 talks a year instead of 2
        // let them listen twelve times as often. Either way AA's opinions draw together.
        var plain = After(Publics(string.Empty, sd: 0.2), 12, Influence);
        var open = After(Publics(parameters, sd: 0.2), 12, Influence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(open["AA"].Polarization, Is.LessThan(plain["AA"].Polarization - 0.03));
            Assert.That(open["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [Test]
    public void A_public_with_more_opinion_noise_spreads_out()
    {
        var plain = After(Publics(string.Empty, sd: 0.05), 12, Noise);
        var noisy = After(Publics("influence: { noise: { AA: 0.5 } }", sd: 0.05), 12, Noise);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noisy["AA"].Polarization, Is.GreaterThan(plain["AA"].Polarization + 0.1));
            Assert.That(noisy["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [Test]
    public void A_public_that_turns_over_faster_brings_in_more_newcomers()
    {
        // Every citizen at 0.3 exactly: newcomers are drawn around the mean with the initial SD
        // 0.2, so the public's SD grows with the share replaced, about sqrt(share) · 0.2 (0.09
        // after a year at 0.2 a year, 0.03 at 0.02). BB is listed first: its replacements are
        // drawn before AA's, so they are the same citizens.
        static World Flat(string parameters)
        {
            var world = Publics(parameters, sd: 0.2, states: "[ { id: BB }, { id: AA } ]");
            world.Citizens.Population.Trust.AsSpan().Fill(0.3f);
            return world;
        }

        var plain = After(Flat(string.Empty), 12, TurnoverRule);
        var faster = After(Flat("turnover: { rate: { AA: 0.2 } }"), 12, TurnoverRule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faster["AA"].Polarization, Is.GreaterThan(plain["AA"].Polarization + 0.04));
            Assert.That(faster["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    [Test]
    public void A_state_listed_after_one_that_turns_over_faster_keeps_its_share_of_newcomers()
    {
        // Listed after AA, whose rate changes, BB's citizens are replaced by other draws of the same chance.
        static World Flat(string parameters)
        {
            var world = Publics(parameters, perState: 20_000, sd: 0.2);
            world.Citizens.Population.Trust.AsSpan().Fill(0.3f);
            return world;
        }

        var plain = After(Flat(string.Empty), 12, TurnoverRule);
        var faster = After(Flat("turnover: { rate: { AA: 0.2 } }"), 12, TurnoverRule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faster["AA"].Polarization, Is.GreaterThan(plain["AA"].Polarization + 0.04));
            Assert.That(faster["BB"].Polarization, Is.EqualTo(plain["BB"].Polarization).Within(0.005));
        }
    }

    [TestCase("contact: { rate: { AA: 20 } }")]
    [TestCase("contact: { effect: { AA: 0.8 } }")]
    public void A_public_that_meets_the_other_side_more_often_or_takes_more_from_it_gains_more_trust(string parameters)
    {
        // Both publics meet the other side through one link of strength 1; AA meets it forty times
        // as often, or gains forty times as much from each contact, and moves further toward 0.85
        // (about 0.12 in a year instead of 0.003).
        var plain = After(Publics(string.Empty), 12, ContactRule);
        var more = After(Publics(parameters), 12, ContactRule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(more["AA"].Trust, Is.GreaterThan(plain["AA"].Trust + 0.05));
            Assert.That(more["BB"], Is.EqualTo(plain["BB"]));
        }
    }

    /// <summary>Two governments with an open dialogue, a Track II forum and an agreement on its topic.</summary>
    private static World Governments(string parameters) => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads:
          - { states: [AA, BB], tension: 0.6, official_trust: 0.4 }
        initiatives:
          - id: forum
            start: 2000-01
            topics: [ { id: trade } ]
            participants: [ { state: AA, role: academic, access: 0.8 }, { state: BB, role: academic, access: 0.8 } ]
        agreements:
          - { id: pact, states: [AA, BB], kind: cbm, topic: trade }
        events:
          - { id: standoff, date: 2000-01, end: 2000-06, kind: crisis, severity: 0.5, actors: [AA, BB] }
        parameters: { {{parameters}} }
        """);

    [Test]
    public void A_state_with_a_larger_event_shock_mobilises_more_against_a_hostile_act()
    {
        // AA starts a crisis of severity 0.5 against BB: BB adds 0.5 · k_BB toward AA, AA 0.5 · k_AA / 2 toward BB.
        static (double Aa, double Bb) Rise(string parameters)
        {
            var world = Governments(parameters);
            double aa = world.Posture[0, 1], bb = world.Posture[1, 0];
            RuleWorlds.GoTo(world, 0);
            Events.Apply(world);
            return (world.Posture[0, 1] - aa, world.Posture[1, 0] - bb);
        }

        var plain = Rise(string.Empty);
        var hard = Rise("posture: { event_shock: { BB: 2 } }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Bb, Is.EqualTo(0.25).Within(1e-12));
            Assert.That(hard.Bb, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(hard.Aa, Is.EqualTo(plain.Aa));
        }
    }

    [Test]
    public void A_state_with_a_larger_event_grievance_holds_more_through_a_long_crisis()
    {
        static (double Aa, double Bb) Held(string parameters)
        {
            var world = Governments(parameters);
            RuleWorlds.GoTo(world, 1);
            Events.Apply(world);
            return (world.EventGrievance[0, 1], world.EventGrievance[1, 0]);
        }

        // In the crisis's second month BB holds 0.5 · g_BB toward AA, AA 0.5 · g_AA / 2 toward BB.
        var plain = Held(string.Empty);
        var bitter = Held("posture: { event_grievance: { AA: 3 } }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Aa, Is.EqualTo(0.25).Within(1e-12));
            Assert.That(bitter.Aa, Is.EqualTo(0.75).Within(1e-12));
            Assert.That(bitter.Bb, Is.EqualTo(plain.Bb));
        }
    }

    [TestCase("tension_weight")]
    [TestCase("stalemate_weight")]
    [TestCase("public_weight")]
    [TestCase("backchannel_weight")]
    [TestCase("text_weight")]
    public void A_government_that_weighs_a_source_of_readiness_more_is_readier(string weight)
    {
        // Every source is present: tension 0.6 felt for a year of hurting stalemate, publics with
        // trust 0.4, half cross-side trust in the forum, and two texts on the agreement's topic.
        static (double Aa, double Bb) Readiness(string parameters)
        {
            var world = Governments(parameters);
            var dyad = world.Dyads[0];
            dyad.HurtingYears = 1;
            RuleWorlds.SetPublicTrust(world, 0, 0.4);
            RuleWorlds.SetPublicTrust(world, 1, 0.4);
            world.Initiatives[0].Trust[0, 1] = world.Initiatives[0].Trust[1, 0] = 0.5;
            int topic = world.TopicIndex("trade");
            dyad.Texts[topic] = 2;
            RuleWorlds.GoTo(world, 1);
            new TiReadinessRule().Apply(world);
            return (TiReadinessRule.TopicReadiness(world, dyad, 0, topic), TiReadinessRule.TopicReadiness(world, dyad, 1, topic));
        }

        var plain = Readiness(string.Empty);
        var keen = Readiness($"readiness: {{ {weight}: {{ AA: 1 }} }}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keen.Aa, Is.GreaterThan(plain.Aa + 0.01));
            Assert.That(keen.Bb, Is.EqualTo(plain.Bb));
        }
    }

    [TestCase("", null)]
    [TestCase("dialogue: { tolerance: { AA: 0.3 } }", "AA")]
    [TestCase("dialogue: { tolerance: { BB: 0.3 } }", "BB")]
    [TestCase("dialogue: { tolerance: { AA: 0.9, BB: 0.3 } }", "BB")]
    public void A_government_with_less_tolerance_breaks_off_the_talks_over_an_attack(string parameters, string? breaker)
    {
        // A hostile event of severity 0.6 against both, readiness 0.2 each: tolerance 0.5 + 0.2
        // bears it; 0.3 + 0.2 does not.
        var world = Governments(parameters);
        var dyad = world.Dyads[0];
        dyad.HostileAgainst[0] = dyad.HostileAgainst[1] = 0.6;
        dyad.Readiness[0] = dyad.Readiness[1] = 0.2;

        new TiTalksRule().Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.DialogueOpen, Is.EqualTo(breaker is null));
            Assert.That(world.Log.Select(e => e.Detail), breaker is null ? Is.Empty : Has.One.StartsWith($"dialogue suspended by {breaker} after a hostile event of severity 0.6 (tolerance 0.3 + readiness 0.2)"));
        }
    }
}

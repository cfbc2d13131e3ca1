using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>TI-READINESS, TI-TALKS, TI-AGREE and TI-SPOILER on small worlds checked by hand, and their properties.</summary>
public sealed class OfficialProcessTests
{
    private const double Rounding = 1e-12;

    private static World Pair(string extra = "", string dialogue = "open") => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads:
          - { states: [AA, BB], tension: 0.5, official_trust: 0.4, dialogue: {{dialogue}} }
        initiatives:
          - id: forum
            start: 2000-01
            topics: [ { id: trade } ]
            participants: [ { state: AA, role: academic, access: 0.8 }, { state: BB, role: academic, access: 0.8 } ]
        agreements:
          - { id: pact, states: [AA, BB], kind: cbm, topic: trade }
        {{extra}}
        """);

    private static void Readiness(World world) => new TiReadinessRule().Apply(world);

    [Test]
    public void Readiness_is_the_geometric_mean_of_motivation_and_optimism_less_hawkishness()
    {
        var world = Pair();
        var dyad = world.Dyads[0];
        dyad.FeltCost = 0.5;
        dyad.Tension = 0.5;
        dyad.HurtingYears = 0;
        RuleWorlds.SetPublicTrust(world, 0, 0.2);
        world.Initiatives[0].Trust[0, 1] = 0.5;
        RuleWorlds.GoTo(world, 1);

        Readiness(world);

        // Felt cost moves 1 − e^(−1/12) of the way to tension 0.5: it stays 0.5. The stalemate
        // clock starts (tension 0.5 ≥ 0.5): Y = 1/12, stalemate 1 − e^(−1/36).
        // M = 1 − (1 − 0.6·0.5)(1 − 0.5·(1 − e^(−1/36)))(1 − 0.5·0.2).
        // AA's participant: access 0.8 × trust 0.5 = 0.4 working trust; O = 1 − (1 − 0.4)(1 − 0.5·0.4) = 0.52.
        // R = √(M·O)·(1 − 0.5·0.5).
        double m = 1 - ((1 - 0.3) * (1 - (0.5 * (1 - Math.Exp(-1.0 / 36)))) * (1 - 0.1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.HurtingYears, Is.EqualTo(1.0 / 12).Within(Rounding));
            Assert.That(dyad.WorkingTrust[0], Is.EqualTo(0.4).Within(Rounding));
            Assert.That(dyad.Motivation[0], Is.EqualTo(m).Within(Rounding));
            Assert.That(dyad.Optimism[0], Is.EqualTo(0.52).Within(Rounding));
            Assert.That(dyad.Readiness[0], Is.EqualTo(Math.Sqrt(m * 0.52) * 0.75).Within(Rounding));
            Assert.That(dyad.WorkingTrust[1], Is.EqualTo(0.8 * 0.2).Within(Rounding), "BB's participant holds track2.initial_trust 0.2 in AA's");
        }
    }

    [Test]
    public void Track2_texts_raise_optimism_on_their_topic_only()
    {
        var world = Pair();
        var dyad = world.Dyads[0];
        Readiness(world);
        double plain = TiReadinessRule.TopicOptimism(world, dyad, 0, -1);
        dyad.Texts[world.TopicIndex("trade")] = 2;

        // O(t) = 1 − (1 − O)(1 − 0.5·(1 − e^(−2))).
        Assert.That(TiReadinessRule.TopicOptimism(world, dyad, 0, world.TopicIndex("trade")), Is.EqualTo(1 - ((1 - plain) * (1 - (0.5 * (1 - Math.Exp(-2)))))).Within(Rounding));
    }

    [Test]
    public void A_suspended_dialogue_resumes_when_both_are_ready_after_the_shortest_suspension()
    {
        var world = Pair(dialogue: "suspended");
        var dyad = world.Dyads[0];
        var talks = new TiTalksRule();
        int resumedAt = -1;
        for (int step = 0; step < 24 && resumedAt < 0; step++)
        {
            RuleWorlds.GoTo(world, step);
            dyad.Readiness[0] = dyad.Readiness[1] = 0.3;
            talks.Apply(world);
            resumedAt = dyad.DialogueOpen ? step : -1;
        }

        // Both at 0.3 ≥ 0.25 from the start: the dialogue waits out dialogue.min_suspension, half a
        // year, counted from the start of the run: it resumes at the sixth step (index 5).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(resumedAt, Is.EqualTo(5));
            Assert.That(world.Log.Single().Rule, Is.EqualTo(TiTalksRule.Id));
            Assert.That(world.Log.Single().Detail, Does.StartWith("dialogue resumed: both governments ready (readiness 0.3 and 0.3"));
        }
    }

    [Test]
    public void One_unready_government_keeps_the_dialogue_suspended_and_lapses_an_open_one()
    {
        var suspended = Pair(dialogue: "suspended");
        suspended.Dyads[0].YearsSuspended = 5;
        suspended.Dyads[0].Readiness[0] = 0.9;
        suspended.Dyads[0].Readiness[1] = 0.24;
        new TiTalksRule().Apply(suspended);

        var open = Pair();
        open.Dyads[0].Readiness[0] = 0.9;
        open.Dyads[0].Readiness[1] = 0.14;
        new TiTalksRule().Apply(open);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(suspended.Dyads[0].DialogueOpen, Is.False);
            Assert.That(open.Dyads[0].DialogueOpen, Is.False);
            Assert.That(open.Log.Single().Detail, Is.EqualTo("dialogue lapsed: readiness 0.14 below 0.15"));
        }
    }

    [Test]
    public void A_fully_ready_spoiler_free_dyad_reaches_a_cbm_in_six_monthly_steps()
    {
        // Readiness 1 against the CBM threshold 0.2: progress (1 − 0.2)/(1 − 0.2)/0.5 years = 2 a
        // year, 1/6 a month: the agreement is reached at the sixth step.
        var world = Pair("mechanisms: { spoilers: false }");
        var agree = new TiAgreeRule();
        int reachedAt = -1;
        for (int step = 0; step < 24 && reachedAt < 0; step++)
        {
            RuleWorlds.GoTo(world, step);
            SetReady(world, 1);
            agree.Apply(world);
            reachedAt = world.Agreements[0].InForce ? step : -1;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reachedAt, Is.EqualTo(5));
            Assert.That(world.Agreements[0].TimesReached, Is.EqualTo(1));
            Assert.That(world.Dyads[0].AgreementsInForce, Is.EqualTo(1));
            Assert.That(world.Events.Injected.Single().Id, Is.EqualTo("pact"), "the signing enters the next step as an event");
            Assert.That(world.Log.Single().Rule, Is.EqualTo(TiAgreeRule.Id));
        }
    }

    [Test]
    public void With_both_governments_unready_no_agreement_is_reached_in_a_whole_run()
    {
        // Hawkish leaderships withhold all readiness (hawkishness 1, weight 1): readiness 0.
        var scenario = RuleWorlds.Load("""
            calendar: { start: 2000-01, end: 2019-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 100 }
            initiatives:
              - id: forum
                start: 2000-01
                meeting_interval: 2 months
                topics: [ { id: trade } ]
                participants: [ { state: AA, role: former_diplomat, count: 3 }, { state: BB, role: former_diplomat, count: 3 } ]
            agreements:
              - { id: pact, states: [AA, BB], kind: cbm, topic: trade }
              - { id: truce, states: [AA, BB], kind: ceasefire }
            parameters:
              posture: { hawkishness: 1 }
              readiness: { hawkishness_weight: 1 }
            """);
        var run = new Simulation(scenario, 0, seed: 3).Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Get("readiness", "AA-BB").Values, Has.All.Zero);
            Assert.That(run.Get("agreements_in_force", "AA-BB").Values, Has.All.Zero);
            Assert.That(run.Log.Where(e => e.Rule == TiAgreeRule.Id), Is.Empty);
        }
    }

    [Test]
    public void Track2_texts_never_delay_an_agreement()
    {
        // Two hundred random worlds: the same readiness path, with and without Track II texts
        // arriving on the agreement's topic. Texts add progress and raise optimism, both only
        // upward, so the agreement is never reached later with them.
        var rng = new Random(2026);
        for (int trial = 0; trial < 200; trial++)
        {
            double motivation = rng.NextDouble();
            double optimism = rng.NextDouble();
            int textEvery = 1 + rng.Next(12);
            int without = StepsToReach(motivation, optimism, 0);
            int with = StepsToReach(motivation, optimism, textEvery);
            Assert.That(with, Is.LessThanOrEqualTo(without), $"trial {trial}: motivation {motivation}, optimism {optimism}, a text every {textEvery} steps");
        }
    }

    private static int StepsToReach(double motivation, double optimism, int textEvery)
    {
        var world = Pair("mechanisms: { spoilers: false }");
        var dyad = world.Dyads[0];
        int topic = world.TopicIndex("trade");
        var agree = new TiAgreeRule();
        for (int step = 0; step < 120; step++)
        {
            RuleWorlds.GoTo(world, step);
            dyad.Motivation[0] = dyad.Motivation[1] = motivation;
            dyad.Optimism[0] = dyad.Optimism[1] = optimism;
            dyad.Readiness[0] = dyad.Readiness[1] = Math.Sqrt(motivation * optimism) * 0.75;
            if (textEvery > 0 && step % textEvery == 0)
            {
                dyad.Texts[topic] += 1;
                dyad.NewTexts[topic]++;
            }

            agree.Apply(world);
            if (world.Agreements[0].InForce)
            {
                return step;
            }
        }

        return int.MaxValue;
    }

    [Test]
    public void A_reversible_agreement_erodes_and_collapses_and_an_irreversible_one_holds()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            agreements:
              - { id: truce, states: [AA, BB], kind: ceasefire, terms: { incident_reduction: 0.6 } }
              - { id: treaty, states: [AA, BB], kind: cbm, reversible: false }
            mechanisms: { spoilers: false }
            """);
        var dyad = world.Dyads[0];
        foreach (var agreement in world.Agreements)
        {
            agreement.InForce = true;
            agreement.Strength = 1;
        }

        var agree = new TiAgreeRule();
        int collapsedAt = -1;
        double reductionAfterAttack = 0;
        for (int step = 0; step < 24 && collapsedAt < 0; step++)
        {
            RuleWorlds.GoTo(world, step);
            dyad.Tension = 0.8;
            dyad.Readiness[0] = dyad.Readiness[1] = 0.1;
            dyad.HostileAgainst[0] = step == 0 ? 0.8 : 0;
            agree.Apply(world);
            reductionAfterAttack = step == 0 ? dyad.IncidentReduction : reductionAfterAttack;
            collapsedAt = world.Agreements[0].InForce ? -1 : step;
        }

        // Step 0: strength 1 − (1/12)·0.5·0.8·(1 − 0.1) − 0.5·0.8 = 0.57, so the truce prevents
        // 0.6·0.57 of the incidents. Then −0.03 a step: 0.57 − 0.03·k < 0.25 first at k = 11.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reductionAfterAttack, Is.EqualTo(0.6 * 0.57).Within(Rounding));
            Assert.That(collapsedAt, Is.EqualTo(11));
            Assert.That(world.Agreements[1].InForce, Is.True);
            Assert.That(dyad.IncidentReduction, Is.Zero);
            Assert.That(world.Log.Single().Detail, Does.StartWith("collapsed: truce"));
        }
    }

    [Test]
    public void Spoilers_strike_only_when_something_is_near_and_as_often_as_their_rate()
    {
        var world = Pair("parameters: { spoilers: { rate: { AA: 6, BB: 0 } } }");
        var spoiler = new TiSpoilerRule();
        spoiler.Apply(world);
        int idle = world.Events.Injected.Count;

        // Momentum 1 (the pact fully negotiated but not yet signed): AA-based groups strike at 6 a
        // year, 0.5 a month; BB-based groups never. Over 2,400 months the count has mean 1,200 and
        // SD √1200 ≈ 35: four SDs are 139.
        world.Agreements[0].Progress = 1;
        int attacks = 0;
        for (int step = 0; step < 2400; step++)
        {
            world.Events.Injected.Clear();
            spoiler.Apply(world);
            attacks += world.Events.Injected.Count;
            Assert.That(world.Events.Injected.Select(e => e.Actors[0]), Has.All.EqualTo("AA"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(idle, Is.Zero, "no momentum with nothing under negotiation");
            Assert.That(attacks, Is.EqualTo(1200).Within(139));
            Assert.That(world.Events.Injected.Select(e => e.Kind), Has.All.EqualTo(TrackSim.Core.Domain.EventKind.TerrorAttack));
        }
    }

    [Test]
    public void A_scripted_agreement_is_in_force_and_ages_with_the_agreements_mechanism_off()
    {
        var world = Pair("""
            events:
              - { id: signing, date: 2000-01, kind: agreement, actors: [AA, BB], decided: true, effects: { reach_agreements: [pact] } }
            mechanisms: { agreements: false }
            """);
        var events = new EventRule();
        var agree = new TiAgreeRule();
        for (int step = 0; step < 13; step++)
        {
            RuleWorlds.GoTo(world, step);
            events.Apply(world);
            agree.Apply(world);
        }

        // Reached in step 0 by the event, which comes before TI-AGREE in the step, so it is in force
        // through 13 monthly steps: 13/12 years. The spoilers' momentum of a signed agreement,
        // 2^(−(13/12)/0.5), has faded below a quarter.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Agreements[0].InForce, Is.True);
            Assert.That(world.Agreements[0].YearsInForce, Is.EqualTo(13.0 / 12).Within(Rounding));
            Assert.That(TiSpoilerRule.Momentum(world, world.Dyads[0]), Is.EqualTo(Math.Pow(2, -13.0 / 12 / 0.5)).Within(Rounding));
            Assert.That(world.Log.Single(e => e.Rule == TiAgreeRule.Id).Detail, Is.EqualTo("reached: pact (scripted by signing)"));
        }
    }

    [Test]
    public void An_agreements_links_are_made_once_suspended_when_it_collapses_and_resumed_when_it_is_reached_again()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            agreements:
              - id: bus
                states: [AA, BB]
                kind: cbm
                terms: { cbm: 0.3, create_links: [ { id: bus-line, sector: transit, strength: 0.1, threshold: 0.9 } ] }
            mechanisms: { spoilers: false }
            """);
        var dyad = world.Dyads[0];
        var events = new EventRule();
        var agree = new TiAgreeRule();
        var create = new FnCreateRule();
        int step = 0;
        void Step(double readiness, double hostile)
        {
            RuleWorlds.GoTo(world, step++);
            events.Apply(world);
            create.Apply(world);
            SetReady(world, readiness);
            dyad.HostileAgainst[0] = hostile;
            dyad.Tension = 0;
            agree.Apply(world);
        }

        // Fully ready: reached at the sixth step; its signing (with the link) applies in the seventh.
        while (!world.Agreements[0].InForce)
        {
            Step(1, 0);
        }

        Step(1, 0);
        double cbm = dyad.CbmStock;
        var afterFirst = dyad.Links.Select(l => (l.Id, l.SuspendedByEvent)).ToArray();

        // A hostile event of severity 1 takes 0.5 of its strength, a second one the rest: it collapses.
        Step(1, 1);
        Step(1, 1);
        bool collapsed = !world.Agreements[0].InForce;
        bool suspended = dyad.Links.Single().SuspendedByEvent;

        while (!world.Agreements[0].InForce)
        {
            Step(1, 0);
        }

        Step(1, 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst, Is.EqualTo(new[] { ("bus-line", false) }));
            Assert.That(cbm, Is.EqualTo(0.3).Within(Rounding), "the terms' CBMs, not the signing's severity");
            Assert.That(collapsed && suspended, Is.True);
            Assert.That(dyad.Links.Select(l => (l.Id, l.SuspendedByEvent)), Is.EqualTo(new[] { ("bus-line", false) }), "reached again: the same link resumes, no second one");
            Assert.That(world.Agreements[0].TimesReached, Is.EqualTo(2));
        }
    }

    [Test]
    public void A_scripted_agreement_brings_its_terms_cbms_and_links()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            agreements:
              - { id: bus, states: [AA, BB], kind: cbm, terms: { cbm: 0.3, create_links: [ { id: bus-line, sector: transit } ] } }
            events:
              - { id: signing, date: 2000-01, kind: other, actors: [AA, BB], decided: true, effects: { reach_agreements: [bus] } }
            """);

        new EventRule().Apply(world);
        new FnCreateRule().Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Agreements[0].InForce, Is.True);
            Assert.That(world.Dyads[0].CbmStock, Is.EqualTo(0.3).Within(Rounding));
            Assert.That(world.Dyads[0].Links.Select(l => l.Id), Is.EqualTo((string[])["bus-line"]));
        }
    }

    private static void SetReady(World world, double readiness)
    {
        var dyad = world.Dyads[0];
        dyad.Motivation[0] = dyad.Motivation[1] = 1;
        dyad.Optimism[0] = dyad.Optimism[1] = 1;
        dyad.Readiness[0] = dyad.Readiness[1] = readiness;
        world.States[0].Hawkishness = world.States[1].Hawkishness = 0;
    }
}

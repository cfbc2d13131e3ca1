using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// The mechanisms of the nine tracks, rule by rule: each does what docs/MODEL.md (7.7a-7.7j) says,
/// with the values worked out by hand, and switched off it does nothing.
/// </summary>
public sealed class TrackRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    /// <summary>Two states and one initiative with the participant groups given, as YAML lines.</summary>
    private static World Forum(string participants, string extra = "", bool secret = false, ulong seed = 1) => RuleWorlds.Create($$"""
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB } ]
        dyads: [ { states: [AA, BB], tension: 0 } ]
        initiatives:
          - id: forum
            start: 2000-01
            resilience: 0.3
            secret: {{(secret ? "true" : "false")}}
            participants:
        {{participants}}
        {{extra}}
        """, seed);

    /// <summary>Sets every cross-side interpersonal trust of the initiative and marks it as having met.</summary>
    private static InitiativeRuntime Met(World world, double trust)
    {
        var initiative = world.Initiatives[0];
        initiative.MeetingsHeld = 1;
        for (int p = 0; p < initiative.Participants.Length; p++)
        {
            foreach (int q in initiative.CrossSide[p])
            {
                initiative.Trust[p, q] = trust;
            }
        }

        return initiative;
    }

    private static int LinksIn(World world, Sector sector) => world.Dyads[0].Links.Count(l => l.Sector == sector);

    // ---- T2-BUSINESS and T2-FAITH ----

    private const string Traders = """
              - { state: AA, role: business }
              - { state: BB, role: business }
              - { state: AA, role: religious_leader }
        """;

    /// <summary>Share of <paramref name="worlds"/> fresh worlds in which one step of the rule asks for a link of the sector.</summary>
    private static double LinkShare(TrackLinkRule rule, Sector sector, string participants, string extra, double trust, int worlds)
    {
        int created = 0;
        for (int seed = 1; seed <= worlds; seed++)
        {
            var world = Forum(participants, extra, seed: (ulong)seed);
            rule.Apply(world, Met(world, trust));
            new FnCreateRule().Apply(world);
            created += LinksIn(world, sector);
        }

        return created / (double)worlds;
    }

    [Test]
    public void Business_participants_of_both_sides_create_a_trade_link_at_the_rate_of_their_number_and_trust()
    {
        // λ_B · n · t̄ = 1 · 2 · 0.5 = 1 a year: a link in a month with chance 1 − e^(−1/12) = 0.0800.
        // 2,000 worlds: the standard error of the share is √(0.08 · 0.92 / 2000) = 0.0061; 0.025 is four of them.
        double share = LinkShare(new T2BusinessRule(), Sector.Trade, Traders, "parameters: { tracks: { business_link_rate: 1 } }", 0.5, 2000);

        Assert.That(share, Is.EqualTo(1 - Math.Exp(-1.0 / 12)).Within(0.025));
    }

    [Test]
    public void Business_participants_of_one_side_only_or_without_trust_or_switched_off_create_no_link()
    {
        const string oneSide = """
                  - { state: AA, role: business, count: 3 }
                  - { state: BB, role: academic }
            """;
        const string fast = "parameters: { tracks: { business_link_rate: 10 } }";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LinkShare(new T2BusinessRule(), Sector.Trade, oneSide, fast, 1, 50), Is.Zero, "a deal needs partners on both sides");
            Assert.That(LinkShare(new T2BusinessRule(), Sector.Trade, Traders, fast, 0, 50), Is.Zero, "no trust, no deal");
            Assert.That(LinkShare(new T2BusinessRule(), Sector.Trade, Traders, fast + "\nmechanisms: { business_track: false }", 1, 50), Is.Zero, "switched off");

            // With the same participants and the switch on, links come in most months:
            // 1 − e^(−10 · 2 · 1 / 12) = 0.81.
            Assert.That(LinkShare(new T2BusinessRule(), Sector.Trade, Traders, fast, 1, 50), Is.GreaterThan(0.6));
        }
    }

    [Test]
    public void A_dyad_never_gets_a_second_trade_link_from_its_business_participants()
    {
        var world = Forum(Traders, "parameters: { tracks: { business_link_rate: 10 } }");
        var initiative = Met(world, 1);
        var rule = new T2BusinessRule();
        for (int step = 0; step < 60; step++)
        {
            RuleWorlds.GoTo(world, step);
            rule.Apply(world, initiative);
            new FnCreateRule().Apply(world);
        }

        var link = world.Dyads[0].Links.Single(l => l.Sector == Sector.Trade);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(link.Strength, Is.EqualTo(0.1), "functional.spillover_strength");
            Assert.That(link.Threshold, Is.EqualTo(0.6), "functional.spillover_threshold");
            Assert.That(world.Log.Single(e => e.Rule == "FN-CREATE").Detail, Is.EqualTo("created by the business participants of forum"));
        }
    }

    [Test]
    public void Religious_leaders_create_pilgrimage_links_and_business_participants_do_not()
    {
        const string leaders = """
                  - { state: AA, role: religious_leader }
                  - { state: BB, role: religious_leader }
                  - { state: AA, role: business }
                  - { state: BB, role: business }
            """;
        const string fast = "parameters: { tracks: { faith_link_rate: 10, business_link_rate: 10 } }";

        using (Assert.EnterMultipleScope())
        {
            // 1 − e^(−10 · 2 · 1 / 12) = 0.81 in a month.
            Assert.That(LinkShare(new T2FaithRule(), Sector.Pilgrimage, leaders, fast, 1, 50), Is.GreaterThan(0.6));
            Assert.That(LinkShare(new T2FaithRule(), Sector.Trade, leaders, fast, 1, 50), Is.Zero);
            Assert.That(LinkShare(new T2BusinessRule(), Sector.Pilgrimage, leaders, fast, 1, 50), Is.Zero);
            Assert.That(LinkShare(new T2FaithRule(), Sector.Pilgrimage, leaders, fast + "\nmechanisms: { faith_track: false }", 1, 50), Is.Zero);
        }
    }

    // ---- T2-FUNDING ----

    [Test]
    public void Funders_raise_the_resilience_and_the_pace_of_meetings_from_the_scenarios_values()
    {
        var world = Forum("""
                  - { state: AA, role: funder, count: 2 }
                  - { state: AA, role: academic }
                  - { state: BB, role: academic }
            """);
        var initiative = world.Initiatives[0];
        world.Dyads[0].Tension = 1;

        new T2FundingRule().Apply(world, initiative);

        // r_F = 1 − (1 − 0.3) · 0.9² = 0.433; pace 1 + 0.25 · 2 = 1.5. At tension 1 the chance of a
        // meeting is r_F + (1 − r_F) · e^(−3) (track2.tension_sensitivity 3).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(initiative.Resilience, Is.EqualTo(0.433).Within(Rounding));
            Assert.That(initiative.MeetingPace, Is.EqualTo(1.5).Within(Rounding));
            Assert.That(T2MeetRule.MeetingChance(world, initiative), Is.EqualTo(0.433 + (0.567 * Math.Exp(-3))).Within(Rounding));
        }
    }

    [Test]
    public void Without_funders_or_switched_off_the_initiative_keeps_its_own_resilience_and_schedule()
    {
        const string funded = """
                  - { state: AA, role: funder }
                  - { state: BB, role: academic }
            """;
        var off = Forum(funded, "mechanisms: { funding_track: false }");
        var none = Forum("""
                  - { state: AA, role: academic }
                  - { state: BB, role: academic }
            """);

        new T2FundingRule().Apply(off, off.Initiatives[0]);
        new T2FundingRule().Apply(none, none.Initiatives[0]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((off.Initiatives[0].Resilience, off.Initiatives[0].MeetingPace), Is.EqualTo((0.3, 1.0)));
            Assert.That((none.Initiatives[0].Resilience, none.Initiatives[0].MeetingPace), Is.EqualTo((0.3, 1.0)));
        }
    }

    [Test]
    public void A_funded_schedule_brings_the_next_meeting_forward_by_the_pace()
    {
        var due = new DateOnly(2000, 1, 1);

        using (Assert.EnterMultipleScope())
        {
            // 182 days to 2000-07-01, at pace 1.5: 121 days, 2000-05-01.
            Assert.That(T2MeetRule.Funded(due, new DateOnly(2000, 7, 1), 1.5, new DateOnly(2000, 1, 31)), Is.EqualTo(new DateOnly(2000, 5, 1)));

            // A wait shorter than the step is repeated until the date is past the step: 30 days at
            // pace 3 is 10 days, and the step ends on the 31st, so the 41st day after the due date.
            Assert.That(T2MeetRule.Funded(due, new DateOnly(2000, 1, 31), 3, new DateOnly(2000, 1, 31)), Is.EqualTo(new DateOnly(2000, 2, 10)));
        }
    }

    // ---- T2-RESEARCH ----

    [Test]
    public void Academics_and_mediators_make_the_texts_the_governments_adopt_weigh_more()
    {
        var world = Forum(
            """
                  - { state: AA, role: academic, access: 1 }
                  - { state: BB, role: academic, access: 1, speaks_working_language: false }
                  - { state: BB, role: mediator, access: 1 }
                  - { state: AA, role: journalist, access: 1 }
            """,
            "parameters: { transfer: { base: 1, receptivity: 1 } }");
        var initiative = world.Initiatives[0];
        new T2LanguageRule().Apply(world, initiative);
        new T2ResearchRule().Apply(world, initiative);

        // D = 1 + 0.5 (no working language) + 1 (the mediator) = 2.5; the journalist drafts
        // nothing. δ = 1 − 0.9^2.5. Adoption is certain here (base, access and receptivity 1, no
        // tension, no hostile public), so one recommendation adds 1 + δ to the stock, and 1 to
        // the count of new texts.
        double delta = 1 - Math.Pow(0.9, 2.5);
        T2TransferRule.Recommend(world, initiative, initiative.Spec.Topics[1]);
        int topic = world.TopicIndex(initiative.Spec.Topics[1].Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(initiative.Drafting, Is.EqualTo(delta).Within(Rounding));
            Assert.That(world.Dyads[0].Texts[topic], Is.EqualTo(1 + delta).Within(Rounding));
            Assert.That(world.Dyads[0].NewTexts[topic], Is.EqualTo(1));
        }
    }

    [Test]
    public void Switched_off_the_drafters_add_nothing_to_a_text()
    {
        var world = Forum(
            """
                  - { state: AA, role: academic, access: 1 }
                  - { state: BB, role: academic, access: 1 }
            """,
            "parameters: { transfer: { base: 1, receptivity: 1 } }\nmechanisms: { research_track: false }");
        var initiative = world.Initiatives[0];
        new T2ResearchRule().Apply(world, initiative);
        T2TransferRule.Recommend(world, initiative, initiative.Spec.Topics[1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(initiative.Drafting, Is.Zero);
            Assert.That(world.Dyads[0].Texts[world.TopicIndex(initiative.Spec.Topics[1].Id)], Is.EqualTo(1));
        }
    }

    // ---- T2-LANGUAGE ----

    [Test]
    public void Participants_without_the_working_language_gain_less_trust_and_pull_less_at_a_meeting()
    {
        const string groups = """
                  - { state: AA, role: academic, alignment: 0 }
                  - { state: BB, role: academic, alignment: 0, speaks_working_language: false }
                  - { state: BB, role: academic, alignment: 0 }
            """;
        var on = Forum(groups);
        var off = Forum(groups, "mechanisms: { working_language: false }");
        foreach (var world in new[] { on, off })
        {
            new T2LanguageRule().Apply(world, world.Initiatives[0]);
            T2MeetRule.Meet(world, world.Initiatives[0]);
        }

        // Trust starts at 0.2 and a meeting closes γ = 0.15 of the gap: 0.2 + 0.15 · 0.8 = 0.32
        // between speakers, 0.2 + 0.15 · 0.5 · 0.8 = 0.26 with the participant who lacks the language.
        var trust = on.Initiatives[0].Trust;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.Initiatives[0].Participants.Select(p => p.Participation), Is.EqualTo((double[])[1, 0.5, 1]));
            Assert.That(trust[0, 1], Is.EqualTo(0.26).Within(Rounding));
            Assert.That(trust[0, 2], Is.EqualTo(0.32).Within(Rounding));
            Assert.That(off.Initiatives[0].Trust[0, 1], Is.EqualTo(0.32).Within(Rounding), "switched off, everyone takes full part");

            // The peripheral topic: AA at 0.3, BB at 0.7 (a width of 0.4 around 0.5). BB's speaker
            // is pulled toward AA (trust 0.32, gap −0.4) and held by its compatriot (trust 1, no
            // gap), whose weight is halved: 0.7 + 0.3 · (0.32 · −0.4) / (0.32 + 0.5) with the
            // mechanism on, / (0.32 + 1) with it off; the compatriot without the language pulls less.
            const int peripheral = 1;
            Assert.That(on.Initiatives[0].Participants[2].Positions[peripheral], Is.EqualTo(0.7 + (0.3 * 0.32 * -0.4 / 0.82)).Within(Rounding));
            Assert.That(off.Initiatives[0].Participants[2].Positions[peripheral], Is.EqualTo(0.7 + (0.3 * 0.32 * -0.4 / 1.32)).Within(Rounding));
        }
    }

    // ---- T2-MEDIA ----

    [Test]
    public void Journalists_who_trust_the_other_side_dampen_hostile_news_and_those_who_distrust_it_amplify_it()
    {
        var world = Forum("""
                  - { state: AA, role: journalist, reach: 0.3 }
                  - { state: BB, role: journalist, reach: 0.2 }
            """);
        var initiative = Met(world, 0);
        initiative.Trust[0, 1] = 0.8;
        initiative.Trust[1, 0] = 0.1;

        new T2MediaRule().Apply(world);

        // AA: v = 0.3 · (2 · 0.8 − 1) = 0.18; hostile 1 − 0.5 · 0.18 = 0.91, cooperative 1.09.
        // BB: v = 0.2 · (2 · 0.1 − 1) = −0.16; hostile 1.08, cooperative 1.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.HostileFraming, Is.EqualTo((double[])[0.91, 1.08]).Within(Rounding));
            Assert.That(world.CooperativeFraming, Is.EqualTo((double[])[1.09, 1]).Within(Rounding));
        }
    }

    [Test]
    public void The_framing_multiplies_the_media_shift_of_an_event_and_switched_off_it_does_not()
    {
        const string journalists = """
                  - { state: AA, role: journalist, reach: 0.3 }
                  - { state: BB, role: journalist, reach: 0.2 }
            """;
        const string events = """
            events:
              - { id: raid, date: 2001-01, kind: crisis, severity: 0.6, actors: [BB, AA] }
              - { id: summit, date: 2001-01, kind: summit, severity: 0.5, actors: [AA, BB] }
            """;
        double[] Shift(string id, string extra)
        {
            var world = Forum(journalists, events + "\n" + extra);
            Met(world, 0.8);
            new T2MediaRule().Apply(world);
            EventRule.Start(world, world.Scenario.Events.Single(e => e.Id == id));
            return [world.MediaDelta[0, 1], world.MediaDelta[1, 0]];
        }

        // Both sides trust at 0.8: AA v = 0.18, BB v = 0.12. The raid shifts each public by
        // −0.1 · 2 · 0.6 = −0.12 unframed; the summit by 0.1 · 0.5 = 0.05.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shift("raid", ""), Is.EqualTo((double[])[-0.12 * 0.91, -0.12 * 0.94]).Within(Rounding));
            Assert.That(Shift("summit", ""), Is.EqualTo((double[])[0.05 * 1.09, 0.05 * 1.06]).Within(Rounding));
            Assert.That(Shift("raid", "mechanisms: { media_track: false }"), Is.EqualTo((double[])[-0.12, -0.12]).Within(Rounding));
        }
    }

    [Test]
    public void Journalists_of_a_secret_channel_or_of_one_that_has_not_met_frame_nothing()
    {
        const string journalists = """
                  - { state: AA, role: journalist, reach: 0.3 }
                  - { state: BB, role: journalist, reach: 0.2 }
            """;
        var secret = Forum(journalists, secret: true);
        Met(secret, 0.9);
        secret.Initiatives[0].Secret = true;
        var fresh = Forum(journalists);

        new T2MediaRule().Apply(secret);
        new T2MediaRule().Apply(fresh);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.HostileFraming.Concat(secret.CooperativeFraming), Has.All.EqualTo(1));
            Assert.That(fresh.HostileFraming.Concat(fresh.CooperativeFraming), Has.All.EqualTo(1));
        }
    }

    // ---- T2-ACTIVISM ----

    [Test]
    public void Activists_raise_their_governments_motivation_by_their_reach_and_trust()
    {
        const string activists = """
                  - { state: AA, role: activist, reach: 0.1 }
                  - { state: AA, role: ngo_worker, reach: 0.05 }
                  - { state: BB, role: academic }
            """;
        var on = Forum(activists);
        var off = Forum(activists, "mechanisms: { activism_track: false }");
        foreach (var world in new[] { on, off })
        {
            Met(world, 0.6);
            new T2ActivismRule().Apply(world);
            new TiReadinessRule().Apply(world);
        }

        // A_AA = 0.3 · (0.1 · 0.6 + 0.05 · 0.6) = 0.027; BB has no activists. Motivation is a
        // noisy-or: M' = 1 − (1 − M)(1 − A).
        double m = off.Dyads[0].Motivation[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.Advocacy, Is.EqualTo((double[])[0.027, 0]).Within(Rounding));
            Assert.That(off.Advocacy, Is.EqualTo((double[])[0, 0]));
            Assert.That(on.Dyads[0].Motivation[0], Is.EqualTo(1 - ((1 - m) * (1 - 0.027))).Within(Rounding));
            Assert.That(on.Dyads[0].Motivation[1], Is.EqualTo(off.Dyads[0].Motivation[1]));
        }
    }

    // ---- T2-EXCHANGE ----

    [Test]
    public void Exchange_participants_bring_their_states_contact_in_proportion_to_their_trust()
    {
        const string exchange = """
                  - { state: AA, role: youth, count: 2 }
                  - { state: AA, role: private_citizen }
                  - { state: BB, role: business }
            """;
        var on = Forum(exchange);
        var off = Forum(exchange, "mechanisms: { exchange_track: false }");
        var notMet = Forum(exchange);
        Met(on, 0.6);
        Met(off, 0.6);

        new T2ExchangeRule().Apply(on);
        new T2ExchangeRule().Apply(off);
        new T2ExchangeRule().Apply(notMet);

        // E_AA = 0.05 · 3 · 0.6 = 0.09; BB's business participant is not in an exchange.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.ExchangeContact, Is.EqualTo((double[])[0.09, 0]).Within(Rounding));
            Assert.That(off.ExchangeContact, Is.EqualTo((double[])[0, 0]));
            Assert.That(notMet.ExchangeContact, Is.EqualTo((double[])[0, 0]), "no exchange before the first meeting");
        }
    }

    // ---- T2-PIPELINE ----

    [Test]
    public void A_youth_participant_becomes_an_adult_participant_after_the_years_of_the_pipeline()
    {
        const string youth = """
                  - { state: AA, role: youth }
                  - { state: BB, role: academic }
            """;
        var on = Forum(youth, "parameters: { tracks: { youth_years: 1 } }");
        var off = Forum(youth, "parameters: { tracks: { youth_years: 1 } }\nmechanisms: { youth_pipeline: false }");
        var rule = new T2PipelineRule();
        var grownUp = new List<int>();
        for (int step = 0; step < 24; step++)
        {
            foreach (var world in new[] { on, off })
            {
                RuleWorlds.GoTo(world, step);
                rule.Apply(world, world.Initiatives[0]);
            }

            if (on.Initiatives[0].Participants[0].Role.Id == "private_citizen")
            {
                grownUp.Add(step);
            }
        }

        var adult = on.Initiatives[0].Participants[0];
        using (Assert.EnterMultipleScope())
        {
            // Twelve monthly steps make one year: the change comes in the twelfth (step 11).
            Assert.That(grownUp[0], Is.EqualTo(11));
            Assert.That((adult.Role.Track, adult.Access, adult.Reach), Is.EqualTo((Track.PrivateCitizen, 0.3, 0.1)), "youth defaults 0.05 and 0.05 rise to the alumni's");
            Assert.That(on.Log.Select(e => (e.Rule, e.Subject, e.Detail)), Is.EqualTo(new[] { ("T2-PIPELINE", "forum", "a youth participant of AA becomes an adult participant (access 0.3, reach 0.1)") }));
            Assert.That(off.Initiatives[0].Participants[0].Role.Id, Is.EqualTo("youth"));
            Assert.That(off.Log, Is.Empty);
        }
    }
}

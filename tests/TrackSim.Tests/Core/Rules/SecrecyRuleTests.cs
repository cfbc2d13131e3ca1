using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Rules;

// CA1861: expected lists read best inline, next to the values they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// T2-SECRECY and what the other rules keep from the publics while a channel is secret: no
/// outreach (T2-OUTREACH), no media from its news (EVENT), no spoilers for a secret negotiation
/// (TI-SPOILER); leaks, exposure, the backlash on the publics and the readiness the governments
/// withhold (TI-READINESS).
/// </summary>
public sealed class SecrecyRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static readonly T2SecrecyRule Secrecy = new();

    /// <summary>
    /// Three states: a secret channel and a public forum between AA and BB, a secret accord between
    /// AA and CC and a public pact between AA and BB; the events are applied one by one by the tests.
    /// </summary>
    private static World Channels(string extra = "")
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB }, { id: CC } ]
            initiatives:
              - id: envoys
                states: [AA, BB]
                start: 2000-01
                meeting_interval: 1 month
                secret: true
                participants:
                  - { state: AA, role: journalist, reach: 0.3 }
                  - { state: BB, role: journalist, reach: 0.2 }
              - id: forum
                states: [AA, BB]
                start: 2000-01
                participants: [ { state: AA, role: academic }, { state: BB, role: academic } ]
            agreements:
              - { id: accord, states: [AA, CC], kind: declaration, secret: true }
              - { id: pact, states: [AA, BB], kind: cbm }
            events:
              - { id: opening, date: 2000-01, kind: track2, severity: 0.5, actors: [AA, BB], effects: { start_initiatives: [envoys] } }
              - { id: opening-all, date: 2000-01, kind: track2, severity: 0.5, actors: [AA, BB], effects: { start_initiatives: [all] } }
              - { id: bombing, date: 2000-01, kind: terror_attack, severity: 0.5, actors: [AA, BB], effects: { stop_initiatives: [envoys] } }
              - { id: story, date: 2000-02, kind: other, actors: [AA, BB], effects: { expose: [envoys, accord] } }
              - { id: announced, date: 2000-02, kind: track2, severity: 0.5, actors: [AA, BB], effects: { start_initiatives: [envoys], expose: [envoys] } }
            {{extra}}
            """);
        RuleWorlds.SetPublicTrust(world, 0, 0.4);
        RuleWorlds.SetPublicTrust(world, 1, 0.7);
        RuleWorlds.SetPublicTrust(world, 2, 0.5);
        return world;
    }

    private static InitiativeRuntime Envoys(World world) => world.Initiatives[0];

    private static AgreementRuntime Accord(World world) => world.Agreements[0];

    private static void Start(World world, string id) => EventRule.Start(world, world.Scenario.Events.Single(e => e.Id == id));

    /// <summary>Marks the channel's meeting of this step as held, as T2-MEET does.</summary>
    private static void Met(InitiativeRuntime initiative)
    {
        initiative.MeetingsHeld++;
        initiative.MetThisStep = true;
    }

    [Test]
    public void Channels_marked_secret_start_secret_while_the_mechanism_is_on()
    {
        var on = Channels();
        var off = Channels("mechanisms: { secrecy: false }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.Initiatives.Select(i => i.Secret), Is.EqualTo(new[] { true, false }));
            Assert.That(on.Agreements.Select(a => a.Secret), Is.EqualTo(new[] { true, false }));
            Assert.That(off.Initiatives.Select(i => i.Secret).Concat(off.Agreements.Select(a => a.Secret)), Has.All.False);
        }
    }

    [Test]
    public void News_of_a_secret_channel_moves_no_public_but_the_governments_still_hear_it()
    {
        var world = Channels();
        double trust = world.Dyads[0].OfficialTrust;

        Start(world, "opening");

        // A track2 event of significance 0.5 among AA and BB: official trust +0.1·0.5·(1 − 0.3) =
        // 0.035 as for any cooperative event; but it starts the secret channel by id, so the
        // media shift +0.1·0.5 reaches no public.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.MediaDelta, Has.All.Zero);
            Assert.That(world.Dyads[0].OfficialTrust - trust, Is.EqualTo(0.035).Within(Rounding));
            Assert.That(world.Log.Single().Detail, Is.EqualTo("opening (Track2, severity 0.5; kept from the publics: envoys is secret)"));
        }
    }

    [TestCase("opening-all", 0.05, TestName = "An event that starts every initiative through 'all' is public")]
    [TestCase("bombing", -0.1, TestName = "A hostile event is public whatever it does to a secret channel")]
    [TestCase("announced", 0.05, TestName = "An event that exposes the channel it starts is public")]
    public void Events_that_are_not_secret_news_move_the_publics(string id, double shift)
    {
        var world = Channels();

        Start(world, id);

        // Cooperative: +media.effect·s = 0.1·0.5; hostile: −media.effect·negativity_bias·s = −0.1·2·0.5.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, shift, 0 }, { shift, 0, 0 }, { 0, 0, 0 } }).Within(Rounding));
            Assert.That(world.Log[0].Detail, Does.Not.Contain("kept from the publics"));
        }
    }

    [Test]
    public void Expose_notes_the_first_event_of_the_step_that_exposes_each_secret_channel()
    {
        var world = Channels();

        Start(world, "story");
        Start(world, "announced");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Envoys(world).ExposedBy, Is.EqualTo("story"));
            Assert.That(Accord(world).ExposedBy, Is.EqualTo("story"));
            Assert.That(Envoys(world).Secret, Is.True, "T2-SECRECY exposes it later in the step");
            Assert.That(world.Log.Select(e => e.Rule), Has.All.EqualTo(EventRule.Id));
        }
    }

    [Test]
    public void An_exposed_initiative_is_public_and_its_exposure_lashes_back_on_its_publics_and_governments()
    {
        var world = Channels();
        Envoys(world).ExposedBy = "story";

        Secrecy.Apply(world);

        // Backlash −0.1·(1 − public trust), on each public's trust in the other: AA (trust 0.4)
        // −0.06, BB (0.7) −0.03; CC is not in the channel, and neither public's trust in CC moves. Both governments of AA-BB withhold 0.3 of their readiness; AA-CC and BB-CC none.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Envoys(world).Secret, Is.False);
            Assert.That(Envoys(world).ExposedBy, Is.Null);
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, -0.06, 0 }, { -0.03, 0, 0 }, { 0, 0, 0 } }).Within(Rounding));
            Assert.That(world.DyadOf(0, 1).Withheld, Is.EqualTo(new[] { 0.3, 0.3 }).Within(Rounding));
            Assert.That(world.DyadOf(0, 2).Withheld.Concat(world.DyadOf(1, 2).Withheld), Has.All.Zero);
            Assert.That(world.Log.Select(e => (e.Rule, e.Subject, e.Detail)), Is.EqualTo(new[]
            {
                ("T2-SECRECY", "envoys", "exposed by story; backlash on the public of AA -0.06, BB -0.03; its governments withhold 0.3 of their readiness"),
            }));
        }
    }

    [Test]
    public void An_exposed_agreement_lashes_back_on_its_two_states_only()
    {
        var world = Channels();
        Accord(world).ExposedBy = "story";
        Accord(world).Progress = 0.4;

        Secrecy.Apply(world);

        // AA −0.1·0.6, CC −0.1·0.5; BB untouched. Only the dyad AA-CC withholds readiness.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Accord(world).Secret, Is.False);
            Assert.That(world.MediaDelta, Is.EqualTo(new[,] { { 0, 0, -0.06 }, { 0, 0, 0 }, { -0.05, 0, 0 } }).Within(Rounding));
            Assert.That(world.DyadOf(0, 2).Withheld, Is.EqualTo(new[] { 0.3, 0.3 }).Within(Rounding));
            Assert.That(world.DyadOf(0, 1).Withheld, Has.All.Zero);
            Assert.That(world.Log.Single().Detail, Does.StartWith("exposed by story (negotiation progress 0.4); backlash on the public of AA -0.06, CC -0.05"));
        }
    }

    [Test]
    public void A_secret_agreement_reached_is_made_public_without_a_backlash()
    {
        var world = Channels();
        Accord(world).InForce = true;
        Accord(world).TimesReached = 1;
        Accord(world).ExposedBy = "story";

        Secrecy.Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Accord(world).Secret, Is.False);
            Assert.That(world.MediaDelta, Has.All.Zero);
            Assert.That(world.Dyads.SelectMany(d => d.Withheld), Has.All.Zero);
            Assert.That(world.Log.Select(e => (e.Rule, e.Subject, e.Detail)), Is.EqualTo(new[] { ("T2-SECRECY", "accord", "made public by its signing") }));
        }
    }

    [Test]
    public void Withheld_readiness_combines_over_exposures_and_fades_with_its_half_life()
    {
        var world = Channels("""
            parameters: { secrecy: { readiness_half_life: 0.5 } }
            """);
        var dyad = world.DyadOf(0, 1);
        Envoys(world).ExposedBy = "story";
        Secrecy.Apply(world);
        double first = dyad.Withheld[0];

        // A second channel of the same pair exposed later: 1 − (1 − 0.3)(1 − 0.3) = 0.51 before it
        // fades; the exposure of the step comes after the step's fading.
        Envoys(world).Secret = true;
        Envoys(world).ExposedBy = "story";
        Secrecy.Apply(world);
        double second = dyad.Withheld[0];
        Secrecy.Apply(world);
        double month = Math.Pow(2, -1.0 / 12 / 0.5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(0.3).Within(Rounding));
            Assert.That(second, Is.EqualTo(1 - ((1 - (0.3 * month)) * 0.7)).Within(Rounding));
            Assert.That(dyad.Withheld, Is.EqualTo(new[] { second * month, second * month }).Within(Rounding));
        }
    }

    [Test]
    public void The_governments_withhold_the_share_from_their_readiness_for_talks_and_for_agreements()
    {
        var world = Channels();
        var readiness = new TiReadinessRule();
        var dyad = world.DyadOf(0, 1);
        readiness.Apply(world);
        double[] before = [.. dyad.Readiness];
        double topic = TiReadinessRule.TopicReadiness(world, dyad, 1, -1);
        double motivation = dyad.Motivation[0];
        double[] other = [.. world.DyadOf(0, 2).Readiness];

        dyad.Withheld[0] = 0.3;
        dyad.Withheld[1] = 0.5;
        readiness.Apply(world);

        // Nothing else moves between the two applications (tension stays at the felt cost, no
        // texts, no stalemate): R·(1 − χ) on each side, motivation and optimism unchanged.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dyad.Readiness, Is.EqualTo(new[] { before[0] * 0.7, before[1] * 0.5 }).Within(Rounding));
            Assert.That(TiReadinessRule.TopicReadiness(world, dyad, 1, -1), Is.EqualTo(topic * 0.5).Within(Rounding));
            Assert.That(dyad.Motivation[0], Is.EqualTo(motivation));
            Assert.That(world.DyadOf(0, 2).Readiness, Is.EqualTo(other), "AA's readiness toward CC is its own");
        }
    }

    [Test]
    public void A_meeting_leaks_when_its_draw_falls_below_the_chance_and_each_meeting_takes_one_draw()
    {
        var sure = Channels("parameters: { secrecy: { leak_per_meeting: 1 } }");
        var never = Channels("parameters: { secrecy: { leak_per_meeting: 0 } }");
        Met(Envoys(sure));
        Met(Envoys(never));
        Met(never.Initiatives[1]);

        Secrecy.Apply(sure);
        Secrecy.Apply(never);

        // With chance 0 the meeting still takes its draw: the stream has moved on by one, and by
        // only one (the public forum's meeting draws nothing).
        var fresh = new StreamFactory(1).Create(0, "leaks");
        fresh.NextDouble();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Envoys(sure).Secret, Is.False);
            Assert.That(sure.Log.Single().Detail, Does.StartWith("exposed by a leak from its meeting 1 (chance 1 a meeting); backlash on the public of AA -0.06, BB -0.03"));
            Assert.That(Envoys(never).Secret, Is.True);
            Assert.That(never.Log, Is.Empty);
            Assert.That(never.LeakStream.NextDouble(), Is.EqualTo(fresh.NextDouble()));
        }
    }

    [Test]
    public void No_leak_is_drawn_without_a_meeting_after_an_exposure_by_an_event_or_with_the_mechanism_off()
    {
        var idle = Channels("parameters: { secrecy: { leak_per_meeting: 1 } }");
        var exposed = Channels("parameters: { secrecy: { leak_per_meeting: 1 } }");
        Met(Envoys(exposed));
        Envoys(exposed).ExposedBy = "story";
        var off = Channels("""
            parameters: { secrecy: { leak_per_meeting: 1 } }
            mechanisms: { secrecy: false }
            """);
        Met(Envoys(off));
        Start(off, "story");

        Secrecy.Apply(idle);
        Secrecy.Apply(exposed);
        Secrecy.Apply(off);

        double first = new StreamFactory(1).Create(0, "leaks").NextDouble();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Envoys(idle).Secret, Is.True);
            Assert.That(exposed.Log.Single().Detail, Does.StartWith("exposed by story;"), "the event's exposure, not a leak");
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo(T2SecrecyRule.Id));
            Assert.That(off.MediaDelta.Cast<double>().Concat(off.Dyads.SelectMany(d => d.Withheld)), Has.All.Zero);
            foreach (var world in new[] { idle, exposed, off })
            {
                Assert.That(world.LeakStream.NextDouble(), Is.EqualTo(first), "no draw was taken");
            }
        }
    }

    [Test]
    public void Meetings_leak_at_the_rate_the_parameter_gives_each_independently_of_the_one_before()
    {
        var world = Channels("parameters: { secrecy: { leak_per_meeting: 0.2 } }");
        var envoys = Envoys(world);
        const int meetings = 20_000;
        int leaks = 0;
        int leaksAfterLeak = 0;
        bool leakedBefore = false;
        for (int k = 0; k < meetings; k++)
        {
            envoys.Secret = true;
            Met(envoys);
            Secrecy.Apply(world);
            bool leaked = !envoys.Secret;
            leaks += leaked ? 1 : 0;
            leaksAfterLeak += leaked && leakedBefore ? 1 : 0;
            leakedBefore = leaked;
        }

        // Leaks ~ Binomial(20,000, 0.2): mean 4,000, SD √(20,000·0.2·0.8) ≈ 56.6. Meetings that
        // follow a leak (about 4,000 of them) leak again ~ Binomial(4,000, 0.2): SD ≈ 25.3, so
        // about 0.2 × leaks. Five SDs (283 and 127) would be exceeded by chance about once in
        // 1.7 million; the stream is seeded, so the test is deterministic, and the bound says the
        // draws have the right rate and no memory, not merely that they pass once.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(leaks, Is.EqualTo(4000).Within(283));
            Assert.That(leaksAfterLeak, Is.EqualTo(0.2 * leaks).Within(127));
        }
    }

    [Test]
    public void A_secret_channel_does_no_outreach_until_it_is_exposed()
    {
        var world = Channels();
        var envoys = Envoys(world);
        envoys.MeetingsHeld = 1;
        for (int p = 0; p < envoys.Participants.Length; p++)
        {
            foreach (int q in envoys.CrossSide[p])
            {
                envoys.Trust[p, q] = 0.8;
            }
        }

        T2OutreachRule.Compute(world);
        double[] secret = [.. world.OutreachPush.Cast<double>()];
        envoys.Secret = false;
        T2OutreachRule.Compute(world);

        // Once public: (0.3 + 0.2)·(2·0.8 − 1) = 0.3, push Δt·0.05·0.3 = 0.00125 on AA and BB.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret, Has.All.Zero);
            Assert.That(world.OutreachPush, Is.EqualTo(new[,] { { 0, 0.00125, 0 }, { 0.00125, 0, 0 }, { 0, 0, 0 } }).Within(Rounding));
        }
    }

    [Test]
    public void Spoilers_see_a_secret_negotiation_only_once_it_is_exposed_or_signed()
    {
        var world = Channels();
        var accord = Accord(world);
        var dyad = world.DyadOf(0, 2);
        accord.Progress = 0.8;
        double hidden = TiSpoilerRule.Momentum(world, dyad);
        accord.Secret = false;
        double exposed = TiSpoilerRule.Momentum(world, dyad);
        accord.Secret = true;
        accord.InForce = true;
        double signed = TiSpoilerRule.Momentum(world, dyad);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden, Is.Zero);
            Assert.That(exposed, Is.EqualTo(0.8));
            Assert.That(signed, Is.EqualTo(1), "just signed: 2^0");
        }
    }
}

using TrackSim.Core.Engine;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// What a scenario can now say about the nine tracks changes a run in the direction the
/// mechanisms give: funders bring more meetings, business leaders trade links, peace journalists
/// a milder crisis, exchanges and activists a friendlier public and readier governments, and a
/// missing working language less trust.
/// </summary>
public sealed class NineTracksTests
{
    private const ulong Seed = 5;

    /// <summary>
    /// Two states over ten years and one initiative meeting every three months from 2000, with the
    /// participant groups given; its topics name no sector, so no recommendation creates a link.
    /// </summary>
    private static RunResult Run(string participants, string extra = "") => new Simulation(EngineScenarios.Load($$"""
        calendar: { start: 2000-01, end: 2009-12, step: month }
        states: [ { id: AA }, { id: BB } ]
        dyads: [ { states: [AA, BB], tension: 0.2, official_trust: 0.3 } ]
        citizens: { per_state: 200, shared_language: 0.5, network: { mean_degree: 4, cross_border_share: 0.02 } }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 3 months
            resilience: 1
            topics: [ { id: border, core: true }, { id: fisheries } ]
            participants:
              - { state: AA, role: academic, count: 2 }
              - { state: BB, role: academic, count: 2 }
        {{participants}}
        {{extra}}
        """), 0, Seed, citizenThreads: 1).Run();

    private static double[] Values(RunResult run, string metric, string subject) => [.. run.Get(metric, subject).Values];

    [Test]
    public void Funders_bring_more_meetings()
    {
        var plain = Run("");
        var funded = Run("      - { state: AA, role: funder, count: 2 }");

        // Resilience 1: every due meeting is held. Forty on the schedule of three months; a pace of
        // 1.5 makes the wait 61 days or so, about 60 meetings in ten years.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(plain, "meetings_held", "talks")[^1], Is.EqualTo(40));
            Assert.That(Values(funded, "meetings_held", "talks")[^1], Is.InRange(55, 62));
        }
    }

    [Test]
    public void Business_leaders_who_come_to_trust_each_other_add_a_trade_link()
    {
        const string business = """
                  - { state: AA, role: business, count: 2 }
                  - { state: BB, role: business, count: 2 }
            """;
        var on = Run(business, "parameters: { tracks: { business_link_rate: 0.5 } }");
        var off = Run(business, "parameters: { tracks: { business_link_rate: 0.5 } }\nmechanisms: { business_track: false }");

        // λ_B · n · t̄ is about 0.5 · 4 · 0.6 = 1.2 a year once they trust each other: a link within
        // months. The scenario has no link at all otherwise.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(off, "functional_links_active", "AA-BB"), Has.All.Zero);
            Assert.That(Values(on, "functional_links_active", "AA-BB")[^1], Is.EqualTo(1));
            Assert.That(on.Log.Count(e => e.Rule == "FN-CREATE" && e.Detail == "created by the business participants of talks"), Is.EqualTo(1));
        }
    }

    [Test]
    public void Peace_journalists_soften_a_crisis_for_their_publics()
    {
        const string journalists = """
                  - { state: AA, role: journalist, count: 2 }
                  - { state: BB, role: journalist, count: 2 }
            events:
              - { id: crisis, date: 2005-01, kind: crisis, severity: 0.8, actors: [AA, BB] }
            """;
        var on = Run(journalists);
        var off = Run(journalists, "mechanisms: { media_track: false }");

        // Five years of quarterly meetings bring the journalists' trust well above one half; the
        // crisis is the only event, so the runs differ from its step on (point 61), and the
        // framed publics lose less trust.
        const int afterCrisis = 61;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(on, "track2_trust", "talks")[afterCrisis - 1], Is.GreaterThan(0.5));
            foreach (var state in new[] { "AA", "BB" })
            {
                var framed = Values(on, "public_trust", state);
                var plain = Values(off, "public_trust", state);
                Assert.That(framed[..afterCrisis], Is.EqualTo(plain[..afterCrisis]), state);
                Assert.That(framed[afterCrisis], Is.GreaterThan(plain[afterCrisis]), state);
            }
        }
    }

    [Test]
    public void Citizen_exchanges_raise_public_trust_and_activists_raise_readiness()
    {
        const string people = """
                  - { state: AA, role: youth, count: 3 }
                  - { state: BB, role: private_citizen, count: 3 }
                  - { state: AA, role: activist, count: 2 }
                  - { state: BB, role: ngo_worker, count: 2 }
            """;
        var on = Run(people);
        var noExchange = Run(people, "mechanisms: { exchange_track: false }");
        var noActivism = Run(people, "mechanisms: { activism_track: false }");

        using (Assert.EnterMultipleScope())
        {
            foreach (var state in new[] { "AA", "BB" })
            {
                Assert.That(Values(on, "public_trust", state)[^1], Is.GreaterThan(Values(noExchange, "public_trust", state)[^1]), state);
            }

            Assert.That(Values(on, "readiness", "AA-BB").Skip(12).Average(), Is.GreaterThan(Values(noActivism, "readiness", "AA-BB").Skip(12).Average()));
        }
    }

    [Test]
    public void Participants_without_the_working_language_build_less_trust()
    {
        var silent = Run("      - { state: BB, role: academic, count: 2, speaks_working_language: false }");
        var speakingToo = Run("      - { state: BB, role: academic, count: 2 }");

        // The same participants, two of whom lack the working language, against all speaking it.
        Assert.That(Values(silent, "track2_trust", "talks")[^1], Is.LessThan(Values(speakingToo, "track2_trust", "talks")[^1]));
    }
}

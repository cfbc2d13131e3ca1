using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Parameters;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// Every mechanism that a scenario can switch off does something: switched off alone, on a
/// scenario where it is active, it changes what a run records (a series or the log) compared with
/// the same seed with everything on; and where it is cheap to say what it alone changes, switching
/// it off changes that and not what it must leave alone. The cases come from
/// <see cref="Mechanism.All"/>, so a new mechanism is covered without touching this file.
/// </summary>
[TestFixture]
public sealed class MechanismAblationTests
{
    private const ulong Seed = 11;

    // The run is monthly from 2000-01: the step of a date is its month count since then, and the
    // state after step k is recorded at point k + 1.
    private const int SummitStep = 26;
    private const int CrisisStep = 65;

    /// <summary>
    /// Two states over twelve years, chosen so that every mechanism acts:
    /// <list type="bullet">
    /// <item>events: a summit (cooperative; media), a confidence-building measure, and a crisis of
    /// severity 0.9 (above <c>dialogue.tolerance</c> plus any readiness the governments reach, so
    /// they break off the talks and later resume them; official trust falls);</item>
    /// <item>two agreements on the table (a CBM on the peripheral topic and a ceasefire), which the
    /// governments negotiate and reach (agreements), with spoilers based in both states at 2 attacks
    /// a year at full momentum (spoilers); the ceasefire is negotiated in secret, so spoilers do
    /// not see it coming until it is signed (secrecy);</item>
    /// <item>functional links: a strong water link with a threshold no crisis reaches (contact,
    /// growth, spillover, raised to 0.3 a year so that it happens within the run) and a weaker
    /// trade link with threshold 0.4, which the crisis pushes tension above (link suspension);</item>
    /// <item>an initiative meeting every three months from 2001 with a core and a peripheral topic:
    /// participants aligned 0.5 with their governments never agree on the core topic while
    /// co-optation holds them (co-optation), agree on the peripheral one (transfer, with access
    /// 0.6), and journalists with reach who speak the shared language carry their growing trust
    /// to the public (outreach);</item>
    /// <item>citizens below trust 0.5 in hawkish, sensitive states (audience pressure), with a
    /// shared language, cross-border ties and a turnover of 10% a year (turnover), noise and
    /// bounded-confidence influence at the defaults; incidents and posture at the defaults;</item>
    /// <item>a convener the sides trust unequally hosts and funds the initiative, guarantees both
    /// agreements and is credited with the summit (third parties; a convener carries no texts, so
    /// co-optation still keeps the core topic from agreement).</item>
    /// </list>
    /// </summary>
    private const string Scenario = """
        calendar: { start: 2000-01, end: 2011-12, step: month }
        states:
          - { id: AA }
          - { id: BB }
        dyads:
          - states: [AA, BB]
            tension: 0.25
            official_trust: 0.3
            functional_links:
              - { id: river, sector: water, strength: 0.6, threshold: 0.99 }
              - { id: trade, sector: trade, strength: 0.3, threshold: 0.4 }
        citizens:
          per_state: 200
          initial_trust:
            AA: { mean: 0.35, sd: 0.15 }
            BB: { mean: 0.3, sd: 0.15 }
          shared_language: 0.6
          network: { mean_degree: 6, cross_border_share: 0.05 }
          cohorts: { shared_language: 0.5 }
        third_parties:
          - { id: NO, kind: convener, trust: { AA: 0.8, BB: 0.6 } }
        initiatives:
          - id: talks
            start: 2001-01
            hosts: [NO]
            funders: [NO]
            meeting_interval: 3 months
            resilience: 0.6
            topics:
              - { id: kashmir, core: true }
              - { id: trade }
            participants:
              - { state: AA, role: academic, count: 3, alignment: 0.5, access: 0.6 }
              - { state: AA, role: journalist, count: 2, alignment: 0.5, reach: 0.5 }
              - { state: BB, role: academic, count: 3, alignment: 0.5, access: 0.6 }
              - { state: BB, role: journalist, count: 2, alignment: 0.5, reach: 0.5 }
        events:
          - { id: summit, date: 2002-03, kind: summit, severity: 0.5, actors: [AA, BB, NO] }
          - { id: cbm, date: 2003-01, kind: cbm, severity: 0.5, actors: [AA, BB] }
          - { id: crisis, date: 2005-06, kind: crisis, severity: 0.9, actors: [AA, BB] }
        agreements:
          - { id: trade-pact, states: [AA, BB], kind: cbm, topic: trade, terms: { restraint: 0.2 }, guarantors: [NO] }
          - { id: truce, states: [AA, BB], kind: ceasefire, secret: true, terms: { incident_reduction: 0.5 }, guarantors: [NO] }
        parameters:
          spoilers: { rate: 2 }
          functional: { spillover: 0.3 }
          turnover: { rate: 0.1 }
          posture: { hawkishness: 0.8, public_sensitivity: 0.8 }
        """;

    /// <summary>
    /// The scenario with participants of every track added to its initiative, so that the
    /// mechanisms of the nine tracks act too: a business leader and a religious leader of each
    /// state (trade and pilgrimage links, at rates raised so that they come within the run; the
    /// scenario's trade link is an energy link here, so that the trade sector is free), a funder,
    /// an activist and an NGO worker, a youth and a private citizen, and a group that does not
    /// speak the working language. The cases that pin what one mechanism alone changes keep the
    /// plain scenario, whose results these participants would move.
    /// </summary>
    private static readonly string TracksScenario = Scenario
        .Replace("{ id: trade, sector: trade,", "{ id: trade, sector: energy,", StringComparison.Ordinal)
        .Replace(
            "      - { state: BB, role: journalist, count: 2, alignment: 0.5, reach: 0.5 }\n",
            """
                  - { state: BB, role: journalist, count: 2, alignment: 0.5, reach: 0.5 }
                  - { state: AA, role: business, alignment: 0.5 }
                  - { state: BB, role: business, alignment: 0.5 }
                  - { state: AA, role: religious_leader, alignment: 0.5 }
                  - { state: BB, role: religious_leader, alignment: 0.5, speaks_working_language: false }
                  - { state: AA, role: funder, alignment: 0.5 }
                  - { state: AA, role: activist, alignment: 0.5 }
                  - { state: BB, role: ngo_worker, alignment: 0.5 }
                  - { state: AA, role: youth, alignment: 0.5 }
                  - { state: BB, role: private_citizen, alignment: 0.5 }

            """,
            StringComparison.Ordinal)
        .Replace("  turnover: { rate: 0.1 }\n", "  turnover: { rate: 0.1 }\n  tracks: { business_link_rate: 5, faith_link_rate: 5 }\n", StringComparison.Ordinal);

    private static readonly string[] CitizenMetrics = ["public_trust", "polarization", "hostile_share"];
    private static readonly string[] States = ["AA", "BB"];

    private static readonly Lazy<RunResult> AllOn = new(() => Run(Load()));

    public static IEnumerable<TestCaseData> EveryMechanism() =>
        Mechanism.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    private static readonly Lazy<RunResult> AllTracksOn = new(() => Run(LoadFrom(TracksScenario)));

    /// <summary>The scenario, with the mechanisms named switched off in its own <c>mechanisms</c> mapping.</summary>
    private static Scenario Load(params string[] off) => LoadFrom(Scenario, off);

    /// <summary>The scenario <paramref name="yaml"/>, with the mechanisms named switched off in its own <c>mechanisms</c> mapping.</summary>
    private static Scenario LoadFrom(string yaml, params string[] off) =>
        EngineScenarios.Load(off.Length == 0 ? yaml : yaml + $"\nmechanisms: {{ {string.Join(", ", off.Select(n => n + ": false"))} }}\n");

    private static RunResult Run(Scenario scenario) => new Simulation(scenario, 0, Seed, citizenThreads: 1).Run();

    private static RunResult Off(string name) => Run(Load(name));

    private static RunResult Without(Scenario scenario, string eventId) =>
        Run(scenario with { Events = [.. scenario.Events.Where(e => e.Id != eventId)] });

    private static double[] Values(RunResult run, string metric, string subject) => [.. run.Get(metric, subject).Values];

    /// <summary>The first recorded point at which any series of the two runs differ, or -1.</summary>
    private static int FirstDifference(RunResult a, RunResult b)
    {
        int first = -1;
        foreach (var series in a.Series)
        {
            var other = b.Get(series.Key.Metric, series.Key.Subject).Values;
            for (int k = 0; k < series.Values.Length; k++)
            {
                if (series.Values[k] != other[k])
                {
                    first = first < 0 ? k : Math.Min(first, k);
                    break;
                }
            }
        }

        return first;
    }

    private static bool SameLog(RunResult a, RunResult b) => a.Log.SequenceEqual(b.Log);

    [Test]
    public void The_cases_are_every_mechanism_once()
    {
        // An empty or repeated list would leave the cases below vacuous or doubled.
        Assert.That(Mechanism.All.Select(m => m.Name), Is.Not.Empty.And.Unique);
    }

    [Test]
    public void The_same_seed_gives_the_same_run_so_a_difference_comes_from_the_switch()
    {
        var again = Run(Load());

        Assert.Multiple(() =>
        {
            Assert.That(FirstDifference(AllOn.Value, again), Is.EqualTo(-1));
            Assert.That(SameLog(AllOn.Value, again), Is.True);
        });
    }

    [TestCaseSource(nameof(EveryMechanism))]
    public void Switching_it_off_in_the_scenario_switches_it_off(string name)
    {
        var scenario = Load(name);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Mechanisms.IsOn(name), Is.False);
            Assert.That(Mechanism.All.Where(m => m.Name != name).Select(m => scenario.Mechanisms.IsOn(m)), Has.All.True);
            Assert.That(Load().Mechanisms.IsOn(name), Is.True);
        });
    }

    [TestCaseSource(nameof(EveryMechanism))]
    public void Switching_it_off_changes_the_run(string name)
    {
        var off = Run(LoadFrom(TracksScenario, name));

        Assert.That(FirstDifference(AllTracksOn.Value, off) >= 0 || !SameLog(AllTracksOn.Value, off), Is.True,
            $"with {name} off the run records exactly what it records with everything on: the mechanism does nothing in this scenario");
    }

    [Test]
    public void Incidents_off_gives_no_incidents()
    {
        var off = Off("incidents");

        Assert.Multiple(() =>
        {
            Assert.That(Values(AllOn.Value, "incidents", "AA-BB").Sum(), Is.GreaterThan(0));
            Assert.That(Values(off, "incidents", "AA-BB"), Has.All.Zero);
        });
    }

    [Test]
    public void Track2_meetings_off_gives_no_meeting_no_trust_among_participants_and_no_recommendation()
    {
        var on = AllOn.Value;
        var off = Off("track2_meetings");

        Assert.Multiple(() =>
        {
            Assert.That(Values(on, "meetings_held", "talks")[^1], Is.GreaterThan(0));
            Assert.That(Values(on, "track2_trust", "talks").Max(), Is.GreaterThan(0.5));
            Assert.That(Values(on, "recommendations_adopted", "talks")[^1], Is.GreaterThan(0));
            Assert.That(Values(off, "meetings_held", "talks"), Has.All.Zero);
            Assert.That(Values(off, "track2_trust", "talks"), Has.All.EqualTo(0.2).Within(1e-12), "track2.initial_trust, untouched");
            Assert.That(Values(off, "recommendations_adopted", "talks"), Has.All.Zero);
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("T2-MEET").And.None.EqualTo("T2-TRANSFER"));
        });
    }

    [Test]
    public void Transfer_off_keeps_the_meetings_and_adopts_no_recommendation()
    {
        var on = AllOn.Value;
        var off = Off("transfer");
        int firstAdoption = Array.FindIndex(Values(on, "recommendations_adopted", "talks"), v => v > 0);

        Assert.Multiple(() =>
        {
            Assert.That(firstAdoption, Is.GreaterThan(0));
            Assert.That(Values(off, "recommendations_adopted", "talks"), Has.All.Zero);
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("T2-TRANSFER"));
            Assert.That(Values(off, "meetings_held", "talks")[^1], Is.GreaterThan(0));
            Assert.That(FirstDifference(on, off), Is.EqualTo(firstAdoption), "nothing differs before the first adoption");
        });
    }

    [Test]
    public void Co_optation_off_lets_the_participants_agree_on_the_core_topic()
    {
        // Two topics: 0.5 is the peripheral topic alone, 1 both.
        Assert.Multiple(() =>
        {
            Assert.That(Values(AllOn.Value, "track2_agreement", "talks").Max(), Is.EqualTo(0.5));
            Assert.That(Values(Off("co_optation"), "track2_agreement", "talks")[^1], Is.EqualTo(1));
        });
    }

    [Test]
    public void Dialogue_off_keeps_the_dialogue_open_through_the_crisis()
    {
        var on = Values(AllOn.Value, "dialogue_open", "AA-BB");
        var off = Off("dialogue");

        Assert.Multiple(() =>
        {
            Assert.That(on[CrisisStep + 1], Is.Zero, "the crisis suspends the dialogue");
            Assert.That(on[^1], Is.EqualTo(1), "and the model resumes it");
            Assert.That(AllOn.Value.Log.Count(e => e.Rule == "TI-TALKS"), Is.GreaterThanOrEqualTo(2));
            Assert.That(Values(off, "dialogue_open", "AA-BB"), Has.All.EqualTo(1));
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("TI-TALKS"));
            Assert.That(FirstDifference(AllOn.Value, off), Is.EqualTo(CrisisStep + 1), "nothing differs before the crisis");
        });
    }

    [Test]
    public void Official_trust_off_holds_official_trust_at_its_initial_level()
    {
        var on = Values(AllOn.Value, "official_trust", "AA-BB");

        Assert.Multiple(() =>
        {
            Assert.That(on.Distinct().Count(), Is.GreaterThan(1));
            Assert.That(Values(Off("official_trust"), "official_trust", "AA-BB"), Has.All.EqualTo(0.3));
        });
    }

    [Test]
    public void Posture_off_holds_each_posture_at_its_initial_level()
    {
        var off = Off("posture");

        Assert.Multiple(() =>
        {
            foreach (string state in States)
            {
                var on = Values(AllOn.Value, "posture", state);
                Assert.That(on.Distinct().Count(), Is.GreaterThan(1), state);
                Assert.That(Values(off, "posture", state), Has.All.EqualTo(on[0]), state);
            }
        });
    }

    [Test]
    public void Link_suspension_off_suspends_no_link()
    {
        var on = AllOn.Value;
        var off = Off("link_suspension");
        var active = Values(off, "functional_links_active", "AA-BB");

        Assert.Multiple(() =>
        {
            Assert.That(on.Log.Where(e => e.Rule == "FN-SUSPEND").Select(e => e.Subject), Does.Contain("trade"), "the crisis lifts tension above the trade link's threshold");
            Assert.That(Values(on, "functional_links_active", "AA-BB").Zip(Values(on, "functional_links_active", "AA-BB").Skip(1)).Any(p => p.Second < p.First), Is.True);
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("FN-SUSPEND"));
            Assert.That(active.Zip(active.Skip(1)).All(p => p.Second >= p.First), Is.True, "active links never decrease");
        });
    }

    [Test]
    public void Spillover_off_creates_no_link_by_spillover()
    {
        var off = Off("spillover");

        Assert.Multiple(() =>
        {
            Assert.That(AllOn.Value.Log.Select(e => e.Rule), Does.Contain("FN-SPILLOVER"));
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("FN-SPILLOVER"));
            Assert.That(Values(off, "functional_links_active", "AA-BB").Max(), Is.EqualTo(2), "the two links of the scenario, no more");
        });
    }

    [Test]
    public void Secrecy_off_lets_the_spoilers_see_the_secret_truce_before_it_is_signed()
    {
        // With secrecy on, the truce's progress gives the spoilers no momentum until it is
        // signed; with it off they answer that progress too, and strike more often before the
        // truce is first reached.
        var on = AllOn.Value;
        var off = Off("secrecy");
        static int AttacksBeforeTheTruce(RunResult run)
        {
            int reached = run.Log.First(e => e.Rule == "TI-AGREE" && e.Subject == "truce").Step;
            return run.Log.Count(e => e.Rule == "TI-SPOILER" && e.Step <= reached);
        }

        Assert.Multiple(() =>
        {
            Assert.That(on.Log.Where(e => e.Rule == "T2-SECRECY").Select(e => (e.Subject, e.Detail)), Is.EqualTo(new[] { ("truce", "made public by its signing") }));
            Assert.That(off.Log.Select(e => e.Rule), Has.None.EqualTo("T2-SECRECY"));
            Assert.That(AttacksBeforeTheTruce(on), Is.LessThan(AttacksBeforeTheTruce(off)));
        });
    }

    [Test]
    public void Media_off_leaves_the_public_untouched_by_events()
    {
        // In the step of an event, the public moves only through the media: contact reads the
        // links of the step before, outreach meetings of the step are not due in these months,
        // and the states act after the citizens. So with media off the citizens' summaries after
        // the event's step are those of the same run without the event; with media on they are not.
        var off = Load("media");
        var on = Load();

        Assert.Multiple(() =>
        {
            foreach (var (id, step) in new[] { ("summit", SummitStep), ("crisis", CrisisStep) })
            {
                var withEvent = Run(off);
                var withoutEvent = Without(off, id);
                var mediaOn = Run(on);
                var mediaOnWithoutEvent = Without(on, id);
                foreach (string metric in CitizenMetrics)
                {
                    foreach (string state in States)
                    {
                        Assert.That(Values(withEvent, metric, state)[step + 1], Is.EqualTo(Values(withoutEvent, metric, state)[step + 1]), $"media off: {metric} {state} after {id}");
                    }
                }

                Assert.That(Values(mediaOn, "public_trust", "AA")[step + 1], Is.Not.EqualTo(Values(mediaOnWithoutEvent, "public_trust", "AA")[step + 1]), $"media on: {id} moves public trust");
            }

            Assert.That(Values(AllOn.Value, "public_trust", "AA")[CrisisStep + 1], Is.LessThan(Values(Without(on, "crisis"), "public_trust", "AA")[CrisisStep + 1]), "a crisis lowers public trust through the media");
        });
    }

    [Test]
    public void Audience_pressure_off_lowers_posture_from_the_first_step_and_leaves_the_public_alone_in_it()
    {
        var on = AllOn.Value;
        var off = Off("audience_pressure");

        Assert.Multiple(() =>
        {
            foreach (string state in States)
            {
                Assert.That(Values(off, "posture", state)[1], Is.LessThan(Values(on, "posture", state)[1]), state);
                foreach (string metric in CitizenMetrics)
                {
                    // The states act after the citizens in a step: the public of the first step is the same.
                    Assert.That(Values(off, metric, state)[1], Is.EqualTo(Values(on, metric, state)[1]), $"{metric} {state}");
                }
            }
        });
    }

    [Test]
    public void Outreach_off_changes_nothing_before_the_first_meeting_and_lowers_public_trust_after()
    {
        var on = AllOn.Value;
        var off = Off("outreach");
        int firstMeeting = Array.FindIndex(Values(on, "meetings_held", "talks"), v => v > 0);

        Assert.Multiple(() =>
        {
            Assert.That(firstMeeting, Is.GreaterThan(0));
            Assert.That(FirstDifference(on, off), Is.EqualTo(firstMeeting), "outreach starts with the first meeting");
            foreach (string state in States)
            {
                Assert.That(Values(off, "public_trust", state)[^1], Is.LessThan(Values(on, "public_trust", state)[^1]), state);
            }
        });
    }

    [Test]
    public void Contact_off_lowers_public_trust()
    {
        // Spoiler attacks are random draws whose timing any change of the run moves; both runs go
        // without them so the comparison is of contact alone.
        var on = Run(Load("spoilers"));
        var off = Run(Load("spoilers", "contact"));

        Assert.Multiple(() =>
        {
            foreach (string state in States)
            {
                Assert.That(Values(off, "public_trust", state)[^1], Is.LessThan(Values(on, "public_trust", state)[^1]), state);
            }
        });
    }

    [Test]
    public void Social_influence_off_leaves_the_public_more_polarized()
    {
        var off = Off("social_influence");

        Assert.Multiple(() =>
        {
            foreach (string state in States)
            {
                Assert.That(Values(off, "polarization", state)[^1], Is.GreaterThan(Values(AllOn.Value, "polarization", state)[^1]), state);
            }
        });
    }

    [Test]
    public void Opinion_noise_off_leaves_the_public_less_polarized()
    {
        var off = Off("opinion_noise");

        Assert.Multiple(() =>
        {
            foreach (string state in States)
            {
                Assert.That(Values(off, "polarization", state)[^1], Is.LessThan(Values(AllOn.Value, "polarization", state)[^1]), state);
            }
        });
    }

    [Test]
    public void Functional_growth_off_acts_from_the_second_step_and_leaves_higher_postures()
    {
        // Links grow at the end of a step, after contact and posture have read them. Both runs go
        // without spoilers, whose random timing any change of the run moves.
        var on = Run(Load("spoilers"));
        var off = Run(Load("spoilers", "functional_growth"));

        Assert.Multiple(() =>
        {
            Assert.That(FirstDifference(on, off), Is.EqualTo(2));
            foreach (string state in States)
            {
                Assert.That(Values(off, "posture", state)[^1], Is.GreaterThan(Values(on, "posture", state)[^1]), state);
            }
        });
    }
}

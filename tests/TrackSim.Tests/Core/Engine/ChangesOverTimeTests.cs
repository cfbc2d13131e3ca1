using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// What changes over a run changes the result in the expected direction: a government that bans
/// contacts stops its nationals' meetings and their texts, a more receptive government adopts
/// more recommendations, a participant group that leaves stops meeting, an upgrade to Track 1.5
/// gets more recommendations adopted, participants co-opted by an event stop agreeing on the core
/// topic, and a coup lowers its government's readiness. Each case compares a run with the change
/// and the same run without it, on the same random numbers.
/// </summary>
public sealed class ChangesOverTimeTests
{
    // Monthly from 2000-01: January 2003 is step 36, recorded at point 37.
    private const int ChangeStep = 36;

    /// <summary>
    /// Two states over eight years with an initiative that meets every two months whatever the
    /// tension and agrees on its peripheral topic (independent participants, little anchored), so
    /// that its recommendations keep reaching the governments, and an agreement on that topic.
    /// </summary>
    private const string Forum = """
        calendar: { start: 2000-01, end: 2007-12, step: month }
        states:
          - { id: AA }
          - { id: BB }
        citizens: { per_state: 50, network: { mean_degree: 4 } }
        initiatives:
          - id: forum
            start: 2000-01
            meeting_interval: 2 months
            resilience: 1
            topics: [ { id: trade } ]
            participants:
              - { state: AA, role: academic, count: 3, access: 0.8 }
              - { state: BB, role: academic, count: 3, access: 0.8 }
        agreements:
          - { id: trade-pact, states: [AA, BB], kind: cbm, topic: trade }
        parameters:
          transfer: { receptivity: 0.3 }
        """;

    private static readonly string[] CoupLog = ["leadership hawkishness set to 0.9 by coup", "contacts with the other side banned by coup"];

    private static RunResult Run(string yaml, int replicate = 0) =>
        new Simulation(EngineScenarios.Load(yaml), replicate, 5, citizenThreads: 1).Run();

    /// <summary>The scenario with <paramref name="extra"/> added to state AA's entry.</summary>
    private static string WithAa(string extra) => Forum.Replace("  - { id: AA }", "  - { id: AA" + extra + " }", StringComparison.Ordinal);

    private static double[] Values(RunResult run, string metric, string subject) => [.. run.Get(metric, subject).Values];

    private static LogEntry[] After(RunResult run, string rule, int step) => [.. run.Log.Where(e => e.Rule == rule && e.Step >= step)];

    [Test]
    public void A_contacts_ban_stops_its_nationals_meetings_and_their_texts()
    {
        var open = Run(Forum);
        var banned = Run(WithAa(", governments: [ { from: 2003-01, leader: Hardline, contacts: banned } ]"));
        var meetings = Values(banned, "meetings_held", "forum");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(open, "meetings_held", "forum")[^1], Is.GreaterThan(Values(open, "meetings_held", "forum")[ChangeStep + 1]), "without the ban the forum keeps meeting");
            Assert.That(After(open, "T2-TRANSFER", ChangeStep), Is.Not.Empty, "and its recommendations keep reaching the governments");
            Assert.That(meetings[ChangeStep..], Has.All.EqualTo(meetings[ChangeStep]), "with the ban no meeting is held from its step on");
            Assert.That(meetings[ChangeStep], Is.GreaterThan(0), "before it, meetings were held");
            Assert.That(After(banned, "T2-TRANSFER", ChangeStep), Is.Empty, "and no recommendation reaches the governments");
            Assert.That(After(banned, "T2-MEET", ChangeStep).Select(e => e.Detail), Has.All.Contain("contacts banned by AA"));
            Assert.That(banned.Log.Single(e => e.Rule == "ST-GOVERNMENT").Step, Is.EqualTo(ChangeStep));
        }
    }

    [Test]
    public void A_more_receptive_government_adopts_more_recommendations()
    {
        // Receptivity 0.3 for both; from 2003 AA's new government is fully receptive. The mean
        // receptivity rises from 0.3 to 0.65, so each recommendation is adopted about twice as often.
        string receptive = WithAa(", governments: [ { from: 2003-01, leader: Open, receptivity: 1 } ]");
        double before = 0;
        double after = 0;
        for (int r = 0; r < 8; r++)
        {
            before += Values(Run(Forum, r), "recommendations_adopted", "forum")[^1];
            after += Values(Run(receptive, r), "recommendations_adopted", "forum")[^1];
        }

        Assert.That(after, Is.GreaterThan(before * 1.3), $"adopted over 8 replicates: {before} without, {after} with the new government");
    }

    [Test]
    public void A_participant_group_that_leaves_stops_meeting()
    {
        var stays = Run(Forum);
        var leaves = Run(Forum.Replace("{ state: BB, role: academic, count: 3, access: 0.8 }", "{ state: BB, role: academic, count: 3, access: 0.8, until: 2002-12 }", StringComparison.Ordinal));
        var meetings = Values(leaves, "meetings_held", "forum");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(stays, "meetings_held", "forum")[^1], Is.GreaterThan(meetings[^1]));
            Assert.That(meetings[ChangeStep..], Has.All.EqualTo(meetings[ChangeStep]), "no meeting after BB's group left");
            Assert.That(Values(leaves, "track2_trust", "forum")[(ChangeStep + 1)..], Has.All.Zero, "no pair of members across the sides is left");
            Assert.That(After(leaves, "T2-TRANSFER", ChangeStep), Is.Empty);
        }
    }

    /// <summary>The scenario with one event in January 2003.</summary>
    private static string WithEvent(string evt) => Forum + "\nevents:\n  - " + evt + "\n";

    [Test]
    public void An_upgrade_to_track_one_and_a_half_gets_more_recommendations_adopted()
    {
        // Participants of low access (0.2); officials join in 2003 and every participant's access
        // rises to 0.9, so each recommendation is adopted several times as often.
        string low = Forum.Replace("access: 0.8", "access: 0.2", StringComparison.Ordinal);
        string upgraded = low + "\nevents:\n  - { id: officials, date: 2003-01, kind: track2, actors: [AA, BB], effects: { upgrade_initiatives: { forum: 0.9 } } }\n";
        double before = 0;
        double after = 0;
        for (int r = 0; r < 8; r++)
        {
            before += Values(Run(low, r), "recommendations_adopted", "forum")[^1];
            after += Values(Run(upgraded, r), "recommendations_adopted", "forum")[^1];
        }

        Assert.That(after, Is.GreaterThan(before * 1.5), $"adopted over 8 replicates: {before} without, {after} with the upgrade");
    }

    [Test]
    public void Participants_co_opted_by_an_event_stop_agreeing_on_the_core_topic()
    {
        // Independent participants (alignment 0) agree on the core topic too; in 2003 their
        // governments bring them into line (alignment 1), and the anchor pulls them apart again.
        string independent = Forum
            .Replace("topics: [ { id: trade } ]", "topics: [ { id: trade }, { id: border, core: true } ]", StringComparison.Ordinal)
            .Replace("access: 0.8 }", "access: 0.8, alignment: 0 }", StringComparison.Ordinal);
        var free = Run(independent);
        var coopted = Run(independent + "\nevents:\n  - { id: line, date: 2003-01, kind: domestic, actors: [AA, BB], effects: { participants: [ { initiative: forum, alignment: 1 } ] } }\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(free, "track2_agreement", "forum")[ChangeStep], Is.EqualTo(1), "both topics agreed before 2003");
            Assert.That(Values(free, "track2_agreement", "forum")[^1], Is.EqualTo(1), "and after, without the event");
            Assert.That(Values(coopted, "track2_agreement", "forum")[^1], Is.EqualTo(0.5), "the core topic is lost, trade is still agreed");
        }
    }

    [Test]
    public void A_coup_that_bans_contacts_stops_the_meetings_and_lowers_readiness()
    {
        var calm = Run(Forum);
        var coup = Run(WithEvent("{ id: coup, date: 2003-01, kind: domestic, severity: 0.8, actors: [AA], effects: { hawkishness: { AA: 0.9 }, contacts: { AA: banned } } }"));
        var meetings = Values(coup, "meetings_held", "forum");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(meetings[ChangeStep..], Has.All.EqualTo(meetings[ChangeStep]), "no meeting after the coup");
            Assert.That(Values(coup, "readiness", "AA-BB")[ChangeStep + 1], Is.LessThan(Values(calm, "readiness", "AA-BB")[ChangeStep + 1]), "a hawkish junta that hears no back channel is less ready");
            Assert.That(coup.Log.Where(e => e.Subject == "AA").Select(e => e.Detail), Is.EqualTo(CoupLog));
        }
    }

    [Test]
    public void A_shock_injected_while_a_run_goes_bans_contacts_from_the_next_step()
    {
        var run = new Simulation(EngineScenarios.Load(Forum), 0, 5, citizenThreads: 1);
        var coup = new EventSpec("coup", "Coup", "Coup", new DateOnly(2001, 1, 1), null, EventKind.Domestic, 0.7, ["AA"], EventEffects.None with
        {
            Contacts = ImmutableSortedDictionary<string, ContactPolicy>.Empty.Add("AA", ContactPolicy.Banned),
        }, null);
        run.Step();
        run.Inject(coup);
        run.Step();

        Assert.That(run.World.States[0].ContactsBanned, Is.True);
    }

    [Test]
    public void An_injected_event_that_names_no_state_of_the_scenario_is_refused()
    {
        var run = new Simulation(EngineScenarios.Load(Forum), 0, 5, citizenThreads: 1);
        var coup = new EventSpec("coup", "Coup", "Coup", new DateOnly(2001, 1, 1), null, EventKind.Domestic, 0.7, ["AA"], EventEffects.None with
        {
            Contacts = ImmutableSortedDictionary<string, ContactPolicy>.Empty.Add("ZZ", ContactPolicy.Banned),
        }, null);

        Assert.That(() => run.Inject(coup), Throws.ArgumentException.With.Message.Contains("'ZZ'"));
    }

    [Test]
    public void A_scenario_without_periods_or_dates_runs_as_before()
    {
        // The same scenario with a government period that repeats the parameters from the first
        // day and a group whose dates cover the whole run records exactly the same run.
        var plain = Run(Forum);
        var explicitly = Run(WithAa(", governments: [ { from: 2000-01, leader: Same, receptivity: 0.3 } ]")
            .Replace("{ state: BB, role: academic, count: 3, access: 0.8 }", "{ state: BB, role: academic, count: 3, access: 0.8, from: 1990-01, until: 2030-12 }", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            foreach (var series in plain.Series)
            {
                Assert.That(explicitly.Get(series.Key.Metric, series.Key.Subject).Values, Is.EqualTo(series.Values), $"{series.Key.Metric} {series.Key.Subject}");
            }

            Assert.That(explicitly.Log, Is.EqualTo(plain.Log));
        }
    }
}

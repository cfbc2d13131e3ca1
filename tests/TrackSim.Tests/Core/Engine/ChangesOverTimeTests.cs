using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// What changes over a run changes the result in the expected direction: a government that bans
/// contacts stops its nationals' meetings and their texts, a more receptive government adopts
/// more recommendations, and a participant group that leaves stops meeting. Each case compares a
/// run with the change and the same run without it, on the same random numbers.
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

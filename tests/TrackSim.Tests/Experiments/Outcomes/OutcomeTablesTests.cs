using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Outcomes;
using TrackSim.Reporting.Outcomes;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Experiments.Outcomes;

/// <summary>
/// agreements.csv, agreement-targets.csv, dialogue.csv and the agreement rows of effects.csv,
/// computed from hand-made event logs whose shares, dates and months are worked out by hand.
/// </summary>
public sealed class OutcomeTablesTests
{
    private const string Yaml = """
        name: pact
        title: Pact test
        calendar: { start: 2000-01, end: 2004-12, step: month }
        states:
          - { id: AA, name: Atlantis }
          - { id: BB, name: Borduria }
        citizens: { per_state: 50 }
        agreements:
          - { id: truce, name: "Truce, at last", label: Truce, states: [AA, BB], kind: ceasefire, historical: [2001-03-15, 2003-06] }
          - { id: pact, name: The pact, label: Pact, states: [AA, BB], kind: cbm, historical: [2002-01] }
          - { id: never, name: Never signed, label: Never, states: [AA, BB], kind: declaration }
        variants:
          - name: no-pact
            description: Without the pact.
            remove_agreements: [pact]
        """;

    private static readonly Scenario Pact = Load();

    // Step k of the calendar starts on the first of month k after January 2000.
    private static LogEntry Entry(int step, string rule, string subject, string detail) =>
        new(step, new DateOnly(2000, 1, 1).AddMonths(step), rule, subject, detail);

    private static LogEntry Reached(int step, string agreement) =>
        Entry(step, "TI-AGREE", agreement, $"reached: {agreement} (readiness 0.3, needs 0.2)");

    private static LogEntry Collapsed(int step, string agreement) =>
        Entry(step, "TI-AGREE", agreement, $"collapsed: {agreement} (strength 0.2 below 0.25; tension 0.7)");

    private static RunResult Run(string variant, int replicate, params LogEntry[] log) =>
        new(variant, replicate, [.. Enumerable.Range(0, 61).Select(k => new DateOnly(2000, 1, 1).AddMonths(k))], [], [.. log]);

    /// <summary>
    /// Base, four replicates: (0) the truce in 2001-03, collapsed in 2001-09, again in 2003-06, and
    /// the pact in 2002-01, with the signing's own EVENT line, which is not a reach; (1) the truce
    /// in 2000-03; (2) the truce in 2002-04 and the pact in 2003-02, scripted; (3) nothing.
    /// No-pact: only replicate 0 reaches the truce, in 2001-03.
    /// </summary>
    private static EnsembleResult Ensemble()
    {
        RunResult[] runs =
        [
            Run("base", 0, Reached(14, "truce"), Entry(15, "EVENT", "truce", "Truce, at last (agreement, severity 0.6)"), Collapsed(20, "truce"),
                Reached(24, "pact"), Entry(25, "EVENT", "pact", "reached: the pact's signing, logged as an event"), Reached(41, "truce")),
            Run("base", 1, Entry(1, "T2-MEET", "talks", "meeting held; agreement on 1 of 2 topics"), Reached(2, "truce")),
            Run("base", 2, Reached(27, "truce"), Entry(37, "TI-AGREE", "pact", "reached: The pact (scripted by deal)")),
            Run("base", 3),
            Run("no-pact", 0, Reached(14, "truce")),
            Run("no-pact", 1),
            Run("no-pact", 2),
            Run("no-pact", 3),
        ];
        return new EnsembleResult(Pact, ["base", "no-pact"], 4, 7, [.. runs]);
    }

    [Test]
    public void Agreements_give_the_share_reached_and_the_quantiles_of_the_first_reach()
    {
        var rows = AgreementTable.Compute(Ensemble());

        Assert.That(rows.Select(r => (r.Variant, r.Agreement)), Is.EqualTo(new[]
        {
            ("base", "truce"), ("base", "pact"), ("base", "never"), ("no-pact", "truce"), ("no-pact", "never"),
        }));
        var truce = rows[0];
        var pact = rows[1];
        var never = rows[2];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(truce.Historical, Is.EqualTo(new[] { new DateOnly(2001, 3, 15), new DateOnly(2003, 6, 1) }));
            Assert.That(truce.Replicates, Is.EqualTo(4));
            Assert.That(truce.ReachedShare, Is.EqualTo(0.75));

            // First reaches 2000-03-01, 2001-03-01 and 2002-04-01 (365 and 396 days apart): the
            // 5th percentile is 0.1 of the way along the first gap (36.5 days, rounded up to 37),
            // the 95th 0.9 along the second (356.4 days, rounded to 356).
            Assert.That(truce.FirstReachedP05, Is.EqualTo(new DateOnly(2000, 4, 7)));
            Assert.That(truce.FirstReachedP50, Is.EqualTo(new DateOnly(2001, 3, 1)));
            Assert.That(truce.FirstReachedP95, Is.EqualTo(new DateOnly(2002, 2, 20)));
            Assert.That(truce.MeanTimesReached, Is.EqualTo(1.0));
            Assert.That(truce.CollapsedShare, Is.EqualTo(0.25));
            Assert.That(truce.InForceAtEndShare, Is.EqualTo(0.75));
            Assert.That(truce.ScriptedShare, Is.Zero);

            // 2002-01-01 and 2003-02-01, 396 days apart: the median is 198 days after the first.
            Assert.That(pact.ReachedShare, Is.EqualTo(0.5));
            Assert.That(pact.FirstReachedP50, Is.EqualTo(new DateOnly(2002, 7, 18)));
            Assert.That(pact.MeanTimesReached, Is.EqualTo(0.5));
            Assert.That(pact.ScriptedShare, Is.EqualTo(0.25));

            Assert.That(never.Historical, Is.Empty);
            Assert.That(never.ReachedShare, Is.Zero);
            Assert.That((never.FirstReachedP05, never.FirstReachedP50, never.FirstReachedP95), Is.EqualTo(((DateOnly?)null, (DateOnly?)null, (DateOnly?)null)));

            Assert.That(rows[3].ReachedShare, Is.EqualTo(0.25));
            Assert.That(rows[3].FirstReachedP50, Is.EqualTo(new DateOnly(2001, 3, 1)));
        }
    }

    [Test]
    public void Targets_give_the_share_within_12_months_and_the_months_to_the_nearest_reach()
    {
        var rows = AgreementTable.Targets(Ensemble());

        Assert.That(rows.Select(r => (r.Variant, r.Agreement, r.Target)), Is.EqualTo(new[]
        {
            ("base", "truce", new DateOnly(2001, 3, 15)), ("base", "truce", new DateOnly(2003, 6, 1)), ("base", "pact", new DateOnly(2002, 1, 1)),
            ("no-pact", "truce", new DateOnly(2001, 3, 15)), ("no-pact", "truce", new DateOnly(2003, 6, 1)),
        }));
        using (Assert.EnterMultipleScope())
        {
            // 2001-03-15 is in the step of 2001-03. Nearest reaches: 0 (in its month), -12 (2000-03,
            // just inside), +13 (2002-04, just outside), none.
            Assert.That(rows[0].WithinShare, Is.EqualTo(0.5));
            Assert.That(rows[0].Reached, Is.EqualTo(3));
            Assert.That(rows[0].OffsetP05, Is.EqualTo(-10.8).Within(1e-12));
            Assert.That(rows[0].OffsetP50, Is.EqualTo(0.0));
            Assert.That(rows[0].OffsetP95, Is.EqualTo(11.7).Within(1e-12));

            // 2003-06: 0 (replicate 0's second reach), -39, -14.
            Assert.That(rows[1].WithinShare, Is.EqualTo(0.25));
            Assert.That(rows[1].OffsetP05, Is.EqualTo(-36.5).Within(1e-12));
            Assert.That(rows[1].OffsetP50, Is.EqualTo(-14.0));
            Assert.That(rows[1].OffsetP95, Is.EqualTo(-1.4).Within(1e-12));

            // 2002-01: 0 and +13 (the scripted reach counts as a reach).
            Assert.That(rows[2].WithinShare, Is.EqualTo(0.25));
            Assert.That(rows[2].Reached, Is.EqualTo(2));
            Assert.That(rows[2].OffsetP50, Is.EqualTo(6.5));

            Assert.That(rows[3].WithinShare, Is.EqualTo(0.25));
            Assert.That(rows[4].WithinShare, Is.Zero);
            Assert.That(rows[4].OffsetP50, Is.EqualTo(-27.0));
        }
    }

    [Test]
    public void The_nearest_of_two_equally_near_reaches_is_the_earlier()
    {
        var history = AgreementHistory.Of(OutcomeLog.Agreements(Run("base", 0, Reached(10, "truce"), Reached(18, "truce"))));

        Assert.That(AgreementTable.NearestOffset(Pact.Calendar, history, new DateOnly(2001, 3, 31)), Is.EqualTo(-4.0));
    }

    [Test]
    public void Effects_compare_each_variant_with_the_base_pair_by_pair()
    {
        var rows = AgreementTable.Effects(Ensemble());

        // The pact is not on no-pact's table, so it has no rows.
        Assert.That(rows.Select(r => (r.Variant, r.Metric, r.Subject, r.Window)), Is.EqualTo(new[]
        {
            ("no-pact", "agreement_reached", "truce", "whole"),
            ("no-pact", "agreement_reached", "truce", "within_12_months:2001-03-15"),
            ("no-pact", "agreement_reached", "truce", "within_12_months:2003-06-01"),
            ("no-pact", "agreement_reached", "never", "whole"),
        }));
        using (Assert.EnterMultipleScope())
        {
            // Reached: base 1, 1, 1, 0; no-pact 1, 0, 0, 0.
            Assert.That((rows[0].N, rows[0].MeanBase, rows[0].MeanVariant, rows[0].MeanDifference, rows[0].FractionHigher), Is.EqualTo((4, 0.75, 0.25, -0.5, 0.0)));

            // Within 12 months of 2001-03-15: base 1, 1, 0, 0; no-pact 1, 0, 0, 0.
            Assert.That((rows[1].MeanBase, rows[1].MeanVariant), Is.EqualTo((0.5, 0.25)));
            Assert.That((rows[2].MeanBase, rows[2].MeanVariant), Is.EqualTo((0.25, 0.0)));
            Assert.That((rows[3].MeanBase, rows[3].MeanVariant, rows[3].MeanDifference), Is.EqualTo((0.0, 0.0, 0.0)));
        }
    }

    [Test]
    public void Effects_csv_carries_the_agreement_rows_after_the_metrics()
    {
        var rows = EffectsTable.Compute(Ensemble());

        Assert.That(rows.Count(r => r.Metric == AgreementTable.ReachedMetric), Is.EqualTo(4));
    }

    [Test]
    public void Dialogue_counts_suspensions_lapses_and_resumptions_and_the_months_to_resume()
    {
        RunResult[] runs =
        [
            Run("base", 0,
                Entry(10, "TI-TALKS", "AA-BB", "dialogue suspended by AA after a hostile event of severity 0.8 (tolerance 0.5 + readiness 0.2)"),
                Entry(12, "EVENT", "AA-BB", "dialogue suspended, says an event that is not the rule"),
                Entry(16, "TI-TALKS", "AA-BB", "dialogue resumed: both governments ready (readiness 0.3 and 0.3, at least 0.25; 1 Track II meetings during the suspension)"),
                Entry(30, "TI-TALKS", "AA-BB", "dialogue lapsed: readiness 0.1 below 0.15"),
                Entry(39, "TI-TALKS", "AA-BB", "dialogue resumed by thaw (scripted)")),
            Run("base", 1, Entry(50, "TI-TALKS", "AA-BB", "dialogue suspended by raid (scripted)")),
            Run("base", 2),
            Run("base", 3),
        ];
        var ensemble = new EnsembleResult(Pact, ["base"], 4, 7, [.. runs]);

        var row = DialogueTable.Compute(ensemble).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((row.Variant, row.Dyad, row.Replicates), Is.EqualTo(("base", "AA-BB", 4)));
            Assert.That((row.MeanSuspensions, row.MeanLapses, row.MeanResumptions), Is.EqualTo((0.75, 0.25, 0.5)));

            // Two suspensions resumed after 6 and 9 months; one still shut when the run ends.
            Assert.That((row.Suspensions, row.Resumed), Is.EqualTo((3, 2)));
            Assert.That(row.MonthsToResumeP05, Is.EqualTo(6.15).Within(1e-12));
            Assert.That(row.MonthsToResumeP50, Is.EqualTo(7.5));
            Assert.That(row.MonthsToResumeP95, Is.EqualTo(8.85).Within(1e-12));
            Assert.That(OutcomeLog.Dialogue(runs[0]).Select(c => (c.Kind, c.Scripted)), Is.EqualTo(new[]
            {
                (DialogueChangeKind.Suspended, false), (DialogueChangeKind.Resumed, false), (DialogueChangeKind.Lapsed, false), (DialogueChangeKind.Resumed, true),
            }));
        }
    }

    [Test]
    public void An_entry_of_the_two_rules_that_is_no_known_change_is_an_error_not_skipped()
    {
        var agreement = Run("base", 0, Entry(3, "TI-AGREE", "truce", "eroding: Truce"));
        var talks = Run("base", 0, Entry(3, "TI-TALKS", "AA-BB", "dialogue paused"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => OutcomeLog.Agreements(agreement), Throws.TypeOf<InvalidDataException>().With.Message.Contains("eroding: Truce"));
            Assert.That(() => OutcomeLog.Dialogue(talks), Throws.TypeOf<InvalidDataException>().With.Message.Contains("dialogue paused"));
        }
    }

    [TestCase(2001, 3, 1, 2001, 3, 1, 0.0)]
    [TestCase(2001, 3, 1, 2002, 4, 1, 13.0)]
    [TestCase(2003, 6, 1, 2000, 3, 1, -39.0)]
    [TestCase(2001, 1, 31, 2001, 3, 1, 2 - (30 / 30.436875))]
    public void Months_between_dates_are_whole_calendar_months_and_the_days_over_a_mean_month(int y0, int m0, int d0, int y1, int m1, int d1, double months) =>
        Assert.That(OutcomeLog.MonthsBetween(new DateOnly(y0, m0, d0), new DateOnly(y1, m1, d1)), Is.EqualTo(months).Within(1e-12));

    [Test]
    public void The_csv_files_write_shares_dates_and_empty_cells()
    {
        var ensemble = Ensemble();
        using var agreements = new StringWriter();
        using var targets = new StringWriter();
        using var dialogue = new StringWriter();

        AgreementsCsv.Write(agreements, AgreementTable.Compute(ensemble));
        AgreementTargetsCsv.Write(targets, AgreementTable.Targets(ensemble));
        DialogueCsv.Write(dialogue, DialogueTable.Compute(ensemble));

        string[] a = agreements.ToString().Split('\n');
        string[] t = targets.ToString().Split('\n');
        string[] d = dialogue.ToString().Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a[0], Is.EqualTo(AgreementsCsv.Header));
            Assert.That(a[1], Is.EqualTo("base,truce,\"Truce, at last\",2001-03-15;2003-06-01,4,0.75,2000-04-07,2001-03-01,2002-02-20,1,0.25,0.75,0"));
            Assert.That(a[3], Is.EqualTo("base,never,Never signed,,4,0,,,,0,0,0,0"));
            Assert.That(t[0], Is.EqualTo(AgreementTargetsCsv.Header));
            Assert.That(t[3], Is.EqualTo("base,pact,2002-01-01,4,0.25,2,0.65,6.5,12.35"));
            Assert.That(d[0], Is.EqualTo(DialogueCsv.Header));
            Assert.That(d[1], Is.EqualTo("base,AA-BB,4,0,0,0,0,0,,,"));
            Assert.That(d[^1], Is.Empty, "every line ends with LF");
        }
    }

    private static Scenario Load()
    {
        var result = ScenarioLoader.LoadText(Yaml, "pact.yaml");
        Assert.That(result.Errors, Is.Empty, "the test scenario must be valid");
        return result.Scenario!;
    }
}

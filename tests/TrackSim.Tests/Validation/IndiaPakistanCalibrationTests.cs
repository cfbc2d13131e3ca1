using System.Globalization;
using System.Text.RegularExpressions;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Outcomes;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The India-Pakistan scenario against the observed patterns and the official outcomes of the
/// period (docs/VALIDATION.md), on the scenario's own seed and 20 replicates: the ensemble median
/// of its base run for the calibration targets, which hold with a margin on this seed and on a
/// 40-replicate ensemble; the base, no-track2 and realist-lens runs for the agreements and the
/// dialogue, whose numbers the page states and the tests below recompute, so the page cannot drift.
/// </summary>
[TestFixture]
public sealed partial class IndiaPakistanCalibrationTests
{
    private const string Dyad = "IN-PK";

    private static readonly string[] OutcomeVariants = ["base", "no-track2", "realist-lens"];

    private Scenario _scenario = null!;
    private EnsembleResult _ensemble = null!;
    private RunResult[] _runs = [];

    [OneTimeSetUp]
    public void RunTheEnsemble()
    {
        var result = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"));
        Assert.That(result.Errors, Is.Empty);
        _scenario = result.Scenario!;

        // Variants share the base's random streams replicate by replicate: the base runs are the
        // same whichever variants run beside them.
        _ensemble = Ensemble.Run(_scenario, new EnsembleOptions { Threads = 2, Variants = OutcomeVariants });
        _runs = [.. _ensemble.RunsOf("base").OrderBy(r => r.Replicate)];
    }

    private static int Point(int year, int month) => ((year - 1984) * 12) + month - 1;

    private double Median(string metric, string subject, int point)
    {
        var values = _runs.Select(r => r.Get(metric, subject).Values[point]).Order().ToArray();
        return (values[(values.Length - 1) / 2] + values[values.Length / 2]) / 2;
    }

    private double Public(int point) => (Median("public_trust", "IN", point) + Median("public_trust", "PK", point)) / 2;

    private double YearPublic(int year) => Enumerable.Range(Point(year, 1), 12).Average(Public);

    private double YearTension(int year) => Enumerable.Range(Point(year, 1), 12).Average(k => Median("tension", Dyad, k));

    private double PeakTension(int year) => Enumerable.Range(Point(year, 1), 12).Max(k => Median("tension", Dyad, k));

    [Test]
    public void Public_trust_stays_low_on_both_sides()
    {
        // Pew: 13-33 % favourable in every survey year; a mean trust below one half is "low".
        double highest = Enumerable.Range(0, _runs[0].Dates.Length).Max(k => Math.Max(Median("public_trust", "IN", k), Median("public_trust", "PK", k)));
        Assert.That(highest, Is.LessThan(0.5));
    }

    [TestCase(2001, 12, TestName = "Public trust falls after the Parliament attack")]
    [TestCase(2008, 11, TestName = "Public trust falls after the Mumbai attacks")]
    [TestCase(2016, 1, TestName = "Public trust falls after Pathankot")]
    [TestCase(2016, 9, TestName = "Public trust falls after Uri")]
    [TestCase(2019, 2, TestName = "Public trust falls after Pulwama")]
    public void Public_trust_falls_after_a_major_attack(int year, int month)
    {
        // Three months after the attack against the month it happened in.
        Assert.That(Public(Point(year, month) + 3), Is.LessThan(Public(Point(year, month)) - 0.03));
    }

    [Test]
    public void Public_trust_rises_from_2011_to_2012() =>
        Assert.That(YearPublic(2012), Is.GreaterThan(YearPublic(2011)));

    [Test]
    public void Public_trust_falls_from_2013_2014_to_2017() =>
        Assert.That(YearPublic(2017), Is.LessThan(((YearPublic(2013) + YearPublic(2014)) / 2) - 0.05));

    [Test]
    public void Tension_is_lower_in_2004_2007_than_in_1999_2002() =>
        Assert.That(Enumerable.Range(2004, 4).Average(YearTension), Is.LessThan(Enumerable.Range(1999, 4).Average(YearTension) - 0.1));

    [TestCase(1990, 1988, TestName = "Tension peaks in the 1990 crisis")]
    [TestCase(1999, 1998, TestName = "Tension peaks in Kargil")]
    [TestCase(2002, 1998, TestName = "Tension peaks in Operation Parakram")]
    [TestCase(2009, 2007, TestName = "Tension peaks after Mumbai")]
    [TestCase(2016, 2015, TestName = "Tension peaks after Uri")]
    [TestCase(2019, 2018, TestName = "Tension peaks with Pulwama and Balakot")]
    public void Tension_peaks_in_the_named_crises(int crisisYear, int calmYear) =>
        Assert.That(PeakTension(crisisYear), Is.GreaterThan(YearTension(calmYear) + 0.1));

    /// <summary>
    /// The tension peak comes at the crisis, not later: over the state at the end of the event's
    /// last month and the 12 months after (the values recorded from the first day after that
    /// month, each the state after the step before its date), the peak lies at most 3 months
    /// after the end of the last month, both as the median over replicates of each run's peak and
    /// as the peak of the median series.
    /// </summary>
    [TestCase(1999, 7, TestName = "Tension peaks within 3 months of Kargil (1999-05 to 1999-07)")]
    [TestCase(2001, 12, TestName = "Tension peaks within 3 months of the Parliament attack (2001-12)")]
    [TestCase(2008, 11, TestName = "Tension peaks within 3 months of Mumbai (2008-11)")]
    [TestCase(2016, 9, TestName = "Tension peaks within 3 months of Uri (2016-09)")]
    [TestCase(2019, 2, TestName = "Tension peaks within 3 months of Pulwama (2019-02)")]
    public void Tension_peaks_within_3_months_of_the_crisis(int lastYear, int lastMonth)
    {
        var (runPeaks, medianPeak) = PeakOffsets(lastYear, lastMonth);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantiles.Type7Unsorted(runPeaks, 0.5), Is.LessThanOrEqualTo(3), $"each run's peak, months after the end of the event: {string.Join(", ", runPeaks.Order())}");
            Assert.That(medianPeak, Is.LessThanOrEqualTo(3));
        }
    }

    /// <summary>
    /// Every change of the dialogue and of the agreements in force in the base runs is logged
    /// under its rule: replaying the TI-TALKS lines from the initial state gives the recorded
    /// <c>dialogue_open</c> at every point, each line a change; replaying the TI-AGREE lines gives
    /// <c>agreements_in_force</c>; no other rule logs a reach, a collapse or a dialogue change; and
    /// with no decided event in the scenario, none is scripted.
    /// </summary>
    [Test]
    public void Every_dialogue_change_and_agreement_in_the_base_runs_is_logged_under_its_rule()
    {
        Assert.That(_scenario.Events.Where(e => e.Decided).Select(e => e.Id), Is.Empty, "the scenario decides nothing");
        var agreementIds = _scenario.Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        int talks = 0;
        int agreements = 0;
        foreach (var run in _runs)
        {
            var open = run.Get("dialogue_open", Dyad).Values;
            var inForce = run.Get("agreements_in_force", Dyad).Values;
            bool state = open[0] >= 0.5;
            int count = (int)inForce[0];
            var dialogue = OutcomeLog.Dialogue(run);
            var agreed = OutcomeLog.Agreements(run);
            talks += dialogue.Length;
            agreements += agreed.Length;
            for (int step = 0; step + 1 < open.Length; step++)
            {
                foreach (var change in dialogue.Where(c => c.Step == step))
                {
                    if (change.Closes != state || change.Dyad != Dyad || change.Scripted)
                    {
                        problems.Add($"replicate {run.Replicate}, step {step}: TI-TALKS {change.Kind} of {change.Dyad} while {(state ? "open" : "shut")}{(change.Scripted ? ", scripted" : string.Empty)}");
                    }

                    state = !change.Closes;
                }

                foreach (var change in agreed.Where(c => c.Step == step))
                {
                    if (!agreementIds.Contains(change.Agreement) || change.Scripted)
                    {
                        problems.Add($"replicate {run.Replicate}, step {step}: TI-AGREE {change.Kind} of {change.Agreement}{(change.Scripted ? ", scripted" : string.Empty)}");
                    }

                    count += change.Kind == AgreementChangeKind.Reached ? 1 : -1;
                }

                if ((open[step + 1] >= 0.5) != state)
                {
                    problems.Add($"replicate {run.Replicate}, step {step}: dialogue_open is {open[step + 1]} but the TI-TALKS lines leave it {(state ? "open" : "shut")}");
                }

                if ((int)inForce[step + 1] != count)
                {
                    problems.Add($"replicate {run.Replicate}, step {step}: {inForce[step + 1]} agreements in force but the TI-AGREE lines count {count}");
                }
            }

            foreach (var entry in run.Log.Where(e => e.Rule != OutcomeLog.TalksRule && e.Rule != OutcomeLog.AgreementRule))
            {
                if (entry.Detail.StartsWith("reached:", StringComparison.Ordinal) || entry.Detail.StartsWith("collapsed:", StringComparison.Ordinal)
                    || DialogueChange().IsMatch(entry.Detail))
                {
                    problems.Add($"replicate {run.Replicate}, step {entry.Step}: {entry.Rule} logs \"{entry.Detail}\"");
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That((talks, agreements), Is.GreaterThan((0, 0)), "the base runs change the dialogue and reach agreements");
        }
    }

    [Test]
    public void The_official_outcomes_VALIDATION_md_states_are_those_of_the_runs()
    {
        string page = RepositoryFiles.Read("docs/VALIDATION.md");
        var section = Section(page, "## Official outcomes");
        var targets = AgreementTable.Targets(_ensemble);
        var reached = AgreementTable.Compute(_ensemble);
        var dialogue = DialogueTable.Compute(_ensemble);
        var problems = new List<string>();
        int rows = 0;

        foreach (var line in section.Split('\n'))
        {
            var cells = Cells(line);
            if (cells.Length < 1 + OutcomeVariants.Length)
            {
                continue;
            }

            var stated = cells[^OutcomeVariants.Length..];
            string key = cells[0];
            for (int v = 0; v < OutcomeVariants.Length; v++)
            {
                string variant = OutcomeVariants[v];
                if (AgreementId().Match(key) is { Success: true } id && DateOnly.TryParse(cells[1], CultureInfo.InvariantCulture, out var date))
                {
                    // "within (reached)": shares of runs within 12 months of the date and at all.
                    var row = targets.Single(r => r.Variant == variant && r.Agreement == id.Groups[1].Value && r.Target == date);
                    var all = reached.Single(r => r.Variant == variant && r.Agreement == row.Agreement);
                    Compare(problems, $"{row.Agreement} {cells[1]} {variant}", stated[v], ShareCell(), row.WithinShare, all.ReachedShare);
                    rows += v == 0 ? 1 : 0;
                }
                else if (key.StartsWith("all ", StringComparison.Ordinal))
                {
                    var own = targets.Where(r => r.Variant == variant).ToArray();
                    Compare(problems, $"{key} {variant}", stated[v], Number(), own.Average(r => r.WithinShare));
                    problems.AddRange(key == $"all {own.Length} targets" ? [] : [$"the page says \"{key}\"; there are {own.Length} targets"]);
                }
                else if (EventId().Match(key) is { Success: true } e)
                {
                    var spec = _scenario.Events.Single(x => x.Id == e.Groups[1].Value);
                    var (shut, notReopened, median) = Reopen(variant, spec);
                    var match = ReopenCell().Match(stated[v]);
                    if (!match.Success || match.Groups["shut"].Value != shut.ToString(CultureInfo.InvariantCulture) || match.Groups["never"].Value != notReopened.ToString(CultureInfo.InvariantCulture)
                        || !Agrees(match.Groups["median"].Value, median, 0.05))
                    {
                        problems.Add($"{spec.Id} {variant}: the page says \"{stated[v]}\", the runs give {Show(median)} ({shut} shut, {notReopened} not reopened)");
                    }

                    rows += v == 0 ? 1 : 0;
                }
                else if (key == "suspensions per run" || key == "resumptions per run" || key == "median months to resume" || key == "suspensions not resumed by the end")
                {
                    var row = dialogue.Single(r => r.Variant == variant && r.Dyad == Dyad);
                    if (key == "suspensions not resumed by the end")
                    {
                        string expected = $"{row.Suspensions - row.Resumed} of {row.Suspensions}";
                        problems.AddRange(stated[v] == expected ? [] : [$"{key} {variant}: the page says \"{stated[v]}\", the runs give {expected}"]);
                    }
                    else
                    {
                        double? actual = key switch
                        {
                            "suspensions per run" => row.MeanSuspensions,
                            "resumptions per run" => row.MeanResumptions,
                            _ => row.MonthsToResumeP50,
                        };
                        Compare(problems, $"{key} {variant}", stated[v], Number(), actual);
                    }

                    rows += v == 0 ? 1 : 0;
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);

            // 16 historical dates, 5 crises and 4 lines on the dialogue.
            Assert.That(rows, Is.EqualTo(targets.Count(r => r.Variant == "base") + 5 + 4), "every row of the section is checked");
        }
    }

    // Each run's peak and the median series' peak, in months after the end of the event's last month.
    private (double[] RunPeaks, int MedianPeak) PeakOffsets(int lastYear, int lastMonth)
    {
        int first = Point(lastYear, lastMonth) + 1;
        var window = Enumerable.Range(first, 13).ToArray();
        double[] runPeaks = [.. _runs.Select(r => (double)(window.MaxBy(k => r.Get("tension", Dyad).Values[k]) - first))];
        int medianPeak = window.MaxBy(k => Median("tension", Dyad, k)) - first;
        return (runPeaks, medianPeak);
    }

    /// <summary>
    /// For the runs of <paramref name="variant"/> in which the dialogue was shut during the event
    /// (suspended in one of its months, or already suspended when it began): how many, how many
    /// never reopened before the end, and the median months from the suspension (or the event's
    /// first month) to the next resumption.
    /// </summary>
    private (int Shut, int NotReopened, double? Median) Reopen(string variant, EventSpec e)
    {
        var calendar = _scenario.Calendar;
        var first = calendar.DateOf(calendar.StepOf(e.Date));
        var last = calendar.DateOf(calendar.StepOf(e.End ?? e.Date));
        int shut = 0;
        int never = 0;
        var months = new List<double>();
        foreach (var run in _ensemble.RunsOf(variant))
        {
            var changes = OutcomeLog.Dialogue(run).Where(c => c.Dyad == Dyad).ToArray();
            bool open = run.Get("dialogue_open", Dyad).Values[0] >= 0.5;
            foreach (var change in changes.Where(c => c.Date < first))
            {
                open = !change.Closes;
            }

            DateOnly? start = open ? changes.FirstOrDefault(c => c.Closes && c.Date >= first && c.Date <= last)?.Date : first;
            if (start is not { } from)
            {
                continue;
            }

            shut++;
            var next = changes.FirstOrDefault(c => c.Kind == DialogueChangeKind.Resumed && c.Date > from);
            if (next is null)
            {
                never++;
            }
            else
            {
                months.Add(OutcomeLog.MonthsBetween(from, next.Date));
            }
        }

        return (shut, never, months.Count == 0 ? null : Quantiles.Type7Unsorted(months, 0.5));
    }

    private static void Compare(List<string> problems, string what, string cell, Regex pattern, params double?[] actual)
    {
        var match = pattern.Match(cell);
        bool agrees = match.Success && actual.Select((a, i) => Agrees(match.Groups[i + 1].Value, a, 0.005 + 1e-9)).All(x => x);
        if (!agrees)
        {
            problems.Add($"{what}: the page says \"{cell}\", the runs give {string.Join(" and ", actual.Select(Show))}");
        }
    }

    // A stated number agrees with the runs' within rounding; a dash states that there is none.
    private static bool Agrees(string stated, double? actual, double tolerance) =>
        stated == "—" ? actual is null : actual is { } a && double.TryParse(stated, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && Math.Abs(s - a) <= tolerance;

    private static string Show(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "none";

    private static string Section(string page, string heading)
    {
        int start = page.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/VALIDATION.md has a section \"{heading}\"");
        int end = page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string[] Cells(string line) =>
        line.StartsWith('|') && line.EndsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal)
            ? [.. line[1..^1].Split('|').Select(c => c.Trim())]
            : [];

    [GeneratedRegex(@"^dialogue (suspended|lapsed|resumed)")]
    private static partial Regex DialogueChange();

    [GeneratedRegex(@"^`([a-z0-9-]+)`$")]
    private static partial Regex AgreementId();

    [GeneratedRegex(@"^`([a-z0-9-]+)`")]
    private static partial Regex EventId();

    [GeneratedRegex(@"^(\d\.\d\d) \((\d\.\d\d)\)$")]
    private static partial Regex ShareCell();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?|—)$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<median>\d+(?:\.\d+)?|—) \((?<shut>\d+) shut, (?<never>\d+) not reopened\)$")]
    private static partial Regex ReopenCell();
}

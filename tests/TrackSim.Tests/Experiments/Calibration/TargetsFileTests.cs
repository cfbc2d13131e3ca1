using TrackSim.Experiments.Calibration;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Experiments.Calibration;

/// <summary>Targets files: what is read, and the positioned messages for what is wrong.</summary>
public sealed class TargetsFileTests
{
    private const string Header = "id,kind,metric,subject,period,baseline,observed,tolerance,weight,source,why\n";

    private static string Problems(string rows)
    {
        var e = Assert.Throws<InvalidDataException>(() => TargetsFile.Parse(Header + rows, "t.csv"))!;
        return e.Message;
    }

    [Test]
    public void A_well_formed_file_is_read_with_its_periods_dates_and_weights()
    {
        var targets = TargetsFile.Parse(
            "# a comment\n" + Header
            + "a,level,tension,IN-PK,1999..2002-06,,0.5,0.1,2,\"src, with comma\",why\n"
            + "b,resumption,,IN-PK,2016-02..2021-12,,none,12,,src,why\n",
            "t.csv");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(targets, Has.Length.EqualTo(2));
            Assert.That(targets[0].Period, Is.EqualTo(new TargetPeriod(new DateOnly(1999, 1, 1), new DateOnly(2002, 6, 30))));
            Assert.That(targets[0].Weight, Is.EqualTo(2));
            Assert.That(targets[0].Source, Is.EqualTo("src, with comma"));
            Assert.That(targets[0].Line, Is.EqualTo(3));
            Assert.That(targets[1].Weight, Is.EqualTo(1));
            Assert.That(targets[1].ObservedDate, Is.Null);
            Assert.That(targets[1].Metric, Is.EqualTo("dialogue_open"));
        }
    }

    [TestCase("a,levle,tension,IN-PK,2001,,0.5,0.1,,s,w\n", "t.csv:2: kind: 'levle' is not a kind")]
    [TestCase("a,level,tensoin,IN-PK,2001,,0.5,0.1,,s,w\n", "t.csv:2: metric: no metric 'tensoin'")]
    [TestCase("a,level,tension,IN-PK,2001,,0.5,0,,s,w\n", "t.csv:2: tolerance: 0 must be above 0")]
    [TestCase("a,level,tension,IN-PK,2001-13,,0.5,0.1,,s,w\n", "t.csv:2: period: '2001-13' is not a period")]
    [TestCase("a,level,tension,IN-PK,2002..2001,,0.5,0.1,,s,w\n", "t.csv:2: period: the period '2002..2001' ends before it starts")]
    [TestCase("a,favourable,,IN>PK,2001,,33,0.1,,s,w\n", "t.csv:2: observed: a share is between 0 and 1, not 33")]
    [TestCase("a,peak,tension,IN-PK,2001,,2003-01,3,,s,w\n", "t.csv:2: observed: 2003-01-01 is outside the period")]
    [TestCase("a,agreement,,x,,,soon,12,,s,w\n", "t.csv:2: observed: 'soon' is not a date")]
    [TestCase("a,change,tension,IN-PK,2001,,-0.1,0.1,,s,w\n", "t.csv:2: baseline: a change target needs the baseline")]
    [TestCase("a,level,tension,IN-PK,2001,,0.5,0.1,,,w\n", "t.csv:2: source: empty")]
    [TestCase("a,level,tension,IN-PK,2001,,0.5,0.1,,s,\n", "t.csv:2: why: empty")]
    [TestCase("a,level,tension,IN-PK,2001,,0.5,0.1,s,w\n", "t.csv:2: 10 fields, expected 11")]
    [TestCase("a,level,tension,IN-PK,2001,,0.5,0.1,,s,w\na,level,tension,IN-PK,2002,,0.5,0.1,,s,w\n", "t.csv:3: id: 'a' is also the id of line 2")]
    public void A_wrong_row_is_named_by_line_and_column(string rows, string message) =>
        Assert.That(Problems(rows), Does.Contain(message));

    [Test]
    public void A_wrong_header_or_an_empty_file_is_refused()
    {
        Assert.That(() => TargetsFile.Parse("id,kind\n", "t.csv"), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("t.csv:1: the header must be"));
        Assert.That(() => TargetsFile.Parse(Header, "t.csv"), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("no targets"));
    }

    [Test]
    public void Targets_are_checked_against_the_scenario()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml")).Scenario!;
        var targets = TargetsFile.Parse(
            Header
            + "a,agreement,,no-such-treaty,,,2001-01,12,,s,w\n"
            + "b,level,tension,IN-CN,2001,,0.5,0.1,,s,w\n"
            + "c,favourable,,IN>US,2001,,0.5,0.1,,s,w\n"
            + "d,level,tension,IN-PK,2030,,0.5,0.1,,s,w\n"
            + "e,level,tension,IN-PK,2001,,0.5,0.1,,s,w\n",
            "t.csv");
        var problems = TargetEvaluator.Problems(targets, scenario, "t.csv");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Length.EqualTo(4));
            Assert.That(problems[0], Does.StartWith("t.csv:2: target 'a': the scenario has no agreement 'no-such-treaty'"));
            Assert.That(problems[1], Does.StartWith("t.csv:3: target 'b': tension is recorded for IN-PK, not 'IN-CN'"));
            Assert.That(problems[2], Does.StartWith("t.csv:4: target 'c': public trust is recorded for"));
            Assert.That(problems[3], Does.StartWith("t.csv:5: target 'd': the period 2030-01-01..2030-12-31 is not inside the run"));
        }
    }

    [Test]
    public void The_shipped_India_Pakistan_targets_fit_their_scenario_and_quote_the_survey_data()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml")).Scenario!;
        const string File = "data/targets/india-pakistan-1984-2021.csv";
        var targets = TargetsFile.Read(RepositoryFiles.PathOf(File));
        Assert.That(TargetEvaluator.Problems(targets, scenario, File), Is.Empty);

        // Every survey target is a row of data/public-opinion.csv (respondents, year, measure, percent).
        var survey = RepositoryFiles.Read("data/public-opinion.csv").Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (Holder: f[0] == "India" ? "IN>PK" : "PK>IN", Year: f[2], Measure: f[3], Value: double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) / 100))
            .ToList();
        var surveyTargets = targets.Where(t => t.Kind is TargetKind.Favourable or TargetKind.Unfavourable).ToList();
        Assert.That(surveyTargets, Has.Count.EqualTo(survey.Count(s => s.Measure is "favourable" or "unfavourable")));
        foreach (var t in surveyTargets)
        {
            string measure = t.Kind == TargetKind.Favourable ? "favourable" : "unfavourable";
            Assert.That(
                survey.Any(s => s.Holder == t.Subject && s.Year == t.Period!.First.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) && s.Measure == measure && Math.Abs(s.Value - t.Observed) < 1e-9),
                Is.True,
                $"{t.Id} quotes data/public-opinion.csv");
        }

        // Every dialogue period of a year or more in data/india-pakistan-dialogue.csv is a level target of its state.
        var periods = RepositoryFiles.Read("data/india-pakistan-dialogue.csv").Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Select(f => (From: f[0], To: f[1], Open: f[2] == "open"))
            .Select(p => (Period: TargetPeriod.Parse($"{p.From}..{p.To}", out _)!, p.Open))
            .Where(p => (p.Period.Last.Year * 12) + p.Period.Last.Month - (p.Period.First.Year * 12) - p.Period.First.Month + 1 >= 12)
            .ToHashSet();
        var dialogueTargets = targets.Where(t => t.Kind == TargetKind.Level && t.Metric == "dialogue_open").Select(t => (Period: t.Period!, Open: t.Observed == 1)).ToHashSet();
        Assert.That(periods, Has.Count.EqualTo(13));
        Assert.That(dialogueTargets, Is.EquivalentTo(periods));

        // Every historical agreement date of the scenario is a target.
        var agreementDates = scenario.Agreements.SelectMany(a => a.Historical.Select(d => (a.Id, d))).ToHashSet();
        Assert.That(targets.Where(t => t.Kind == TargetKind.Agreement).Select(t => (t.Subject, t.ObservedDate!.Value)).ToHashSet(), Is.EquivalentTo(agreementDates));
    }
}

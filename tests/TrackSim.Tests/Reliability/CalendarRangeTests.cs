using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Reliability;

/// <summary>validate and run agree at both ends of the dates a scenario may use.</summary>
[TestFixture]
public sealed class CalendarRangeTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    // The tiny scenario moved to another era: its initiative and events in the year of the
    // calendar's start, with a meeting interval long enough to schedule past 9999.
    private string Scenario(string name, string start, string end, string unit)
    {
        string year = start[..4];
        string yaml = TinyScenario.Yaml
            .Replace("calendar: { start: 2000-01, end: 2002-12, step: month }", $"calendar: {{ start: {start}, end: {end}, step: {unit} }}", StringComparison.Ordinal)
            .Replace("start: 2000-06", $"start: {year}-06\n    meeting_interval: 900 years", StringComparison.Ordinal)
            .Replace("date: 2001-03", $"date: {year}-03", StringComparison.Ordinal)
            .Replace("date: 2001-09, end: 2002-02", $"date: {year}-09, end: {year}-11", StringComparison.Ordinal);
        string path = _temp.File(name + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [TestCase("0001-01", "0002-12", "month", TestName = "Calendar_in_year_1_validates_and_runs_with_charts")]
    [TestCase("0050-01", "0052-12", "month", TestName = "Calendar_in_years_0050_to_0052_validates_and_runs_with_charts")]
    [TestCase("0099-01-01", "0100-06-30", "week", TestName = "Weekly_calendar_across_year_100_validates_and_runs_with_charts")]
    [TestCase("9997-01", "9999-11", "month", TestName = "Monthly_calendar_ending_in_9999_11_validates_and_runs_with_charts")]
    [TestCase("9999-01-01", "9999-12-24", "week", TestName = "Weekly_calendar_reaching_9999_12_validates_and_runs_with_charts")]
    [TestCase("9999-01-01", "9999-12-30", "day", TestName = "Daily_calendar_ending_9999_12_30_validates_and_runs_with_charts")]
    public void Calendar_at_the_edge_of_the_dates_runs(string start, string end, string unit)
    {
        string scenario = Scenario("edge", start, end, unit);
        var validate = CliRun.Of("validate", scenario);
        var run = CliRun.Of("run", scenario, "--out", _temp.File("out"), "-r", "1", "--format", "svg", "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validate.ExitCode, Is.EqualTo(0), validate.Error);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(Directory.Exists(_temp.File("out/charts")) ? Directory.GetFiles(_temp.File("out/charts"), "*.svg") : [], Is.Not.Empty);
        }
    }

    [TestCase("9997-01", "9999-12", "month", TestName = "Monthly_calendar_whose_last_step_ends_after_9999_is_refused_by_validate_and_run")]
    [TestCase("9999-01-01", "9999-12-31", "day", TestName = "Daily_calendar_ending_9999_12_31_is_refused_by_validate_and_run")]
    public void Calendar_past_the_last_date_is_refused_alike(string start, string end, string unit)
    {
        string scenario = Scenario("late", start, end, unit);
        var validate = CliRun.Of("validate", scenario);
        var run = CliRun.Of("run", scenario, "--out", _temp.File("out"), "-r", "1", "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validate.ExitCode, Is.EqualTo(2));
            Assert.That(validate.ErrorLines[0], Does.StartWith(scenario + ":3:").And.Contain("error: calendar.end: ").And.Contain("ends after 9999-12-31"));
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Is.EqualTo(validate.ErrorLines[0]));
            Assert.That(Directory.Exists(_temp.File("out")), Is.False);
        }
    }
}

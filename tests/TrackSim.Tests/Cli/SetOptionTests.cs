using TrackSim.Reporting.Results;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary><c>--set PATH=VALUE</c> on run and describe: values checked like the file's, problems at <c>--set:N:1</c>.</summary>
[TestFixture]
public sealed class SetOptionTests
{
    private static readonly string[] Applied = ["citizens.per_state=150", "parameters.posture.fear=0.4"];

    private TempFolder _temp = null!;
    private string _scenario = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [TestCase("parameters.posture.feer=0.3", "parameters.posture.feer: unknown key 'feer' in the posture parameters; did you mean 'fear'?")]
    [TestCase("mechanisms.medai=false", "mechanisms.medai: unknown key 'medai' in mechanisms switched on (true) or off (false); did you mean 'media'?")]
    [TestCase("parameters.meida.effect=0.1", "parameters.meida: unknown key 'meida' in model parameters grouped by mechanism; did you mean 'media'?")]
    [TestCase("citizens.per_state=many", "citizens.per_state: expected a whole number in [10, 100000000], found the value 'many'")]
    [TestCase("parameters.posture.fear=9", "parameters.posture.fear: expected a number in [0, 5], found 9, which is out of range")]
    [TestCase("events[5].severity=0.5", "events[5].severity: events has 2 items, with indexes 0 to 1")]
    [TestCase("events[nope].severity=0.5", "events[nope].severity: events has no item with id 'nope'")]
    [TestCase("dyads[0].tension=0.5", "dyads[0].tension: dyads is not in the file, so it has no item [0] (write the list in the file first)")]
    [TestCase("calendar.start.month=3", "calendar.start.month: calendar.start is the value '2000-01', not a mapping with keys")]
    [TestCase("states=none", "states: this is a list; --set replaces single values (set one of its keys or items instead)")]
    [TestCase("events..severity=1", "events..severity: 'events..severity' is not a YAML path; write keys joined by dots and list items in brackets, such as citizens.per_state or events[3].severity")]
    public void A_bad_path_or_value_exits_2_with_a_diagnostic_at_the_set_option(string set, string message)
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, "--set", set);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Is.EqualTo($"--set:1:1: error: {message} (from --set {set})"));
            Assert.That(run.ErrorLines[^1], Is.EqualTo($"{_scenario}: invalid (1 error)"));
            Assert.That(Directory.Exists(folder), Is.False);
        }
    }

    [Test]
    public void Problems_are_numbered_by_the_set_option_they_come_from()
    {
        var run = CliRun.Of("describe", _scenario, "--set", "citizens.per_state=150", "--set", "parameters.trust.baseline=2");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.StartWith("--set:2:1: error: parameters.trust.baseline: expected a number in [0, 1], found 2"));
    }

    [Test]
    public void A_set_without_an_equals_sign_exits_2()
    {
        var run = CliRun.Of("describe", _scenario, "--set", "citizens.per_state");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Is.EqualTo("--set:1:1: error: expected PATH=VALUE (such as citizens.per_state=500 or parameters.posture.fear=0.3), found 'citizens.per_state'"));
    }

    [Test]
    public void Values_are_set_by_path_by_index_and_by_id_creating_missing_keys()
    {
        // The tiny scenario has no parameters section: parameters.posture.fear creates it.
        var run = CliRun.Of("describe", _scenario, "--set", "citizens.per_state=150", "--set", "parameters.posture.fear=0.4", "--set", "events[crisis].severity=0.55", "--set", "events[1].label=Talks", "--set", "title='Tiny: overridden'");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Out, Does.StartWith("# Tiny: overridden\n"));
            Assert.That(run.Out, Does.Contain("150 citizens per state"));
            Assert.That(run.Out, Does.Contain("| `posture.fear` | **0.4** | 0.3 | 0 to 5 | 1/year | override (--set) |"));
            Assert.That(run.Out, Does.Contain("| 2001-03-01 | crisis (`crisis`) | crisis (hostile) | 0.55 |"));
        }
    }

    [Test]
    public void A_run_records_its_overrides_in_the_manifest()
    {
        string folder = _temp.File("out");

        var run = CliRun.Of("run", _scenario, "--out", folder, "-q", "--no-charts", "--set", "citizens.per_state=150", "--set", "parameters.posture.fear=0.4");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(ResultsWriter.TryReadManifest(folder)!.Overrides, Is.EqualTo(Applied));
    }
}

using NUnit.Framework;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class ValidateCommandTests
{
    // Three errors on known positions: an unknown key, a value out of range, a dangling reference.
    private const string Broken = """
        name: broken
        calendar: { start: 2000-01, end: 2001-12, step: month }
        states:
          - { id: AA, name: Atlantis, hawkishnes: 0.5 }
          - { id: BB, name: Borduria }
        events:
          - { id: c, date: 2000-06, kind: crisis, severity: 1.5, actors: [AA, CC] }
        """;

    private string _folder = string.Empty;
    private string _broken = string.Empty;

    [OneTimeSetUp]
    public void CreateFiles()
    {
        _folder = Path.Combine(Path.GetTempPath(), "tracksim-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _broken = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(_broken, Broken);
    }

    [OneTimeTearDown]
    public void DeleteFiles() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Valid_file_exits_0_with_a_one_line_summary_on_stdout()
    {
        var run = CliRun.Of("validate", RepositoryFiles.PathOf("scenarios/minimal.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.OutLines, Is.EqualTo(new[]
            {
                $"{RepositoryFiles.PathOf("scenarios/minimal.yaml")}: valid (2 states, 1 initiative, 1 event, 0 agreements, 120 monthly steps, 0 variants)",
            }));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public void File_name_is_reported_as_the_user_typed_it()
    {
        string typed = Path.GetRelativePath(Environment.CurrentDirectory, RepositoryFiles.PathOf("scenarios/examples/every-field.yaml"));

        var run = CliRun.Of("validate", typed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Is.EqualTo($"{typed}: valid (2 states, 1 non-state party, 2 third parties, 2 initiatives, 4 events, 2 agreements, 522 weekly steps, 4 variants)\n"));
        }
    }

    [Test]
    public void Broken_file_exits_2_and_reports_every_error_with_its_position()
    {
        var run = CliRun.Of("validate", _broken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.ErrorLines, Has.Length.EqualTo(4));
            Assert.That(run.ErrorLines[0], Does.StartWith($"{_broken}:4:31: error: states[0].hawkishnes: unknown key 'hawkishnes'"));
            Assert.That(run.ErrorLines[1], Does.StartWith($"{_broken}:7:53: error: events[0].severity: "));
            Assert.That(run.ErrorLines[2], Does.StartWith($"{_broken}:7:71: error: events[0].actors[1]: no state 'CC'"));
            Assert.That(run.ErrorLines[3], Is.EqualTo($"{_broken}: invalid (3 errors)"));
        }
    }

    [Test]
    public void A_variants_bad_set_value_is_reported_at_its_file_line_and_column()
    {
        string file = Path.Combine(_folder, "bad-set.yaml");
        File.WriteAllText(file, """
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB] } ]
            variants:
              - name: tense
                set:
                  dyads[0].tension: 0.8
                  dyads[1].tension: 0.8
            """);

        var run = CliRun.Of("validate", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"{file}:8:7: error: variants[0].set.dyads[1].tension: dyads has 1 item, whose index is 0",
                $"{file}: invalid (1 error)",
            }));
        }
    }

    [Test]
    public void Several_files_with_one_bad_exit_2_and_report_all_of_them()
    {
        string minimal = RepositoryFiles.PathOf("scenarios/minimal.yaml");
        string everyField = RepositoryFiles.PathOf("scenarios/examples/every-field.yaml");

        var run = CliRun.Of("validate", minimal, _broken, everyField);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.OutLines, Has.Length.EqualTo(2));
            Assert.That(run.OutLines[0], Does.StartWith($"{minimal}: valid ("));
            Assert.That(run.OutLines[1], Does.StartWith($"{everyField}: valid ("));
            Assert.That(run.ErrorLines.Count(l => l.StartsWith($"{_broken}:", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal)), Is.EqualTo(3));
        }
    }

    [Test]
    public void Every_invalid_file_is_reported_not_only_the_first()
    {
        string missing = Path.Combine(_folder, "missing.yaml");

        var run = CliRun.Of("validate", _broken, missing);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Does.Contain($"{_broken}: invalid (3 errors)"));
            Assert.That(run.ErrorLines, Does.Contain($"{missing}:1:1: error: no such file"));
        }
    }

    [Test]
    public void Missing_file_exits_2_with_a_clear_message()
    {
        string missing = Path.Combine(_folder, "no-such-scenario.yaml");

        var run = CliRun.Of("validate", missing);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"{missing}:1:1: error: no such file", $"{missing}: invalid (1 error)" }));
        }
    }

    [Test]
    public void No_file_is_a_usage_error()
    {
        var run = CliRun.Of("validate");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("tracksim: error: Required argument 'FILE' missing"));
            Assert.That(run.Error, Does.Contain("tracksim validate <FILE>... [options]"));
            Assert.That(run.Out, Is.Empty);
        }
    }

    [Test]
    public void Mistyped_option_is_a_usage_error_not_a_missing_file()
    {
        var run = CliRun.Of("validate", "--strict", RepositoryFiles.PathOf("scenarios/minimal.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith("tracksim: error: Unrecognized option '--strict'."));
            Assert.That(run.Error, Does.Contain("Usage:"));
            Assert.That(run.Out, Is.Empty);
        }
    }
}

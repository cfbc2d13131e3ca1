using NUnit.Framework;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public void Root_help_lists_each_command_with_examples_and_exit_codes()
    {
        var run = CliRun.Of("--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Error, Is.Empty);
            Assert.That(run.Out, Does.Contain("validate"));
            Assert.That(run.Out, Does.Contain("schema"));
            Assert.That(run.Out, Does.Contain("Examples:"));
            Assert.That(run.Out, Does.Contain("tracksim validate scenarios/minimal.yaml"));
            Assert.That(run.Out, Does.Contain("tracksim schema --out "));
            Assert.That(run.Out, Does.Contain("Exit codes:"));
        }
    }

    [TestCase("run", "nosuch.yaml")]
    [TestCase("validate", "nosuch.yaml")]
    [TestCase("plot", "no-such-results-folder")]
    public void A_missing_file_or_folder_is_invalid_input_as_the_help_says(string command, string missing)
    {
        // The help's line for exit code 2 names a missing file or folder; each command keeps to it.
        string help = CliRun.Of("--help").Out;
        var run = CliRun.Of(command, Path.Combine(Path.GetTempPath(), "tracksim-" + Guid.NewGuid().ToString("N"), missing));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(help, Does.Contain("2    invalid input: wrong usage, a file or folder named that is missing or unreadable"));
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.StartWith("tracksim: ").Or.Contain(": error: "));
        }
    }

    [TestCase("validate", "tracksim validate scenarios/minimal.yaml")]
    [TestCase("schema", "tracksim schema --out tracksim.schema.json")]
    public void Command_help_shows_its_usage_and_examples(string command, string example)
    {
        var run = CliRun.Of(command, "--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.Contain($"tracksim {command} "));
            Assert.That(run.Out, Does.Contain("Examples:"));
            Assert.That(run.Out, Does.Contain(example));
            Assert.That(run.Out, Does.Not.Contain("Exit codes:"));
        }
    }

    [Test]
    public void No_arguments_print_the_root_help_on_stderr_and_exit_2()
    {
        var run = CliRun.Of();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain("Usage:"));
            Assert.That(run.Error, Does.Contain("Examples:"));
        }
    }

    [Test]
    public void Version_prints_the_tool_name_and_version()
    {
        var run = CliRun.Of("--version");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.Match(@"^tracksim \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$"));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public void Version_with_extra_arguments_is_a_usage_error()
    {
        var run = CliRun.Of("--version", "extra");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Unknown_command_exits_2_with_a_suggestion_and_usage_on_stderr()
    {
        var run = CliRun.Of("valdate", "scenarios/minimal.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain("tracksim: error: Unrecognized command or argument 'valdate'."));
            Assert.That(run.Error, Does.Contain("Did you mean 'validate'?"));
            Assert.That(run.Error, Does.Contain("Usage:\n  tracksim [command] [options]"));
            Assert.That(run.Error, Does.Contain("Run 'tracksim --help'"));
        }
    }

    [Test]
    public void Unknown_option_exits_2_with_usage_on_stderr()
    {
        var run = CliRun.Of("schema", "--pretty");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain("tracksim: error: Unrecognized command or argument '--pretty'."));
            Assert.That(run.Error, Does.Contain("Usage:\n  tracksim schema [options]"));
            Assert.That(run.Error, Does.Contain("Run 'tracksim schema --help'"));
        }
    }

    [Test]
    public void Unexpected_failure_is_one_line_on_stderr_with_exit_1_and_no_stack_trace()
    {
        // A writer that fails on use stands for any fault inside a command.
        using var broken = new FailingWriter();
        using var stderr = new StringWriter { NewLine = "\n" };

        int code = TrackSim.Cli.Program.Run(["schema"], broken, stderr);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.ToString(), Is.EqualTo("tracksim: error: unexpected InvalidOperationException: the writer is broken (please report this)\n"));
        }
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("the writer\nis broken");

        public override void Write(char value) => throw new InvalidOperationException("the writer\nis broken");
    }
}

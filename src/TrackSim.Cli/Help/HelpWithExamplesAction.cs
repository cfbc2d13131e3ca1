using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace TrackSim.Cli.Help;

/// <summary>
/// The standard help, followed by the command's examples and, on the root, the exit codes.
/// The root shows the first example of each command, so a new command appears there by itself.
/// </summary>
/// <param name="standard">The library's help action, which writes description, usage, arguments, options and commands.</param>
internal sealed class HelpWithExamplesAction(HelpAction standard) : SynchronousCommandLineAction
{
    private const string Indent = "  ";

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        WriteExamples(ExamplesOf(command), output);
        if (command is RootCommand)
        {
            WriteExitCodes(output);
        }

        return ExitCodes.Success;
    }

    private static IReadOnlyList<Example> ExamplesOf(Command command) =>
        command switch
        {
            ICommandWithExamples documented => documented.Examples,
            RootCommand => [.. command.Subcommands.OfType<ICommandWithExamples>().Where(c => c.Examples.Count > 0).Select(c => c.Examples[0])],
            _ => [],
        };

    private static void WriteExamples(IReadOnlyList<Example> examples, TextWriter output)
    {
        if (examples.Count == 0)
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"{Indent}{example.Description}");
            output.WriteLine($"{Indent}{Indent}{example.CommandLine}");
            output.WriteLine();
        }
    }

    private static void WriteExitCodes(TextWriter output)
    {
        output.WriteLine("Exit codes:");
        output.WriteLine($"{Indent}{ExitCodes.Success,-3}  success");
        output.WriteLine($"{Indent}{ExitCodes.Failure,-3}  failure: a file could not be written, a results file is damaged, or an internal error; the reason is on standard error");
        output.WriteLine($"{Indent}{ExitCodes.InvalidInput,-3}  invalid input: wrong usage, a file or folder named that is missing or unreadable, or a scenario with errors (reported as file:line:col: error: ...)");
        output.WriteLine($"{Indent}{ExitCodes.Interrupted,-3}  interrupted by Ctrl-C; files are written whole or not at all");
        output.WriteLine();
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Help;

/// <summary>
/// Reports a command line that does not parse: each problem, a "did you mean" for a
/// mistyped command or option, the usage of the command concerned and where to find more.
/// </summary>
internal static class UsageError
{
    /// <summary>Writes the report for <paramref name="parseResult"/> to <paramref name="output"/>.</summary>
    public static void Write(ParseResult parseResult, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(output);
        var path = CommandPath(parseResult.CommandResult);
        foreach (var error in parseResult.Errors)
        {
            output.WriteLine($"{ToolInfo.Name}: error: {error.Message}");
        }

        foreach (string token in parseResult.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            string? suggestion = Suggestions.Closest(token, NamesUnder(path[^1]));
            if (suggestion is not null)
            {
                output.WriteLine($"Did you mean '{suggestion}'?");
            }
        }

        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine($"  {HelpLayout.UsageLine(path)}");
        output.WriteLine();
        output.WriteLine($"Run '{HelpLayout.CommandName(path)} --help' for the options and examples.");
    }

    private static IEnumerable<string> NamesUnder(Command command) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));

    private static List<Command> CommandPath(CommandResult result)
    {
        var path = new List<Command>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                path.Add(commandResult.Command);
            }
        }

        path.Reverse();
        return path;
    }
}

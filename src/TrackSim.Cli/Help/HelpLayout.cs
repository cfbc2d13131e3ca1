using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace TrackSim.Cli.Help;

/// <summary>
/// Extends the standard help: an Examples section on every command and, on the root, the exit
/// codes; and replaces the version output with <c>tracksim VERSION</c>.
/// </summary>
internal static class HelpLayout
{
    /// <summary>Configures the help and version options of <paramref name="root"/>, which its subcommands inherit.</summary>
    public static void Configure(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!);
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
    }

    /// <summary>Writes the full help of the root command, as <c>tracksim --help</c> would, to <paramref name="output"/>.</summary>
    public static void WriteRootHelp(RootCommand root, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>The usage line of the last command of <paramref name="path"/> (root first), such as <c>tracksim validate &lt;FILE&gt;... [options]</c>.</summary>
    public static string UsageLine(IReadOnlyList<Command> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string> { CommandName(path) };
        var command = path[^1];
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            string label = $"<{argument.HelpName ?? argument.Name}>";
            parts.Add(argument.Arity.MaximumNumberOfValues > 1 ? label + "..." : label);
        }

        if (command.Subcommands.Count > 0)
        {
            parts.Add("[command]");
        }

        parts.Add("[options]");
        return string.Join(' ', parts);
    }

    /// <summary>The name a user types for the last command of <paramref name="path"/> (root first), such as <c>tracksim validate</c>.</summary>
    public static string CommandName(IReadOnlyList<Command> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join(' ', path.Select(c => c is RootCommand ? ToolInfo.Name : c.Name));
    }
}

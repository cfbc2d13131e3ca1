using System.CommandLine;
using TrackSim.Cli.Help;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim init NAME [FILE]</c>: copies a shipped scenario to a file of the user's to start
/// from; never replaces a file unless forced.
/// </summary>
internal sealed class InitCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    private readonly Argument<string> _name = new("NAME") { Description = "A shipped scenario, as 'tracksim examples' lists it (minimal, teaching/transfer, cases/us-iran-oman-2011-2015...)." };

    private readonly Argument<string?> _file = new("FILE")
    {
        Description = "The file to write (default: the scenario's file name in the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _force = new("--force") { Description = "Replace FILE if it exists." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public InitCommand(CliConsole console)
        : base("init", "Copy a shipped scenario to a file of your own, to edit and run.")
    {
        _console = console;
        Arguments.Add(_name);
        Arguments.Add(_file);
        Options.Add(_force);
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Start from the smallest complete scenario:", "tracksim init minimal my-scenario.yaml"),
        new("Start a lesson of your own from a teaching scenario (writes transfer.yaml here):", "tracksim init teaching/transfer"),
    ];

    private int Execute(ParseResult parseResult)
    {
        string name = parseResult.GetValue(_name) ?? string.Empty;
        var shipped = ShippedScenarios.All();
        var scenario = shipped.FirstOrDefault(s => s.Name == name);
        if (scenario is null)
        {
            string hint = Suggestions.Hint(name, shipped.Select(s => s.Name).ToList());
            _console.Error.WriteLine($"{ToolInfo.Name}: error: no shipped scenario '{name}'; {hint}'tracksim examples' lists them");
            return ExitCodes.InvalidInput;
        }

        string file = parseResult.GetValue(_file) ?? Path.GetFileName(scenario.Path);
        if (Directory.Exists(file))
        {
            file = Path.Combine(file, Path.GetFileName(scenario.Path));
        }

        if (Path.Exists(file) && !parseResult.GetValue(_force))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {file} exists; use --force to replace it, or name another file");
            return ExitCodes.Failure;
        }

        if (File.Exists(file) && new FileInfo(file).LinkTarget is not null)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {file} is a symbolic link; name a regular file");
            return ExitCodes.Failure;
        }

        try
        {
            TrackSim.Experiments.Files.AtomicFile.WriteAllText(file, File.ReadAllText(scenario.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrackSim.Experiments.Files.OutputFolderException)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: cannot write {file}: {e.Message}");
            return ExitCodes.Failure;
        }

        _console.Out.WriteLine($"{file}: a copy of {scenario.Name} ({scenario.Title()}); run it with 'tracksim run {file}', check your edits with 'tracksim validate {file}'");
        return ExitCodes.Success;
    }
}

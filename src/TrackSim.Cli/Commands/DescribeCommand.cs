using System.CommandLine;
using TrackSim.Cli.Help;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Description;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim describe FILE</c>: prints a Markdown description of a scenario for a paper's
/// appendix (model version, mechanisms, every parameter with its source, events with sources,
/// variants and ensemble settings).
/// </summary>
internal sealed class DescribeCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;
    private readonly ScenarioInput _input = new();

    private readonly Option<string> _out = new Option<string>("--out", "-o")
    {
        Description = "Write the description to this file (replaced atomically) instead of standard output.",
        HelpName = "FILE",
    }.RequiringName("a file name");

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public DescribeCommand(CliConsole console)
        : base("describe", "Print a Markdown description of a scenario for a paper's appendix: model version, mechanisms, every parameter with its value, default and source, events with sources, variants, ensemble.")
    {
        _console = console;
        _input.AddTo(this);
        Options.Add(_out);
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Describe a scenario for an appendix:", "tracksim describe scenarios/india-pakistan-1984-2021.yaml --out appendix.md"),
        new("Describe it with a value changed, as 'run --set' would run it:", "tracksim describe scenarios/minimal.yaml --set parameters.posture.fear=0.4"),
    ];

    private int Execute(ParseResult parseResult)
    {
        if (_input.Load(parseResult, _console.Error) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        string markdown = ScenarioDescription.Markdown(loaded.Scenario, loaded.Path, ToolInfo.Version, loaded.Overrides);
        if (parseResult.GetValue(_out) is { } path)
        {
            try
            {
                AtomicFile.WriteAllText(path, markdown);
            }
            catch (OutputFolderException e)
            {
                // --out names something that is not a regular file: a FIFO, a device or a link.
                _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }
        else
        {
            _console.Out.Write(markdown);
        }

        return ExitCodes.Success;
    }
}

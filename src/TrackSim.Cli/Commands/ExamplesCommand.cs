using System.CommandLine;
using TrackSim.Cli.Help;

namespace TrackSim.Cli.Commands;

/// <summary><c>tracksim examples</c>: lists the scenarios that ship with TrackSim, to run or to start from.</summary>
internal sealed class ExamplesCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ExamplesCommand(CliConsole console)
        : base("examples", "List the scenarios that ship with TrackSim (historical cases, teaching lessons, examples of the format), with the file each is in.")
    {
        _console = console;
        SetAction(_ => Execute());
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("See what ships:", "tracksim examples"),
        new("Start a scenario of your own from one of them:", "tracksim init teaching/transfer my-transfer.yaml"),
    ];

    private int Execute()
    {
        var shipped = ShippedScenarios.All();
        if (shipped.Count == 0)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: no shipped scenarios beside the program (expected them in {ShippedScenarios.Folder}); reinstall TrackSim");
            return ExitCodes.Failure;
        }

        int width = shipped.Max(s => s.Name.Length);
        foreach (var scenario in shipped)
        {
            _console.Out.WriteLine($"{scenario.Name.PadRight(width)}  {scenario.Title()}");
        }

        _console.Out.WriteLine();
        _console.Out.WriteLine($"Files in {ShippedScenarios.Folder}. Copy one to start from with 'tracksim init NAME [FILE]'; run one with 'tracksim run FILE'.");
        return ExitCodes.Success;
    }
}

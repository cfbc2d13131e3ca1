using System.CommandLine;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Reporting.Results;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim plot RESULTS_DIR</c>: redraws the charts of a results folder from its
/// <c>summary.csv</c> and <c>chart-inputs.json</c>, without running the model again, optionally
/// in another size, resolution, font or format.
/// </summary>
internal sealed class PlotCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;
    private readonly ChartOptions _charts = new();

    private readonly Argument<string> _folder = new Argument<string>("RESULTS_DIR")
    {
        Description = "A results folder written by 'tracksim run'.",
    }.RejectingOptions();

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public PlotCommand(CliConsole console)
        : base("plot", "Redraw the charts of a results folder from its summary.csv and events, without running again; style options change size, resolution, font and formats.")
    {
        _console = console;
        Arguments.Add(_folder);
        _charts.AddTo(this);
        Options.Add(_quiet);
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Redraw the charts of a run:", "tracksim plot results/india-pakistan-1984-2021"),
        new("The same charts for a two-column figure, as SVG:", "tracksim plot results/india-pakistan-1984-2021 --width 7.2 --height 3 --format svg"),
    ];

    private int Execute(ParseResult parseResult)
    {
        string folder = parseResult.GetRequiredValue(_folder);
        if (!Directory.Exists(folder))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder}: no such folder");
            return ExitCodes.InvalidInput;
        }

        if (!File.Exists(Path.Combine(folder, Manifest.FileName)))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} is not a complete TrackSim results folder (it has no {Manifest.FileName}); run 'tracksim run' first");
            return ExitCodes.InvalidInput;
        }

        using var output = OutputFolders.Open(folder, _console.Error, out int unusable);
        if (output is null)
        {
            return unusable;
        }

        ResultsReport report;
        try
        {
            report = ResultsWriter.Replot(output, style => _charts.Apply(parseResult, style), RunCommand.CommandLine(parseResult), _console.Clock, _console.Cancellation);
        }
        catch (ArgumentException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: charts: {e.Message.Split(" (Parameter", 2)[0]}");
            return ExitCodes.InvalidInput;
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (!parseResult.GetValue(_quiet))
        {
            foreach (string note in report.Notes)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: note: {note}");
            }

            int charts = report.Manifest.Files.Count(f => f.Path.StartsWith("charts/", StringComparison.Ordinal));
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: {charts} chart files redrawn; {Manifest.FileName} updated"));
        }

        return ExitCodes.Success;
    }
}

using System.CommandLine;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Results;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim plot RESULTS_DIR</c>: redraws every chart a run drew (<c>charts/</c> from
/// <c>summary.csv</c>, <c>effects/</c> from <c>effects/differences.csv</c>, both with
/// <c>chart-inputs.json</c>), without running the model again, in the style the results record or
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
        : base("plot", "Redraw every chart a run drew, charts/ and effects/, from the results folder's own files (summary.csv, effects/differences.csv, chart-inputs.json), without running again. Each style option defaults to what the results were drawn with (recorded in chart-inputs.json); given, it changes size, resolution, font or formats. Anything not redrawn is said.")
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

            int charts = report.Manifest.Files.Count(f => f.Path.StartsWith(ChartWriter.FolderName + "/", StringComparison.Ordinal));
            int effects = report.Manifest.Files.Count(f => f.Path.StartsWith(DifferenceCharts.FolderName + "/", StringComparison.Ordinal) && !f.Path.EndsWith(".csv", StringComparison.Ordinal));
            bool redrewEffects = report.Manifest.Files.Any(f => f.Path == $"{DifferenceCharts.FolderName}/{DifferenceCharts.DataFileName}");
            string what = redrewEffects
                ? $"{charts + effects} chart files redrawn ({ChartWriter.FolderName}/: {charts}, {DifferenceCharts.FolderName}/: {effects})"
                : $"{charts} chart files redrawn";
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: {what}; {Manifest.FileName} updated"));
        }

        return ExitCodes.Success;
    }
}

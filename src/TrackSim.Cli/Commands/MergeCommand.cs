using System.CommandLine;
using TrackSim.Cli.Help;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Results;
using TrackSim.Reporting.Sweeps;

namespace TrackSim.Cli.Commands;

/// <summary><c>tracksim merge DIR... --out DIR</c>: combines the shard folders of one sweep into the unsharded result.</summary>
internal sealed class MergeCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;
    private readonly ChartOptions _charts = new();

    private readonly Argument<string[]> _shards = new("SHARD_DIR")
    {
        Description = "Shard folders written by 'tracksim sweep --shard I/N'.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _out = new Option<string>("--out", "-o") { Description = "Folder for the combined runs.csv, sensitivity.csv, series/ (when the shards kept series) and sweep.json.", HelpName = "DIR", Required = true }.RequiringName("a folder name");

    private readonly Option<bool> _noCharts = new("--no-charts") { Description = "Write the data and manifest only." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    private readonly Option<bool> _force = new("--force") { Description = "Write into --out even if it holds files TrackSim did not write (they are kept unless named like a sweep's files)." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public MergeCommand(CliConsole console)
        : base("merge", "Combine the shard folders of one sweep into the runs.csv, sensitivity.csv and sweep.json of the unsharded sweep.")
    {
        _console = console;
        Arguments.Add(_shards);
        Options.Add(_out);
        Options.Add(_noCharts);
        Options.Add(_quiet);
        Options.Add(_force);
        _charts.AddTo(this);
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Combine four shards:", "tracksim merge shards/0 shards/1 shards/2 shards/3 --out sweep"),
    ];

    private int Execute(ParseResult parseResult)
    {
        string[] shards = parseResult.GetValue(_shards) ?? [];
        string output = parseResult.GetRequiredValue(_out);
        if (!parseResult.GetValue(_force) && ResultsFolder.SweepRefusal(output) is { } refusal)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {refusal}; use --force to write there anyway, or --out to choose another folder");
            return ExitCodes.Failure;
        }

        // Every shard is read and checked before --out is touched, so wrong shards leave no folder behind.
        MergedSweep sweep;
        try
        {
            sweep = SweepMerge.Collect(shards, ToolInfo.Version);
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        using var folder = OutputFolders.Open(output, _console.Error, out int unusable);
        if (folder is null)
        {
            return unusable;
        }

        try
        {
            var (plan, sha, files) = SweepFiles.Merge(sweep, folder, parseResult.GetValue(_noCharts) ? null : _charts.Apply(parseResult, ChartStyle.Default));
            var (_, _, _, scenarioPath, overrides) = SweepManifest.Read(shards[0]);
            SweepManifest.Write(output, plan, SweepShard.All, scenarioPath, sha, overrides, RunCommand.CommandLine(parseResult), ToolInfo.Version, files, sweep.Series);
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        if (!parseResult.GetValue(_quiet))
        {
            _console.Out.WriteLine($"{output}: {RunsCsv.FileName}, {SensitivityCsv.FileName}{(sweep.Series.Format == SeriesFormat.None ? string.Empty : $", {SweepSeries.FolderName}/")}, {SweepManifest.FileName} from {shards.Length} shards");
        }

        return ExitCodes.Success;
    }
}

using System.CommandLine;
using TrackSim.Cli.Help;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;
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

    private readonly Option<string> _out = new("--out", "-o") { Description = "Folder for the combined runs.csv, sensitivity.csv and sweep.json.", HelpName = "DIR", Required = true };

    private readonly Option<bool> _noCharts = new("--no-charts") { Description = "Write the data and manifest only." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public MergeCommand(CliConsole console)
        : base("merge", "Combine the shard folders of one sweep into the runs.csv, sensitivity.csv and sweep.json of the unsharded sweep.")
    {
        _console = console;
        Arguments.Add(_shards);
        Options.Add(_out);
        Options.Add(_noCharts);
        Options.Add(_quiet);
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
        try
        {
            var (plan, sha, files) = SweepMerge.Merge(shards, output, parseResult.GetValue(_noCharts) ? null : _charts.Apply(parseResult, ChartStyle.Default), ToolInfo.Version);
            var (_, _, _, scenarioPath, overrides) = SweepManifest.Read(shards[0]);
            SweepManifest.Write(output, plan, SweepShard.All, scenarioPath, sha, overrides, RunCommand.CommandLine(parseResult), ToolInfo.Version, files);
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        if (!parseResult.GetValue(_quiet))
        {
            _console.Out.WriteLine($"{output}: {RunsCsv.FileName}, {SensitivityCsv.FileName}, {SweepManifest.FileName} from {shards.Length} shards");
        }

        return ExitCodes.Success;
    }
}

using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Cli.Progress;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Limits;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;
using TrackSim.Reporting.Sweeps;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim sweep FILE --vary PATH=LOW:HIGH[:COUNT] ...</c>: runs a scenario over a design of
/// parameter values and writes runs.csv (append-only, resumable, shardable), sensitivity.csv and sweep.json.
/// </summary>
internal sealed class SweepCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;
    private readonly ScenarioInput _input = new();
    private readonly ChartOptions _charts = new();

    private readonly Option<string[]> _vary = new("--vary")
    {
        Description = "A numeric scenario path (as --set) and its range; COUNT is the number of grid levels (default 5). Repeatable.",
        HelpName = "PATH=LOW:HIGH[:COUNT]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        Required = true,
    };

    private readonly Option<string> _design = new("--design")
    {
        Description = "grid (every combination), lhs (Latin hypercube), morris (elementary effects) or sobol (Saltelli sampling, first- and total-order indices).",
        HelpName = "DESIGN",
        DefaultValueFactory = _ => "grid",
    };

    private readonly Option<int?> _samples = new Option<int?>("--samples", "-n")
    {
        Description = "LHS points (default 20), Morris trajectories (default 10) or Sobol' base samples (default 32; runs = N x (parameters + 2)).",
        HelpName = "N",
    }.WholeNumber(1, int.MaxValue);

    private readonly Option<int?> _replicates = new Option<int?>("--replicates", "-r") { Description = "Runs per point, 1 to 100000 (default: the scenario's ensemble.replicates).", HelpName = "R" }.WholeNumber(1, 100_000);

    private readonly Option<ulong?> _seed = new Option<ulong?>("--seed") { Description = "Master seed, 0 to 2^53-1, shared by every point (default: the scenario's ensemble.seed).", HelpName = "S" }.WholeNumber(0, RunCommand.MaxSeed);

    private readonly Option<int?> _threads = new Option<int?>("--threads", "-j") { Description = "Points run at a time, 1 to 1024 (default: one per processor). Results do not depend on it.", HelpName = "N" }.WholeNumber(1, 1024);

    private readonly Option<string[]> _outcomes = new("--outcome")
    {
        Description = "What each run records: mean of METRIC for SUBJECT over WINDOW (whole, last:<years> or from:<date>). Default: tension of the first dyad over the whole run. Repeatable.",
        HelpName = "METRIC[:SUBJECT][:WINDOW]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly SeriesOptions _series = new(
        "Per-step series of every run, one file per point: parquet (series/point-NNNNNN.parquet), csv (series/point-NNNNNN.csv, about fifteen times larger) or none (the default: a sweep of thousands of points would write gigabytes).",
        "Keep only these metrics in the series files; repeat or separate with commas (needs --series). Default: every metric.");

    private readonly Option<string> _out = new Option<string>("--out", "-o") { Description = "Sweep folder (default: results/<scenario name>-sweep).", HelpName = "DIR" }.RequiringName("a folder name");

    private readonly Option<bool> _resume = new("--resume") { Description = "Continue the sweep in --out: keep its finished runs and run the rest; ends with the same files as an uninterrupted sweep." };

    private readonly Option<string> _shard = new("--shard") { Description = "Run only points whose index modulo N is I (0-based, as a Slurm array task id), into their own folder; combine with 'tracksim merge'.", HelpName = "I/N" };

    private readonly Option<bool> _noCharts = new("--no-charts") { Description = "Write the data and manifest only." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    private readonly Option<bool> _force = new("--force") { Description = "Start again in a folder that already holds a sweep (its files are replaced)." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public SweepCommand(CliConsole console)
        : base("sweep", "Run a scenario over a design of parameter values (grid, Latin hypercube, Morris, Sobol') and write runs.csv, sensitivity.csv and sweep.json.")
    {
        _console = console;
        _input.AddTo(this);
        foreach (var option in new Option[] { _vary, _design, _samples, _replicates, _seed, _threads, _outcomes, _out, _resume, _shard, _noCharts, _quiet, _force })
        {
            Options.Add(option);
        }

        _series.AddTo(this);
        _charts.AddTo(this);

        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("How does tension respond to fear and to how readily Track II ideas transfer? A 5 x 5 grid:", "tracksim sweep scenarios/minimal.yaml --vary parameters.posture.fear=0.1:0.5 --vary parameters.transfer.base=0:1 -r 5"),
        new("Which parameters drive tension in the last five years? Sobol' indices:", "tracksim sweep scenarios/minimal.yaml --vary parameters.posture.fear=0.1:0.5 --vary parameters.transfer.base=0:1 --design sobol -n 64 --outcome tension::last:5"),
        new("Continue after a crash or Ctrl-C:", "tracksim sweep scenarios/minimal.yaml --vary parameters.posture.fear=0.1:0.5 --resume"),
        new("Keep every run's monthly tension and public trust, one Parquet file per point (join with runs.csv on point and replicate):", "tracksim sweep scenarios/minimal.yaml --vary parameters.posture.fear=0.1:0.5 --series parquet --metrics tension,public_trust"),
        new("One shard of four (see docs/CLUSTER.md), then combine:", "tracksim sweep scenarios/minimal.yaml --vary parameters.posture.fear=0.1:0.5 --shard 0/4 --out shards/0"),
    ];

    private int Execute(ParseResult parseResult)
    {
        var token = _console.Cancellation;
        if (_input.Load(parseResult, _console.Error) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        var (scenario, path, overrideTexts) = loaded;
        var (baseOverrides, _) = Override.ParseAll(overrideTexts);
        bool quiet = parseResult.GetValue(_quiet);
        SweepPlan plan;
        SweepShard shard;
        var series = SweepSeries.Of(_series.FormatOf(parseResult, SeriesFormat.None), _series.MetricsOf(parseResult));
        try
        {
            var ranges = (parseResult.GetValue(_vary) ?? []).Select(v => ParseVary(v, path, baseOverrides)).ToImmutableArray();
            if (ranges.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count() != ranges.Length)
            {
                throw new ArgumentException("--vary: each path may be varied only once");
            }

            var design = ParseDesign(parseResult.GetValue(_design) ?? "grid");
            int samples = parseResult.GetValue(_samples) ?? SweepPlan.DefaultSamples(design);
            int least = design == SweepDesign.Lhs ? 1 : 2;
            if (design != SweepDesign.Grid && samples < least)
            {
                throw new ArgumentException($"--samples must be at least {least} for the {design.ToString().ToLowerInvariant()} design, not {samples}");
            }

            int replicates = parseResult.GetValue(_replicates) ?? scenario.Ensemble.Replicates;
            if (replicates is < 1 or > 100_000)
            {
                throw new ArgumentException($"--replicates must be 1 to 100000, not {replicates}");
            }

            if (parseResult.GetValue(_threads) is { } t && (t < 1 || t > 1024))
            {
                throw new ArgumentException($"--threads must be 1 to 1024, not {t}");
            }

            if (parseResult.GetValue(_seed) is > RunCommand.MaxSeed)
            {
                throw new ArgumentException($"--seed must be 0 to {RunCommand.MaxSeed}");
            }

            string[] outcomeTexts = parseResult.GetValue(_outcomes) is { Length: > 0 } asked ? asked : [SweepOutcome.Default];
            var outcomes = outcomeTexts.Select(o => Outcome(o, scenario)).ToImmutableArray();
            plan = new SweepPlan(ranges, design, samples, replicates, parseResult.GetValue(_seed) ?? scenario.Ensemble.Seed, outcomes);
            shard = parseResult.GetValue(_shard) is { } s ? SweepShard.Parse(s) : SweepShard.All;
            if (SweepLimits.Refusal(plan, shard, parseResult.GetValue(_threads) ?? Environment.ProcessorCount, scenario, highs => ScenarioAt(path, baseOverrides, plan, highs)) is { } tooLarge)
            {
                throw new ArgumentException(tooLarge);
            }

            _ = plan.CreateDesign();
            if (series.Format == SeriesFormat.None && !series.Metrics.IsEmpty)
            {
                throw new ArgumentException("--metrics chooses the metrics of the series files, which a sweep writes only when asked: add --series parquet or --series csv");
            }
        }
        catch (ArgumentException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {Message(e)}");
            return ExitCodes.InvalidInput;
        }

        string folder = parseResult.GetValue(_out) ?? Path.Combine("results", scenario.Name + "-sweep");
        bool resume = parseResult.GetValue(_resume);
        bool started = File.Exists(Path.Combine(folder, RunsCsv.FileName));
        if (started && !resume && !parseResult.GetValue(_force))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} already holds a sweep; use --resume to continue it, --force to start again, or --out to choose another folder");
            return ExitCodes.Failure;
        }

        if (!started && !parseResult.GetValue(_force) && ResultsFolder.SweepRefusal(folder) is { } refusal)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {refusal}; use --force to write there anyway, or --out to choose another folder");
            return ExitCodes.Failure;
        }

        int points = plan.CreateDesign().Points.Length;
        int owned = Enumerable.Range(0, points).Count(shard.Owns);
        var largest = LargerCorner(scenario, plan, highs => ScenarioAt(path, baseOverrides, plan, highs));
        if (DiskEstimate.SeriesRefusal(largest, (long)owned * plan.Replicates, folder, series.Format, series.Metrics.IsEmpty ? null : series.Keeps, "the sweep's series files", "fewer points or replicates") is { } tooLargeForDisk)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {tooLargeForDisk}");
            return ExitCodes.Failure;
        }

        using var output = OutputFolders.Open(folder, _console.Error, out int unusable);
        if (output is null)
        {
            return unusable;
        }

        if (SweepFiles.Unwritable(output, series) is { } special)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {special}");
            return ExitCodes.InvalidInput;
        }

        if (started && !resume)
        {
            // --force: the previous sweep's files go (only those still as TrackSim wrote them).
            SweepManifest.RemoveOwned(output, SweepManifest.ReadFiles(folder), []);
        }

        if (!(resume && started))
        {
            // A fresh start: no earlier sweep's point files (of an unfinished one, unlisted) stay beside this one's.
            SweepSeriesFiles.RemoveOthers(output, []);
        }

        string sha = FileHash.Sha256(path);
        if (resume && started)
        {
            try
            {
                if (SweepResume.Refusal(folder, SweepInputs.Of(plan, shard, sha, overrideTexts, ToolInfo.Version, series)) is { } mismatch)
                {
                    _console.Error.WriteLine($"{ToolInfo.Name}: error: {mismatch}");
                    return ExitCodes.InvalidInput;
                }
            }
            catch (InvalidDataException e)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
                return ExitCodes.Failure;
            }
        }

        Directory.CreateDirectory(folder);
        string commandLine = RunCommand.CommandLine(parseResult);
        SweepManifest.Write(folder, plan, shard, path, sha, overrideTexts, commandLine, ToolInfo.Version, [], series);
        int threads = parseResult.GetValue(_threads) ?? Environment.ProcessorCount;
        if (!quiet)
        {
            _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {plan.Design.ToString().ToLowerInvariant()} sweep, {owned} of {points} points x {plan.Replicates} replicates = {owned * plan.Replicates} runs{(shard.Count > 1 ? $" (shard {shard})" : string.Empty)}"));
        }

        try
        {
            RunProgress.Show(_console, quiet, owned * plan.Replicates, progress =>
                SweepRunner.Run(
                    folder,
                    plan,
                    shard,
                    values => ScenarioAt(path, baseOverrides, plan, values),
                    threads,
                    resume,
                    series.Format == SeriesFormat.None ? null : new SweepSeriesFiles(output, series),
                    progress,
                    token));
            // A shard's runs are a share of the design; its indices and charts wait for 'merge'.
            IReadOnlyList<string> files = shard.Count == 1
                ? SweepFiles.Finish(output, plan, parseResult.GetValue(_noCharts) ? null : _charts.Apply(parseResult, ChartStyle.Default), token)
                : [RunsCsv.FileName];
            SweepManifest.Write(folder, plan, shard, path, sha, overrideTexts, commandLine, ToolInfo.Version, [.. files, .. SweepSeriesFiles.Files(series, plan, shard)], series);
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (!quiet)
        {
            _console.Out.WriteLine($"{folder}: {RunsCsv.FileName}{(shard.Count == 1 ? $", {SensitivityCsv.FileName}, {SweepCharts.FolderName}/" : string.Empty)}{(series.Format == SeriesFormat.None ? string.Empty : $", {SweepSeries.FolderName}/")}, {SweepManifest.FileName}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Parses <c>PATH=LOW:HIGH[:COUNT]</c> and checks the path is a numeric scenario value that accepts both bounds.</summary>
    internal static ParameterRange ParseVary(string text, string scenarioPath, IReadOnlyList<Override> baseOverrides)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string path = equals < 0 ? string.Empty : text[..equals].Trim();
        string[] parts = equals < 0 ? [] : text[(equals + 1)..].Split(':');
        if (path.Length == 0 || parts.Length is < 2 or > 3)
        {
            throw new ArgumentException($"--vary {text}: expected PATH=LOW:HIGH or PATH=LOW:HIGH:COUNT, e.g. parameters.posture.fear=0.1:0.5:5");
        }

        if (!TryNumber(parts[0], out double low) || !TryNumber(parts[1], out double high))
        {
            throw new ArgumentException($"--vary {text}: LOW and HIGH must be numbers, not '{parts[0]}' and '{parts[1]}'");
        }

        int? count = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int c))
            {
                throw new ArgumentException($"--vary {text}: COUNT must be a whole number, not '{parts[2]}'");
            }

            count = c;
        }

        if (low > high)
        {
            throw new ArgumentException($"--vary {text}: LOW {parts[0]} is above HIGH {parts[1]}");
        }

        ParameterRange range;
        try
        {
            range = new ParameterRange(path, low, high, count);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"--vary {text}: {Message(e)}", e);
        }

        foreach (double value in new[] { low, high })
        {
            var result = ScenarioLoader.LoadFile(scenarioPath, [.. baseOverrides, new Override(path, SweepPlan.Format(value))]);
            if (!result.IsValid)
            {
                throw new ArgumentException($"--vary {text}: {string.Join("; ", result.Errors.Select(d => d.ToString()))}");
            }
        }

        // A path that also takes text (a name, an id) is not a number to sweep.
        if (ScenarioLoader.LoadFile(scenarioPath, [.. baseOverrides, new Override(path, "not-a-number")]).IsValid)
        {
            throw new ArgumentException($"--vary {text}: {path} is not a numeric value of the scenario");
        }

        return range;
    }

    /// <summary>
    /// The larger (in recorded values) of <paramref name="scenario"/> and the scenario at the high end
    /// of every range, as <see cref="SweepLimits"/> takes it, since a range may lengthen the run.
    /// </summary>
    private static Scenario LargerCorner(Scenario scenario, SweepPlan plan, Func<ImmutableArray<double>, Scenario> scenarioAt)
    {
        try
        {
            var high = scenarioAt([.. plan.Ranges.Select(r => r.High)]);
            return DiskEstimate.RecordedValues(high, [Scenario.BaseVariant], 1) > DiskEstimate.RecordedValues(scenario, [Scenario.BaseVariant], 1) ? high : scenario;
        }
        catch (InvalidDataException)
        {
            // The high corner is not a valid scenario; the sweep will report the points it refuses.
            return scenario;
        }
    }

    private static Scenario ScenarioAt(string path, IReadOnlyList<Override> baseOverrides, SweepPlan plan, ImmutableArray<double> values) =>
        ScenarioWith(path, baseOverrides, plan.Ranges.Select((r, i) => (r.Path, values[i])), "point");

    /// <summary>
    /// The scenario at <paramref name="path"/> with the <c>--set</c> overrides and then each numeric
    /// path set to its value; a <paramref name="what"/> (a sweep's point, a calibration's particle)
    /// the scenario refuses throws <see cref="InvalidDataException"/> naming its values and why.
    /// </summary>
    internal static Scenario ScenarioWith(string path, IReadOnlyList<Override> baseOverrides, IEnumerable<(string Path, double Value)> values, string what)
    {
        var overrides = baseOverrides.Concat(values.Select(v => new Override(v.Path, SweepPlan.Format(v.Value)))).ToList();
        var result = ScenarioLoader.LoadFile(path, overrides);
        return result.IsValid
            ? result.Scenario!
            : throw new InvalidDataException($"the {what} {string.Join(", ", overrides.Skip(baseOverrides.Count))} is not a valid scenario: {string.Join("; ", result.Errors.Select(d => d.ToString()))}");
    }

    private static SweepDesign ParseDesign(string text) => text switch
    {
        "grid" => SweepDesign.Grid,
        "lhs" => SweepDesign.Lhs,
        "morris" => SweepDesign.Morris,
        "sobol" => SweepDesign.Sobol,
        _ => throw new ArgumentException($"--design must be grid, lhs, morris or sobol, not '{text}'"),
    };

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses an <c>--outcome</c>; a misspelt metric name gets a "did you mean", as it does in a scenario's charts.</summary>
    private static SweepOutcome Outcome(string text, Scenario scenario)
    {
        string metric = text.Split(':')[0];
        var names = MetricCatalog.All.Select(m => m.Name).ToList();
        if (MetricCatalog.Find(metric) is null && Suggestions.Closest(metric, names) is { } suggestion)
        {
            throw new ArgumentException($"--outcome {text}: no metric '{metric}'; did you mean '{suggestion}'? metrics are {string.Join(", ", names)}");
        }

        return SweepOutcome.Parse(text, scenario);
    }

    /// <summary>The sentence of an exception's message: the BCL appends " (Parameter 'x')" and the value, which the user does not need.</summary>
    internal static string Message(Exception e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf("\nActual value", StringComparison.Ordinal) : cut;
        return cut < 0 ? message : message[..cut];
    }
}

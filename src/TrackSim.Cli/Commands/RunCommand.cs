using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Cli.Progress;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Limits;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Results;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim run FILE</c>: runs a scenario's ensemble and writes the results folder (data,
/// manifest and charts).
/// </summary>
internal sealed class RunCommand : Command, ICommandWithExamples
{
    /// <summary>Most values an ensemble may record (runs x series x points), about 2 GB in memory.</summary>
    internal const long MaxRecordedValues = 250_000_000;

    /// <summary>Largest master seed: integers up to 2^53 - 1 survive every JSON reader.</summary>
    internal const ulong MaxSeed = 9_007_199_254_740_991;

    private readonly CliConsole _console;
    private readonly ScenarioInput _input = new();
    private readonly ChartOptions _charts = new();

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Results folder (default: results/<scenario name>). A folder holding another scenario's results or other files is refused without --force.",
        HelpName = "DIR",
    };

    private readonly Option<int?> _replicates = new Option<int?>("--replicates", "-r")
    {
        Description = "Replicates per variant, 1 to 100000 (default: the scenario's ensemble.replicates).",
        HelpName = "N",
    }.WholeNumber(1, 100_000);

    private readonly Option<ulong?> _seed = new Option<ulong?>("--seed")
    {
        Description = "Master seed, 0 to 2^53-1 (default: the scenario's ensemble.seed).",
        HelpName = "S",
    }.WholeNumber(0, MaxSeed);

    private readonly Option<int?> _threads = new Option<int?>("--threads", "-j")
    {
        Description = "Runs at a time, 1 to 1024 (default: one per processor). Results do not depend on it.",
        HelpName = "N",
    }.WholeNumber(1, 1024);

    private readonly Option<string[]> _variants = new Option<string[]>("--variant")
    {
        Description = "Run only these variants ('base' is the scenario as written); repeat or separate with commas. Default: base and every variant.",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
    }.RequiringValues("a variant name");

    private readonly SeriesOptions _series = new(
        "The per-run series: parquet (series.parquet, the default), csv (series.csv, about fifteen times larger) or none.",
        "Keep only these metrics in the series file; repeat or separate with commas (summary.csv and the charts keep every metric). Default: every metric.");

    private readonly Option<bool> _noCharts = new("--no-charts") { Description = "Write the data and manifest only; draw the charts later with 'tracksim plot'." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    private readonly Option<bool> _force = new("--force") { Description = "Write into the results folder even if it holds another scenario's results or other files (results files there are replaced; nothing else is deleted, and nothing outside the folder)." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public RunCommand(CliConsole console)
        : base("run", "Run a scenario's ensemble (every variant, every replicate) and write data files, a reproducibility manifest and charts.")
    {
        _console = console;
        _input.AddTo(this);
        Options.Add(_out);
        Options.Add(_replicates);
        Options.Add(_seed);
        Options.Add(_threads);
        Options.Add(_variants);
        _charts.AddTo(this);
        _series.AddTo(this);
        Options.Add(_noCharts);
        Options.Add(_quiet);
        Options.Add(_force);
        _out.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--out needs a folder name.");
            }
        });
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Run the India-Pakistan scenario; results go to results/india-pakistan-1984-2021/:", "tracksim run scenarios/india-pakistan-1984-2021.yaml"),
        new("A quick look: fewer replicates, two variants, SVG only:", "tracksim run scenarios/india-pakistan-1984-2021.yaml -r 5 --variant base,no-track2 --format svg"),
        new("Change values without editing the file (checked like the file):", "tracksim run scenarios/minimal.yaml --set citizens.per_state=500 --set parameters.posture.fear=0.4 --out results/fear-0.4"),
        new("Charts for a slide rather than a journal column:", "tracksim run scenarios/teaching/transfer.yaml --width 10 --height 5.6 --font-size 16 --dpi 150"),
    ];

    private int Execute(ParseResult parseResult)
    {
        var started = _console.Clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var token = _console.Cancellation;
        if (_input.Load(parseResult, _console.Error) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        var (scenario, path, overrides) = loaded;
        bool quiet = parseResult.GetValue(_quiet);
        var variants = Variants(parseResult, scenario);
        if (variants is null)
        {
            return ExitCodes.InvalidInput;
        }

        // Effects are differences from the base; without it they cannot be computed, which is said rather than left unseen.
        if (!quiet && !variants.Contains(Scenario.BaseVariant))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: note: --variant: '{Scenario.BaseVariant}' is not among the variants run, so there is nothing to compare them with: no effects.csv, recovery.csv or effects/ charts (add it: --variant {string.Join(',', variants.Prepend(Scenario.BaseVariant))})");
        }

        int replicates = parseResult.GetValue(_replicates) ?? scenario.Ensemble.Replicates;
        int threads = parseResult.GetValue(_threads) ?? Environment.ProcessorCount;
        long values = RecordedValues(scenario, variants, replicates);
        if (values > MaxRecordedValues)
        {
            _console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{ToolInfo.Name}: error: this run would record {values:N0} values (about {values * 8 / 1e9:0.#} GB of memory, more in series.csv); at most {MaxRecordedValues:N0}: use fewer replicates or variants, or a coarser step"));
            return ExitCodes.InvalidInput;
        }

        if (MemoryEstimate.ForRun(scenario, variants, replicates, threads).Refusal(HostLimits.AvailableMemoryBytes) is { } tooLarge)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {tooLarge}");
            return ExitCodes.InvalidInput;
        }

        bool noCharts = parseResult.GetValue(_noCharts);
        var style = _charts.Apply(parseResult, ChartStyle.FromOutputs(scenario.Outputs));
        if (!noCharts && style.Problems() is { Count: > 0 } problems)
        {
            foreach (string problem in problems)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: charts: {problem}");
            }

            return ExitCodes.InvalidInput;
        }

        string folder = parseResult.GetValue(_out) ?? ResultsFolder.DefaultFor(scenario.Name);
        if (ResultsFolder.Refusal(folder, scenario.Name) is { } refusal && !parseResult.GetValue(_force))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {refusal}; use --force to write there anyway, or --out to choose another folder");
            return ExitCodes.Failure;
        }

        var series = SeriesOutputOf(parseResult);
        if (DiskEstimate.Refusal(scenario, variants, replicates, folder, series.Format, series.Metrics.IsEmpty ? null : series.Keeps) is { } tooLargeForDisk)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {tooLargeForDisk}");
            return ExitCodes.Failure;
        }

        using var output = OutputFolders.Open(folder, _console.Error, out int unusable);
        if (output is null)
        {
            return unusable;
        }

        var options = new EnsembleOptions { Replicates = replicates, Seed = parseResult.GetValue(_seed), Threads = threads, Variants = variants };
        int total = variants.Count * replicates;
        if (!quiet)
        {
            _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {variants.Count} variant{(variants.Count == 1 ? string.Empty : "s")} x {replicates} replicates = {total} runs of {scenario.Calendar.StepCount} steps on {threads} thread{(threads == 1 ? string.Empty : "s")}"));
        }

        var ensemble = RunProgress.Show(_console, quiet, total, progress => Ensemble.Run(scenario, options, progress, token));
        var status = quiet ? null : new LineProgress(_console.Error);
        var provenance = RunProvenance.For(path, overrides, threads, CommandLine(parseResult), started, ToolInfo.Version);
        var report = ResultsWriter.Write(output, ensemble, provenance, noCharts ? null : style, _console.Clock, series, status, token);
        if (!quiet)
        {
            foreach (string note in report.Notes)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: note: {note}");
            }

            WriteSummary(report, stopwatch.Elapsed);
        }

        return ExitCodes.Success;
    }

    /// <summary>What the results keep of the series, from <c>--series</c> and <c>--metrics</c> (checked by their validators).</summary>
    private SeriesOutput SeriesOutputOf(ParseResult parseResult) =>
        new(_series.FormatOf(parseResult, SeriesFormat.Parquet), _series.MetricsOf(parseResult));

    /// <summary>The variants to run, checked against the scenario; null (after reporting) when one is unknown.</summary>
    private List<string>? Variants(ParseResult parseResult, Scenario scenario)
    {
        var known = scenario.VariantNames.ToList();
        var asked = ChartOptions.Split(parseResult.GetValue(_variants) ?? []);
        if (asked.IsEmpty)
        {
            return known;
        }

        bool valid = true;
        foreach (string name in asked.Where(n => !known.Contains(n)))
        {
            string hint = Suggestions.Hint(name, known);
            _console.Error.WriteLine($"{ToolInfo.Name}: error: --variant: the scenario has no variant '{name}'; {hint}its variants are {string.Join(", ", known)}");
            valid = false;
        }

        return valid ? [.. asked.Distinct(StringComparer.Ordinal)] : null;
    }

    /// <summary>Values the ensemble will hold in memory: runs x series x recorded points.</summary>
    internal static long RecordedValues(Scenario scenario, IReadOnlyCollection<string> variants, int replicates)
    {
        long series = variants.Max(v => MetricSubjects.SeriesPerRun(scenario.ForVariant(v)));
        return series * (scenario.Calendar.StepCount + 1L) * variants.Count * replicates;
    }

    /// <summary>The command line as a shell would need it typed, for the manifest.</summary>
    internal static string CommandLine(ParseResult parseResult) =>
        string.Join(' ', parseResult.Tokens.Select(t => Quote(t.Value)).Prepend(ToolInfo.Name));

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:+@%[]".Contains(c, StringComparison.Ordinal))
            ? token
            : $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private void WriteSummary(ResultsReport report, TimeSpan elapsed)
    {
        var files = report.Manifest.Files;
        var data = files.Where(f => !f.Path.Contains('/', StringComparison.Ordinal)).Select(f => $"{f.Path} ({Size(f.Bytes)})");
        var charts = files.Where(f => f.Path.StartsWith(ChartWriter.FolderName + "/", StringComparison.Ordinal)).ToList();
        string folder = report.Folder.EndsWith('/') ? report.Folder : report.Folder + "/";
        _console.Out.WriteLine($"{folder} ({PlainProgress.Duration(elapsed)})");
        _console.Out.WriteLine($"  {string.Join(", ", data)}, {Manifest.FileName}");
        if (charts.Count > 0)
        {
            var stems = charts.Select(c => Path.GetFileNameWithoutExtension(c.Path)).Distinct(StringComparer.Ordinal);
            var formats = charts.Select(c => Path.GetExtension(c.Path).TrimStart('.')).Distinct(StringComparer.Ordinal);
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ChartWriter.FolderName}/: {charts.Count} files ({string.Join(", ", formats)}): {string.Join(", ", stems)}"));
        }

        // The other folders (effects/, networks/) by file count, so nothing written goes unmentioned.
        foreach (var folderFiles in files.Where(f => f.Path.Contains('/', StringComparison.Ordinal) && !f.Path.StartsWith(ChartWriter.FolderName + "/", StringComparison.Ordinal))
            .GroupBy(f => f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {folderFiles.Key}/: {folderFiles.Count()} files"));
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    // Status lines while the results are written.
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}

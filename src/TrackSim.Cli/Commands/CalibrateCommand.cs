using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrackSim.Cli.Help;
using TrackSim.Cli.Progress;
using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Limits;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Calibration;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim calibrate FILE --targets TARGETS --vary PATH[=LOW:HIGH] ...</c>: infers the
/// posterior of the varied parameters by ABC-SMC against the targets, then runs the posterior
/// predictive check; writes particles.csv, generations.csv, posterior-summary.csv, fit.csv,
/// predictive.csv, charts and calibration.json (docs/CALIBRATION.md).
/// </summary>
internal sealed class CalibrateCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;
    private readonly ScenarioInput _input = new();
    private readonly ChartOptions _charts = new();

    private readonly Option<string> _targets = new Option<string>("--targets", "-t")
    {
        Description = "The targets file (CSV; the format is in docs/CALIBRATION.md), e.g. data/targets/india-pakistan-1984-2021.csv.",
        HelpName = "FILE",
        Required = true,
    }.RequiringName("a file name");

    private readonly Option<string[]> _vary = new("--vary")
    {
        Description = "A parameter to calibrate and its uniform prior: a numeric scenario path as in --set (without a range, a model parameter's documented range) or observation.unfavourable_cut / observation.neutral_band (the survey mapping). Repeatable.",
        HelpName = "PATH[=LOW:HIGH]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        Required = true,
    };

    private readonly Option<int?> _population = new Option<int?>("--population", "-n") { Description = "Particles per generation, 2 to 100000 (default 100).", HelpName = "N" }.WholeNumber(2, 100_000);

    private readonly Option<int?> _generations = new Option<int?>("--generations", "-g") { Description = "Generations to run, counting the draws from the prior, 1 to 100 (default 5 unless --final-tolerance is given).", HelpName = "G" }.WholeNumber(1, 100);

    private readonly Option<double?> _finalTolerance = new Option<double?>("--final-tolerance") { Description = "Stop once a generation's tolerance is at most this distance.", HelpName = "D" }.Number(0, 1e6, "distance units");

    private readonly Option<double?> _quantile = new Option<double?>("--quantile") { Description = "The quantile of a generation's distances that becomes the next tolerance, above 0 and below 1 (default 0.5).", HelpName = "Q" }.Number(1e-6, 1 - 1e-6, "");

    private readonly Option<int?> _maxSimulations = new Option<int?>("--max-simulations") { Description = "Simulations one generation may run before the calibration stops (default 1000 x population).", HelpName = "N" }.WholeNumber(2, int.MaxValue);

    private readonly Option<int?> _replicates = new Option<int?>("--replicates", "-r") { Description = "Runs per particle, 1 to 1000 (default 1); the distance is their mean.", HelpName = "R" }.WholeNumber(1, 1000);

    private readonly Option<bool> _common = new("--common-random-numbers") { Description = "Run every particle with the same seeds (the calibration's) instead of its own: smoother distances, at the price of conditioning on one draw of the noise." };

    private readonly Option<string> _until = new("--until") { Description = "Fit only the targets that end by this date (YYYY-MM or YYYY-MM-DD); the others are held out and only scored.", HelpName = "DATE" };

    private readonly Option<int?> _predictive = new Option<int?>("--predictive") { Description = "Posterior particles drawn for the predictive check, 0 to 100000 (default 100; 0 skips it). The central values also run for the scenario's replicates.", HelpName = "N" }.WholeNumber(0, 100_000);

    private readonly SeriesOptions _series = new(
        "Per-step series of the posterior predictive runs (not of every ABC particle): parquet (predictive-series.parquet), csv (predictive-series.csv, about fifteen times larger) or none (the default), with predictive-runs.csv giving each run's parameter values and seed.",
        "Keep only these metrics in predictive-series; repeat or separate with commas (needs --series). Default: every metric.");

    private readonly Option<ulong?> _seed = new Option<ulong?>("--seed") { Description = "Master seed, 0 to 2^53-1 (default: the scenario's ensemble.seed).", HelpName = "S" }.WholeNumber(0, RunCommand.MaxSeed);

    private readonly Option<int?> _threads = new Option<int?>("--threads", "-j") { Description = "Simulations at a time, 1 to 1024 (default: one per processor). Results do not depend on it.", HelpName = "N" }.WholeNumber(1, 1024);

    private readonly Option<string> _out = new Option<string>("--out", "-o") { Description = "Calibration folder (default: results/<scenario name>-calibration).", HelpName = "DIR" }.RequiringName("a folder name");

    private readonly Option<bool> _resume = new("--resume") { Description = "Continue the calibration in --out from its last finished generation; ends with the same particles as an uninterrupted run." };

    private readonly Option<bool> _noCharts = new("--no-charts") { Description = "Write the data and manifest only." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    private readonly Option<bool> _force = new("--force") { Description = "Start again in a folder that already holds a calibration (the files it wrote are replaced)." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public CalibrateCommand(CliConsole console)
        : base("calibrate", "Infer the posterior of parameters from observed targets by approximate Bayesian computation (ABC-SMC), and check it with posterior predictive runs.")
    {
        _console = console;
        _input.AddTo(this);
        foreach (var option in new Option[] { _targets, _vary, _population, _generations, _finalTolerance, _quantile, _maxSimulations, _replicates, _common, _until, _predictive, _seed, _threads, _out, _resume, _noCharts, _quiet, _force })
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
        new(
            "Calibrate two parameters and the survey mapping of India-Pakistan (a small run):",
            "tracksim calibrate scenarios/india-pakistan-1984-2021.yaml --targets data/targets/india-pakistan-1984-2021.csv --vary parameters.dialogue.min_suspension=0:5 --vary parameters.media.effect=0.02:0.3 --vary observation.unfavourable_cut --vary observation.neutral_band -n 40 -g 3"),
        new("Hold out 2008-2021: fit on the targets that end by 2007:", "tracksim calibrate scenarios/india-pakistan-1984-2021.yaml --targets data/targets/india-pakistan-1984-2021.csv --vary parameters.dialogue.min_suspension=0:5 --until 2007-12 --out results/held-out"),
        new("Continue after a crash or Ctrl-C:", "tracksim calibrate scenarios/india-pakistan-1984-2021.yaml --targets data/targets/india-pakistan-1984-2021.csv --vary parameters.dialogue.min_suspension=0:5 --resume"),
    ];

    private int Execute(ParseResult parseResult)
    {
        var token = _console.Cancellation;
        var clock = Stopwatch.StartNew();
        if (_input.Load(parseResult, _console.Error) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        var (scenario, path, overrideTexts) = loaded;
        var (baseOverrides, _) = Override.ParseAll(overrideTexts);
        bool quiet = parseResult.GetValue(_quiet);
        string targetsPath = parseResult.GetRequiredValue(_targets);
        ImmutableArray<CalibrationTarget> targets;
        ImmutableArray<UniformPrior> priors;
        AbcSmcOptions options;
        DateOnly? until;
        try
        {
            targets = TargetsFile.Read(targetsPath);
            if (TargetEvaluator.Problems(targets, scenario, targetsPath) is { Length: > 0 } problems)
            {
                throw new InvalidDataException(string.Join("\n", problems));
            }

            priors = [.. (parseResult.GetValue(_vary) ?? []).Select(v => Prior(v, path, baseOverrides))];
            if (priors.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != priors.Length)
            {
                throw new ArgumentException("--vary: each parameter may be calibrated only once");
            }

            until = parseResult.GetValue(_until) is { } text
                ? TargetPeriod.ParseDate(text) ?? throw new ArgumentException($"--until: '{text}' is not a date (YYYY-MM or YYYY-MM-DD)")
                : null;
            if (until is { } last && !targets.Any(t => Fitted(t, last)))
            {
                throw new ArgumentException($"--until {last:yyyy-MM-dd}: no target ends by then, so there is nothing to fit");
            }

            int population = parseResult.GetValue(_population) ?? 100;
            double? final = parseResult.GetValue(_finalTolerance);
            options = new AbcSmcOptions
            {
                Population = population,
                Generations = parseResult.GetValue(_generations) ?? (final is null ? 5 : null),
                FinalTolerance = final,
                Quantile = parseResult.GetValue(_quantile) ?? 0.5,
                MaxSimulationsPerGeneration = parseResult.GetValue(_maxSimulations),
                Threads = parseResult.GetValue(_threads) ?? Environment.ProcessorCount,
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            foreach (string line in SweepCommand.Message(e).Split('\n'))
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: {line}");
            }

            return ExitCodes.InvalidInput;
        }

        int replicates = parseResult.GetValue(_replicates) ?? 1;
        bool common = parseResult.GetValue(_common);
        ulong seed = parseResult.GetValue(_seed) ?? scenario.Ensemble.Seed;
        int draws = parseResult.GetValue(_predictive) ?? 100;
        var series = SweepSeries.Of(_series.FormatOf(parseResult, SeriesFormat.None), _series.MetricsOf(parseResult));
        if (series.Format == SeriesFormat.None ? !series.Metrics.IsEmpty : draws == 0)
        {
            _console.Error.WriteLine(series.Format == SeriesFormat.None
                ? $"{ToolInfo.Name}: error: --metrics chooses the metrics of the predictive series, which a calibration writes only when asked: add --series parquet or --series csv"
                : $"{ToolInfo.Name}: error: --series keeps the series of the posterior predictive runs, and --predictive 0 makes none: drop one of them");
            return ExitCodes.InvalidInput;
        }

        var fitted = until is { } end ? [.. targets.Where(t => Fitted(t, end))] : targets;
        var inputs = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
        {
            ["scenario_sha256"] = [FileHash.Sha256(path)],
            ["targets_sha256"] = [FileHash.Sha256(targetsPath)],
            ["set"] = [.. overrideTexts],
            ["vary"] = [.. priors.Select(p => $"{p.Name}={SweepPlan.Format(p.Low)}:{SweepPlan.Format(p.High)}")],
            ["population"] = [Invariant(options.Population)],
            ["generations"] = options.Generations is { } g ? [Invariant(g)] : [],
            ["final_tolerance"] = options.FinalTolerance is { } f ? [SweepPlan.Format(f)] : [],
            ["quantile"] = [SweepPlan.Format(options.Quantile)],
            ["max_simulations"] = options.MaxSimulationsPerGeneration is { } m ? [Invariant(m)] : [],
            ["replicates"] = [Invariant(replicates)],
            ["common_random_numbers"] = [common ? "true" : "false"],
            ["seed"] = [Invariant(seed)],
            ["until"] = until is { } u ? [u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [],
            ["tool_version"] = [ToolInfo.Version],
        };

        string folder = parseResult.GetValue(_out) ?? Path.Combine("results", scenario.Name + "-calibration");
        if (File.Exists(folder))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} is a file, not a folder");
            return ExitCodes.InvalidInput;
        }

        // The predictive runs come last, after hours of ABC perhaps: a disk too small for their series is said now.
        if (DiskEstimate.SeriesRefusal(scenario, (long)draws + scenario.Ensemble.Replicates, folder, series.Format, series.Metrics.IsEmpty ? null : series.Keeps, "predictive-series", "fewer predictive draws (--predictive)") is { } tooLargeForDisk)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {tooLargeForDisk}");
            return ExitCodes.Failure;
        }

        using var output = OutputFolders.Open(folder, _console.Error, out int unusable);
        if (output is null)
        {
            return unusable;
        }

        bool resume = parseResult.GetValue(_resume);
        bool force = parseResult.GetValue(_force);
        ImmutableArray<AbcGeneration> completed = [];
        ImmutableArray<(string Path, string Sha256)> previousFiles = [];
        try
        {
            var recorded = CalibrationManifest.Read(folder);
            previousFiles = recorded?.Files ?? [];
            if (recorded is null && !force && ResultsFolder.CalibrationRefusal(folder) is { } refusal)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: {refusal}; use --force to write there anyway, or --out to choose another folder");
                return ExitCodes.Failure;
            }

            if (recorded is { } manifest && !resume && !force)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} already holds a calibration; use --resume to continue it, --force to start again, or --out to choose another folder");
                return ExitCodes.Failure;
            }

            if (recorded is { } previous && resume)
            {
                if (CalibrationManifest.Differences(previous.Inputs, inputs) is { Length: > 0 } differences)
                {
                    _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} holds a different calibration; --resume continues only the same one:");
                    foreach (string line in differences)
                    {
                        _console.Error.WriteLine($"  {line}");
                    }

                    return ExitCodes.InvalidInput;
                }

                completed = ParticlesCsv.Read(output.Resolve(ParticlesCsv.FileName), output.Resolve(ParticlesCsv.GenerationsFileName), priors);
            }
            else if (recorded is { } old)
            {
                foreach (var (file, sha) in old.Files)
                {
                    output.DeleteOwned(file, sha);
                }
            }
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.Failure;
        }

        var calibration = new ScenarioCalibration(priors, fitted, values => ScenarioAt(path, baseOverrides, priors, values), replicates, common, seed);
        string commandLine = RunCommand.CommandLine(parseResult);
        var written = new List<string>();
        void Checkpoint(IReadOnlyList<AbcGeneration> generations, string message)
        {
            output.Write(ParticlesCsv.FileName, s => Utf8(s, ParticlesCsv.Particles(priors, generations)), CancellationToken.None);
            output.Write(ParticlesCsv.GenerationsFileName, s => Utf8(s, ParticlesCsv.Generations(priors, generations)), CancellationToken.None);
            CalibrationManifest.Write(output, inputs, commandLine, ToolInfo.Version, complete: false, message, [ParticlesCsv.FileName, ParticlesCsv.GenerationsFileName]);
        }

        if (!quiet)
        {
            _console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{scenario.Name}: ABC-SMC on {priors.Length} parameter{(priors.Length == 1 ? string.Empty : "s")} against {fitted.Length} targets{(fitted.Length < targets.Length ? $" ({targets.Length - fitted.Length} held out)" : string.Empty)}, {options.Population} particles, {(options.Generations is { } gens ? $"{gens} generations" : "until the final tolerance")}{(completed.Length > 0 ? $", continuing after generation {completed.Length - 1}" : string.Empty)}"));
        }

        var finishedGenerations = new List<AbcGeneration>(completed);
        var progress = quiet ? null : new GenerationProgress(_console.Error);
        AbcResult result;
        try
        {
            result = AbcSmc.Run(
                priors,
                calibration.Simulator,
                options,
                seed,
                completed,
                generation =>
                {
                    finishedGenerations.Add(generation);
                    Checkpoint(finishedGenerations, $"generation {generation.Index} finished");
                    progress?.Finished(generation);
                },
                progress,
                token);
        }
        catch (ArgumentException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {SweepCommand.Message(e)}");
            return ExitCodes.Failure;
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.Failure;
        }

        Checkpoint(result.Generations, result.Message);
        written.AddRange([ParticlesCsv.FileName, ParticlesCsv.GenerationsFileName]);
        var summary = PosteriorSummary.Of(priors, result.Posterior);
        output.Write(PosteriorSummary.FileName, s => Utf8(s, CalibrationTables.Summary(summary)), token);
        written.Add(PosteriorSummary.FileName);
        PosteriorPredictive? predictive = null;
        if (draws > 0)
        {
            if (!quiet)
            {
                _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posterior predictive: {draws} drawn particles and the central values x {scenario.Ensemble.Replicates} replicates"));
            }

            // The predictive runs score every target, the held-out ones too.
            var scoring = new ScenarioCalibration(priors, targets, calibration.ScenarioAt, 1, common, seed);
            predictive = PosteriorPredictive.Run(scoring, result.Posterior, draws, scenario.Ensemble.Replicates, seed, options.Threads, token);
            output.Write(TargetFitRow.FileName, s => Utf8(s, CalibrationTables.Fit(predictive.Fit(), t => until is not { } e || Fitted(t, e))), token);
            output.Write(CalibrationTables.PredictiveFileName, s => Utf8(s, CalibrationTables.Predictive(PredictiveGroups(targets).Select(k => predictive.Series(k.Kind, k.Metric, k.Subject)))), token);
            written.AddRange([TargetFitRow.FileName, CalibrationTables.PredictiveFileName]);
            written.AddRange(PredictiveRuns.Write(output, predictive, priors, scenario, series, token));
        }

        if (!parseResult.GetValue(_noCharts))
        {
            written.AddRange(DrawCharts(output, scenario, targets, result, predictive, _charts.Apply(parseResult, ChartStyle.FromOutputs(scenario.Outputs)), token));
        }

        // --series may change on resume (the predictive runs are made again): an earlier series file not written again goes.
        foreach (var (file, sha) in previousFiles.Where(f => !written.Contains(f.Path) && (f.Path == PredictiveRuns.RunsFileName || f.Path.StartsWith("predictive-series.", StringComparison.Ordinal))))
        {
            output.DeleteOwned(file, sha);
        }

        CalibrationManifest.Write(output, inputs, commandLine, ToolInfo.Version, complete: true, result.Message, written);
        if (!quiet)
        {
            WriteReport(folder, result, summary, predictive, clock.Elapsed, written);
        }

        return ExitCodes.Success;
    }

    /// <summary>The series a predictive chart shows: one per kind, metric and subject of a level or survey target, in the targets' order.</summary>
    internal static IEnumerable<(TargetKind Kind, string Metric, string Subject)> PredictiveGroups(IEnumerable<CalibrationTarget> targets) =>
        targets.Where(t => t.Kind is TargetKind.Level or TargetKind.Favourable or TargetKind.Unfavourable or TargetKind.Change or TargetKind.Peak)
            .Select(t => (t.Kind is TargetKind.Change or TargetKind.Peak ? TargetKind.Level : t.Kind, t.Metric, t.Subject))
            .Distinct();

    /// <summary>
    /// Draws charts/posterior-marginals, charts/posterior-pairs and, after a predictive check, one
    /// charts/predictive-* per series the targets compare levels on, with the observed values over
    /// the bands (each observation's bar is its tolerance). Returns the files written.
    /// </summary>
    private static IEnumerable<string> DrawCharts(
        OutputFolder output, Scenario scenario, ImmutableArray<CalibrationTarget> targets, AbcResult result, PosteriorPredictive? predictive, ChartStyle style, CancellationToken token)
    {
        string folder = output.Folder(ChartsFolder);
        string title = $"{scenario.Title}: posterior after generation {result.Posterior.Index}";
        var sample = PosteriorSample.From(result.Posterior, result.Priors, UnitOf);
        var files = new List<string>();
        files.AddRange(PosteriorCharts.Marginals(folder, "posterior-marginals", title, sample.Parameters, sample.Weights, style, token));
        if (result.Priors.Length >= 2)
        {
            files.AddRange(PosteriorCharts.Pairs(folder, "posterior-pairs", title, sample.Parameters, sample.Weights, style, token));
        }

        if (predictive is not null)
        {
            foreach (var (kind, metric, subject) in PredictiveGroups(targets))
            {
                var series = predictive.Series(kind, metric, subject);
                bool share = kind is TargetKind.Favourable or TargetKind.Unfavourable;
                var definition = TrackSim.Core.Metrics.MetricCatalog.Find(metric)!;
                bool unit = share || definition.Unit is "0-1" or "0 or 1";
                double floor = unit ? 0 : double.NegativeInfinity;
                double ceiling = unit ? 1 : double.PositiveInfinity;

                // The observations of levels on this series; a bar is the target's tolerance, cut at the metric's range.
                var observed = targets
                    .Where(t => t.Kind == kind && t.Metric == metric && t.Subject == subject)
                    .Select(t => new ObservedPoint(Middle(t.Period!), t.Observed, Math.Max(floor, t.Observed - t.Tolerance), Math.Min(ceiling, t.Observed + t.Tolerance), "observed, ± tolerance"))
                    .ToImmutableArray();
                string what = share ? $"Share {TargetsFile.NameOf(kind)}" : definition.Title;
                var band = new PredictiveBand(series.Dates, series.Median, series.Low, series.High, series.NoiseLow, series.NoiseHigh);
                var input = new PredictiveChartInput(
                    $"{what}, {subject}: posterior predictive",
                    what,
                    share ? "share of citizens" : definition.Unit,
                    band,
                    observed,
                    $"{scenario.Title}; {predictive.Draws} posterior particles, {predictive.CentralReplicates} runs at the central values",
                    Floor: floor,
                    Ceiling: ceiling);
                string stem = $"predictive-{TargetsFile.NameOf(kind)}-{metric.Replace('_', '-')}-{subject.Replace('>', '-')}".ToLowerInvariant();
                files.AddRange(PredictiveChart.Save(folder, stem, input, style, token));
            }
        }

        return files.Select(f => $"{ChartsFolder}/{Path.GetFileName(f)}");
    }

    private static string UnitOf(string name) =>
        name.StartsWith("parameters.", StringComparison.Ordinal) && ParameterCatalog.Find(name["parameters.".Length..]) is { } definition
            ? definition.Unit
            : ObservationModel.IsObservation(name) ? "trust" : string.Empty;

    private static DateOnly Middle(TargetPeriod period) => DateOnly.FromDayNumber((period.First.DayNumber + period.Last.DayNumber) / 2);

    private const string ChartsFolder = "charts";

    private static bool Fitted(CalibrationTarget target, DateOnly until) => target.LastDay is { } last && last <= until;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Utf8(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Parses <c>PATH[=LOW:HIGH]</c>: an observation parameter (its documented range by default), or
    /// a numeric scenario path checked as <c>sweep --vary</c> checks it (a model parameter's
    /// documented range by default).
    /// </summary>
    private static UniformPrior Prior(string text, string scenarioPath, IReadOnlyList<Override> baseOverrides)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string name = (equals < 0 ? text : text[..equals]).Trim();
        if (ObservationModel.IsObservation(name))
        {
            var range = ObservationModel.Ranges.FirstOrDefault(r => r.Name == name)
                ?? throw new ArgumentException($"--vary {text}: there is no observation parameter '{name}'; there are {string.Join(" and ", ObservationModel.Ranges.Select(r => r.Name))}");
            if (equals < 0)
            {
                return range;
            }

            var (low, high) = Bounds(text, text[(equals + 1)..]);
            return low >= 0 && high <= 1
                ? Uniform(text, name, low, high)
                : throw new ArgumentException($"--vary {text}: an observation parameter is a level of trust, between 0 and 1");
        }

        string bounds;
        if (equals >= 0)
        {
            bounds = text[(equals + 1)..];
        }
        else
        {
            string key = name.StartsWith("parameters.", StringComparison.Ordinal) ? name["parameters.".Length..] : name;
            var definition = ParameterCatalog.Find(key)
                ?? throw new ArgumentException($"--vary {text}: give a range (PATH=LOW:HIGH); only a model parameter (parameters.GROUP.NAME) has a documented one to default to");
            bounds = $"{SweepPlan.Format(definition.Min)}:{SweepPlan.Format(definition.Max)}";
            name = "parameters." + key;
        }

        var checkedRange = SweepCommand.ParseVary($"{name}={bounds}", scenarioPath, baseOverrides);
        if (checkedRange.Count is not null)
        {
            throw new ArgumentException($"--vary {text}: a prior is a range LOW:HIGH, without a grid count");
        }

        return Uniform(text, checkedRange.Path, checkedRange.Low, checkedRange.High);
    }

    private static (double Low, double High) Bounds(string text, string bounds)
    {
        string[] parts = bounds.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double high)
            && double.IsFinite(low) && double.IsFinite(high)
            ? (low, high)
            : throw new ArgumentException($"--vary {text}: expected PATH=LOW:HIGH with two numbers, e.g. observation.neutral_band=0:0.3");
    }

    private static UniformPrior Uniform(string text, string name, double low, double high) =>
        low < high ? new UniformPrior(name, low, high) : throw new ArgumentException($"--vary {text}: LOW must be below HIGH (a prior needs a width)");

    private static Scenario ScenarioAt(string path, IReadOnlyList<Override> baseOverrides, ImmutableArray<UniformPrior> priors, ImmutableArray<double> values) =>
        SweepCommand.ScenarioWith(path, baseOverrides, priors.Where(p => !ObservationModel.IsObservation(p.Name)).Select((p, i) => (p.Name, values[i])), "particle");

    private void WriteReport(string folder, AbcResult result, ImmutableArray<PosteriorSummary> summary, PosteriorPredictive? predictive, TimeSpan elapsed, List<string> written)
    {
        var o = _console.Out;
        o.WriteLine($"{(folder.EndsWith('/') ? folder : folder + "/")} ({PlainProgress.Duration(elapsed)})");
        o.WriteLine($"  {result.Message}");
        long simulations = result.Generations.Sum(g => g.Simulations);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Generations.Length} generations, {simulations} simulations; last tolerance {result.Posterior.Tolerance:0.###}, effective sample size {result.Posterior.EffectiveSampleSize:0}"));
        int width = Math.Max(9, summary.Max(s => s.Parameter.Length));
        o.WriteLine($"  {"parameter".PadRight(width)}  median   5-95 %          prior");
        foreach (var s in summary)
        {
            string central = string.Create(CultureInfo.InvariantCulture, $"  {s.Parameter.PadRight(width)}  {s.Median,-7:0.####}  {s.Q05:0.####}-{s.Q95:0.####}");
            o.WriteLine(central.PadRight(width + 35) + string.Create(CultureInfo.InvariantCulture, $"{s.PriorLow:0.####}-{s.PriorHigh:0.####}"));
        }

        if (predictive is not null)
        {
            var fit = predictive.Fit();
            double posteriorMet = fit.Where(r => r.Runs == "posterior").Average(r => r.MetShare);
            double centralMet = fit.Where(r => r.Runs == "central").Average(r => r.MetShare);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  targets met: {posteriorMet:0.00} of the time over {predictive.Draws} posterior draws, {centralMet:0.00} at the central values ({predictive.CentralReplicates} replicates); see {TargetFitRow.FileName}"));
        }

        var charts = written.Where(f => f.StartsWith(ChartsFolder + "/", StringComparison.Ordinal)).ToList();
        string chartNote = charts.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {ChartsFolder}/ ({charts.Count} files)");
        o.WriteLine($"  {string.Join(", ", written.Except(charts))}{chartNote}, {CalibrationManifest.FileName}");
    }

    /// <summary>Plain progress lines: at most one every ten seconds while a generation runs, one when it ends.</summary>
    private sealed class GenerationProgress(TextWriter error) : IProgress<AbcProgress>
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
        private readonly Stopwatch _generationClock = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private TimeSpan _last = TimeSpan.Zero;
        private int _generation = -1;

        public void Report(AbcProgress value)
        {
            lock (_gate)
            {
                if (value.Generation != _generation)
                {
                    _generation = value.Generation;
                    _generationClock.Restart();
                    _last = TimeSpan.Zero;
                }

                var now = _generationClock.Elapsed;
                if (now - _last < Every || value.Accepted == value.Population)
                {
                    return;
                }

                _last = now;

                // Time left in this generation, at the acceptance rate so far.
                string left = value.Accepted == 0
                    ? "time left unknown (nothing accepted yet)"
                    : $"about {PlainProgress.Duration(now * ((double)(value.Population - value.Accepted) / value.Accepted))} left in it";
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation {value.Generation} (tolerance {value.Tolerance:0.###}): {value.Accepted}/{value.Population} accepted of {value.Simulations} simulations, {left}"));
            }
        }

        public void Finished(AbcGeneration generation)
        {
            lock (_gate)
            {
                error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"generation {generation.Index} done in {PlainProgress.Duration(_generationClock.Elapsed)}: tolerance {generation.Tolerance:0.###}, {generation.Simulations} simulations, acceptance {generation.AcceptanceRate:0.###}, effective sample size {generation.EffectiveSampleSize:0}"));
            }
        }
    }
}

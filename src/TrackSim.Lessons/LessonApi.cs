using System.Globalization;
using System.Text.Json;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Limits;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Lessons;

/// <summary>
/// What the endpoints compute, apart from HTTP: a lesson's controls, a run of a lesson with the
/// page's changes (loaded, checked and summarised exactly as <c>tracksim run</c> does), and the
/// check of an uploaded scenario text.
/// </summary>
public static class LessonApi
{
    /// <summary>The metrics a run returns, in the order the page draws them.</summary>
    public static readonly IReadOnlyList<string> Metrics =
    [
        MetricCatalog.Tension.Name,
        MetricCatalog.OfficialTrust.Name,
        MetricCatalog.PublicTrust.Name,
        MetricCatalog.Track2Trust.Name,
        MetricCatalog.Track2Agreement.Name,
    ];

    /// <summary>The rule id the engine logs scenario events under.</summary>
    private const string EventRule = "EVENT";

    /// <summary>The controls of <paramref name="lesson"/>; null (with the reason) when its file no longer loads.</summary>
    public static (LessonDetail? Detail, string? Error) Detail(Lesson lesson)
    {
        var loaded = ScenarioLoader.LoadText(lesson.Yaml, lesson.File);
        if (!loaded.IsValid)
        {
            return (null, $"lesson '{lesson.Id}': its scenario no longer loads ({First(loaded.Errors)})");
        }

        var scenario = loaded.Scenario!;
        var variants = scenario.Variants.Select(v => new VariantInfo(v.Name, v.Description ?? string.Empty))
            .Prepend(new VariantInfo(Scenario.BaseVariant, "The scenario as written."))
            .ToList();
        var mechanisms = Mechanism.All.Select(m => new MechanismInfo(m.Name, m.RuleId, m.Description, scenario.Mechanisms.IsOn(m))).ToList();
        var calendar = scenario.Calendar;
        var guide = LessonGuide.For(lesson.Id);
        return (new LessonDetail(
            lesson.Id,
            lesson.Title,
            lesson.Description,
            DefaultReplicates(scenario),
            Date(calendar.DateOf(0)),
            Date(calendar.DateOf(calendar.StepCount)),
            variants,
            mechanisms,
            Parameters(scenario, guide),
            SeriesOf(scenario),
            guide), null);
    }

    /// <summary>
    /// The parameters a lesson names: those its scenario sets, those its variants set and those its
    /// exercises in the teaching guide set, in
    /// catalog order, each with the value the base scenario uses. A parameter of each state is offered
    /// as its value for every state (<c>parameters.group.name</c>); values a scenario sets for one state
    /// (under <c>states</c>) are not sliders.
    /// </summary>
    internal static List<ParameterInfo> Parameters(Scenario scenario, LessonGuide? guide)
    {
        var named = scenario.ScenarioParameters.Keys
            .Concat(scenario.Variants.SelectMany(v => v.Parameters.Keys))
            .Concat(ExerciseParameters(guide))
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. ParameterCatalog.All
                .Where(p => named.Contains(p.Key))
                .Select(p => new ParameterInfo(p.Key, "parameters." + p.Key, p.Min, p.Max, p.Unit, p.Default, scenario.Parameters[p.Key], p.Description)),
        ];
    }

    // The catalog keys the guide's exercises set for every state (parameters.group.name), so each gets a slider.
    private static IEnumerable<string> ExerciseParameters(LessonGuide? guide) =>
        (guide?.Exercises ?? []).SelectMany(e => e.Settings.Set.Keys)
            .Where(path => path.StartsWith("parameters.", StringComparison.Ordinal))
            .Select(path => path["parameters.".Length..]);

    /// <summary>
    /// The series a run of the base variant answers, known before any run: each metric the page draws
    /// for the subjects the engine records it for (<see cref="MetricSubjects"/>).
    /// </summary>
    internal static List<SeriesName> SeriesOf(Scenario scenario)
    {
        var resolved = scenario.ForVariant(Scenario.BaseVariant);
        return [.. Metrics.SelectMany(metric => MetricSubjects.Of(MetricCatalog.Find(metric)!, resolved).Select(subject => new SeriesName(metric, subject)))];
    }

    /// <summary>Replicates used when a run asks for none: the scenario's, at most <see cref="RunLimits.MaxReplicates"/>.</summary>
    public static int DefaultReplicates(Scenario scenario) => Math.Min(scenario.Ensemble.Replicates, RunLimits.MaxReplicates);

    /// <summary>
    /// The overrides a run request makes: its <c>set</c> values, then its mechanism switches as
    /// <c>mechanisms.NAME</c>; null with the problems when one is not a value or not a path.
    /// </summary>
    public static (IReadOnlyList<Override>? Overrides, string? Error) Overrides(RunRequest request)
    {
        var texts = new List<string>();
        foreach (var (path, value) in request.Set ?? [])
        {
            if (path.Contains('=', StringComparison.Ordinal))
            {
                return (null, $"set: '{path}' is not a scenario path (it holds '=')");
            }

            if (OverrideValue(value) is not { } text)
            {
                return (null, $"set: '{path}' needs a number, a word or true/false, not {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            texts.Add($"{path}={text}");
        }

        foreach (var (name, on) in request.Mechanisms ?? [])
        {
            if (Mechanism.Find(name) is null)
            {
                return (null, $"mechanisms: there is no mechanism '{name}'");
            }

            texts.Add($"mechanisms.{name}={(on ? "true" : "false")}");
        }

        var (overrides, errors) = Override.ParseAll(texts);
        return errors.IsEmpty ? (overrides, null) : (null, string.Join("; ", errors.Select(Describe)));
    }

    /// <summary>
    /// The run a request asks for, checked as a run and an export both check it, in this order: its
    /// changes, the scenario they make, the variant, the replicates and the population; null with
    /// the problem when one is not valid.
    /// </summary>
    public static (PreparedRun? Run, string? Error) Prepare(Lesson lesson, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(request);
        var (overrides, overrideError) = Overrides(request);
        if (overrides is null)
        {
            return (null, overrideError);
        }

        var loaded = ScenarioLoader.LoadText(lesson.Yaml, lesson.File, overrides);
        if (!loaded.IsValid)
        {
            return (null, string.Join("; ", loaded.Errors.Take(5).Select(Describe)));
        }

        var scenario = loaded.Scenario!;
        string variant = request.Variant ?? Scenario.BaseVariant;
        if (!scenario.VariantNames.Contains(variant, StringComparer.Ordinal))
        {
            return (null, $"variant: lesson '{lesson.Id}' has no variant '{variant}'; its variants are {string.Join(", ", scenario.VariantNames)}");
        }

        int replicates = request.Replicates ?? DefaultReplicates(scenario);
        if (replicates is < 1 or > RunLimits.MaxReplicates)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"replicates: {replicates} is out of range; use 1 to {RunLimits.MaxReplicates}"));
        }

        if (scenario.Citizens.PerState > RunLimits.MaxCitizensPerState)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"citizens.per_state: {scenario.Citizens.PerState:N0} citizens per state is more than a run here may simulate ({RunLimits.MaxCitizensPerState:N0}); run larger populations with tracksim run"));
        }

        return (new PreparedRun(scenario, overrides, variant, replicates), null);
    }

    /// <summary>
    /// Loads <paramref name="lesson"/> with the request's changes, runs the variant's ensemble and
    /// summarises it; null with the problem when the request is not valid.
    /// </summary>
    /// <param name="lesson">The lesson.</param>
    /// <param name="request">The page's changes.</param>
    /// <param name="threads">Replicates run at a time; the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static (RunResponse? Response, string? Error) Run(Lesson lesson, RunRequest request, int threads, CancellationToken cancellationToken)
    {
        var (run, error) = Prepare(lesson, request);
        if (run is null)
        {
            return (null, error);
        }

        // The same memory check as 'tracksim run': a 'set' of citizens.per_state can ask for more than the machine has.
        var options = new EnsembleOptions { Replicates = run.Replicates, Variants = [run.Variant], Threads = threads, Snapshots = false };
        if (MemoryEstimate.ForRun(run.Scenario, [run.Variant], run.Replicates, options.Threads).Refusal(HostLimits.AvailableMemoryBytes) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        var ensemble = Ensemble.Run(run.Scenario, options, progress: null, cancellationToken);
        var summary = SummaryTable.FromEnsemble(ensemble, cancellationToken);
        return (Response(lesson.Id, run.Variant, summary, ensemble), null);
    }

    /// <summary>Checks a scenario text as <c>tracksim validate</c> does.</summary>
    public static ValidateResponse Validate(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "upload");
        return new ValidateResponse(result.IsValid, [.. result.Errors.Select(e => new ErrorInfo(e.Line, e.Column, e.Path, e.Message))]);
    }

    /// <summary>One event-log line as a reader would say it: <c>2008-11: what happened (rule ID)</c>.</summary>
    public static string LogLine(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string source = entry.Rule == EventRule ? "scenario event" : $"rule {entry.Rule}";
        return string.Create(CultureInfo.InvariantCulture, $"{entry.Date:yyyy-MM}: {entry.Subject}: {entry.Detail} ({source})");
    }

    private static RunResponse Response(string lesson, string variant, SummaryTable summary, EnsembleResult ensemble)
    {
        var series = Metrics
            .SelectMany(metric => summary.Series.Where(s => s.Variant == variant && s.Metric == metric))
            .Select(s => new SeriesInfo(s.Metric, s.Subject, s.P50, s.P05, s.P95))
            .ToList();
        var dates = summary.Series.FirstOrDefault(s => s.Variant == variant)?.Dates.Select(Date).ToList() ?? [];

        // Markers and log come from the first replicate: the events of the scenario happen in every
        // replicate, and a rule's changes are one possible history, which the page says.
        var log = ensemble.RunsOf(variant).OrderBy(r => r.Replicate).First().Log;
        var events = log.Select(e => e.Rule == EventRule
                ? new EventInfo(Date(e.Date), e.Detail, "scenario", null)
                : new EventInfo(Date(e.Date), $"{e.Subject}: {e.Detail}", "rule", e.Rule))
            .ToList();
        return new RunResponse(lesson, variant, summary.Replicates, dates, series, events, [.. log.Take(RunLimits.MaxLogLines).Select(LogLine)]);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? OverrideValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A problem as a refusal names it: <c>set PATH: message</c>, or the place in the lesson's file and the message.</summary>
    internal static string Describe(Diagnostic d) =>
        (d.File == Override.DiagnosticFile, d.Path.Length == 0) switch
        {
            (true, true) => $"set: {d.Message}",
            (true, false) => $"set {d.Path}: {WithoutSetText(d.Message)}",
            (false, true) => $"line {d.Line}, column {d.Column}: {d.Message}",
            (false, false) => $"{d.Path} (line {d.Line}, column {d.Column}): {d.Message}",
        };

    // The loader ends an override's message with "(from --set PATH=VALUE)", which names the command
    // line's option; a request's 'set' is already named at the start of the message.
    private static string WithoutSetText(string message)
    {
        int from = message.LastIndexOf(" (from --set ", StringComparison.Ordinal);
        return from > 0 && message.EndsWith(')') ? message[..from] : message;
    }

    private static string First(IReadOnlyList<Diagnostic> errors) => errors.Count == 0 ? "no scenario" : Describe(errors[0]);
}

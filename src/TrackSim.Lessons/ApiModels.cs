using System.Text.Json;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Lessons;

/// <summary>One entry of <c>GET /api/lessons</c>.</summary>
public sealed record LessonSummary(string Id, string Title, string Description);

/// <summary>The answer to <c>GET /api/lessons/{id}</c>: what the page needs to build its controls.</summary>
/// <param name="Id">Lesson id.</param>
/// <param name="Title">The scenario's title.</param>
/// <param name="Description">The scenario's description.</param>
/// <param name="Replicates">Replicates a run uses when it asks for none.</param>
/// <param name="Start">First date of the run, <c>yyyy-MM-dd</c>.</param>
/// <param name="End">Last date of the run.</param>
/// <param name="Variants">The variants, <c>base</c> first.</param>
/// <param name="Mechanisms">Every mechanism switch.</param>
/// <param name="Parameters">The parameters the lesson names.</param>
/// <param name="Series">The series a run answers (metric and subject), known before the first run so a prediction can name one.</param>
/// <param name="Guide">What the teaching guide says about the lesson, or null for a scenario it does not describe.</param>
public sealed record LessonDetail(
    string Id,
    string Title,
    string Description,
    int Replicates,
    string Start,
    string End,
    IReadOnlyList<VariantInfo> Variants,
    IReadOnlyList<MechanismInfo> Mechanisms,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<SeriesName> Series,
    LessonGuide? Guide);

/// <summary>A series a run answers.</summary>
public sealed record SeriesName(string Metric, string Subject);

/// <summary>A variant of a lesson's scenario (<c>base</c> is the scenario as written).</summary>
public sealed record VariantInfo(string Name, string Description);

/// <summary>A mechanism switch and whether the scenario has it on.</summary>
public sealed record MechanismInfo(string Name, string Rule, string Description, bool On);

/// <summary>A parameter the lesson names, with what a slider needs.</summary>
/// <param name="Key">Catalog key, <c>group.name</c>.</param>
/// <param name="Path">The <c>set</c> path that changes it, <c>parameters.group.name</c>.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Default">The model's default.</param>
/// <param name="Value">The value the scenario (with its lens) uses.</param>
/// <param name="Description">One-line meaning.</param>
public sealed record ParameterInfo(string Key, string Path, double Min, double Max, string Unit, double Default, double Value, string Description);

/// <summary>The body of <c>POST /api/run</c>.</summary>
public sealed record RunRequest
{
    /// <summary>Lesson id; or null with <see cref="Yaml"/>.</summary>
    public string? Lesson { get; init; }

    /// <summary>An uploaded scenario's text, run instead of a lesson; the page sends it with every request, so nothing is kept.</summary>
    public string? Yaml { get; init; }

    /// <summary>Variant to run; null runs <c>base</c>.</summary>
    public string? Variant { get; init; }

    /// <summary>Values to set by scenario path, checked as <c>--set</c> is.</summary>
    public Dictionary<string, JsonElement>? Set { get; init; }

    /// <summary>Mechanisms to switch on (true) or off (false), by name.</summary>
    public Dictionary<string, bool>? Mechanisms { get; init; }

    /// <summary>Replicates, 1 to <see cref="RunLimits.MaxReplicates"/>; null uses the scenario's, capped.</summary>
    public int? Replicates { get; init; }
}

/// <summary>The answer to <c>POST /api/run</c>.</summary>
public sealed record RunResponse(
    string Lesson,
    string Variant,
    int Replicates,
    IReadOnlyList<string> Dates,
    IReadOnlyList<SeriesInfo> Series,
    IReadOnlyList<EventInfo> Events,
    IReadOnlyList<string> Log);

/// <summary>Median and 5-95% band of one metric for one subject, one value per date.</summary>
public sealed record SeriesInfo(string Metric, string Subject, IReadOnlyList<double> Median, IReadOnlyList<double> P05, IReadOnlyList<double> P95);

/// <summary>A dated marker for the charts.</summary>
/// <param name="Date">First day of the step, <c>yyyy-MM-dd</c>.</param>
/// <param name="Label">What happened.</param>
/// <param name="Kind"><c>scenario</c> for an event of the scenario, <c>rule</c> for a change a rule made.</param>
/// <param name="Rule">The rule id, for <c>rule</c> markers.</param>
public sealed record EventInfo(string Date, string Label, string Kind, string? Rule);

/// <summary>The body of <c>POST /api/validate</c>.</summary>
public sealed record ValidateRequest(string? Yaml);

/// <summary>The answer to <c>POST /api/validate</c>.</summary>
public sealed record ValidateResponse(bool Valid, IReadOnlyList<ErrorInfo> Errors);

/// <summary>A positioned problem in a scenario text.</summary>
public sealed record ErrorInfo(int Line, int Column, string Path, string Message);

/// <summary>The body of every refusal: what is wrong and where.</summary>
public sealed record ApiError(string Error);

/// <summary>A run request checked and resolved: what a run runs and an export writes.</summary>
/// <param name="Scenario">The lesson's scenario with the request's changes.</param>
/// <param name="Overrides">The changes, as <c>--set</c> would make them.</param>
/// <param name="Variant">The variant to run.</param>
/// <param name="Replicates">Replicates, within <see cref="RunLimits.MaxReplicates"/>.</param>
public sealed record PreparedRun(Scenario Scenario, IReadOnlyList<Override> Overrides, string Variant, int Replicates);

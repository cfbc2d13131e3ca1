using System.Text.Json;
using System.Text.Json.Serialization;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Lessons;

/// <summary>
/// The classroom page's API apart from its transport: what each request answers, with the status a
/// web server sends. <c>tracksim serve</c> answers it over HTTP; the static page answers the same
/// requests in the browser, so both show the same numbers.
/// </summary>
/// <param name="catalog">The lessons offered.</param>
public sealed partial class LessonService(LessonCatalog catalog)
{
    /// <summary>
    /// The JSON form of requests and answers: camelCase names; a misspelt member (such as "sets") is
    /// refused rather than ignored, so a run never silently drops a change.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The lessons offered.</summary>
    public LessonCatalog Catalog { get; } = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary><c>GET /api/lessons</c>: every lesson's id, title and description.</summary>
    public ApiAnswer Lessons() => ApiAnswer.Ok(Catalog.All.Select(l => new LessonSummary(l.Id, l.Title, l.Description)).ToList());

    /// <summary><c>GET /api/lessons/{id}</c>: the controls of one lesson.</summary>
    public ApiAnswer Lesson(string id)
    {
        if (Catalog.Find(id) is not { } lesson)
        {
            return ApiAnswer.Refuse(ApiAnswer.NotFound, $"there is no lesson '{id}'");
        }

        var (detail, error) = LessonApi.Detail(lesson);
        return detail is null ? ApiAnswer.Refuse(ApiAnswer.Failed, error!) : ApiAnswer.Ok(detail);
    }

    /// <summary>The id an uploaded scenario has in answers.</summary>
    public const string UploadId = "upload";

    /// <summary><c>POST /api/lesson</c>: the controls of an uploaded scenario, or its first problems with their lines.</summary>
    public static ApiAnswer Upload(ValidateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (lesson, refusal) = Uploaded(request.Yaml);
        if (lesson is null)
        {
            return refusal!;
        }

        var (detail, error) = LessonApi.Detail(lesson);
        return detail is null ? ApiAnswer.Refuse(ApiAnswer.BadRequest, error!) : ApiAnswer.Ok(detail);
    }

    /// <summary>
    /// The lesson a run request names, or the refusal to send: 400 when it names none or its uploaded
    /// scenario does not load, 404 when there is no such lesson.
    /// </summary>
    public (Lesson? Lesson, ApiAnswer? Refusal) LessonOf(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Yaml is not null)
        {
            return request.Lesson is null or UploadId
                ? Uploaded(request.Yaml)
                : (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, "lesson: send either a lesson id or an uploaded scenario's 'yaml', not both"));
        }

        if (string.IsNullOrEmpty(request.Lesson))
        {
            return (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, "lesson: name a lesson by its id (see GET /api/lessons)"));
        }

        return Catalog.Find(request.Lesson) is { } lesson
            ? (lesson, null)
            : (null, ApiAnswer.Refuse(ApiAnswer.NotFound, $"lesson: there is no lesson '{request.Lesson}'"));
    }

    // An uploaded text as a lesson; it is checked as 'tracksim validate' checks a file.
    private static (Lesson? Lesson, ApiAnswer? Refusal) Uploaded(string? yaml)
    {
        if (yaml is null)
        {
            return (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, "yaml: send the scenario text as the string 'yaml'"));
        }

        var loaded = ScenarioLoader.LoadText(yaml, UploadId + ".yaml");
        if (!loaded.IsValid)
        {
            var first = loaded.Errors[0];
            string more = loaded.Errors.Length > 1 ? $" (and {loaded.Errors.Length - 1} more; check it with 'tracksim validate')" : string.Empty;
            return (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, $"the uploaded scenario does not load: line {first.Line}, column {first.Column}: {first.Message}{more}"));
        }

        var scenario = loaded.Scenario!;
        return (new Lesson(UploadId, UploadId + ".yaml", yaml, scenario.Title, scenario.Description?.Trim() ?? string.Empty), null);
    }

    /// <summary><c>POST /api/run</c>: runs a lesson with the request's changes.</summary>
    /// <param name="request">The page's changes.</param>
    /// <param name="threads">Replicates run at a time; the answer does not depend on it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public ApiAnswer Run(RunRequest request, int threads, CancellationToken cancellationToken)
    {
        var (lesson, refusal) = LessonOf(request);
        if (lesson is null)
        {
            return refusal!;
        }

        var (response, error) = LessonApi.Run(lesson, request, threads, cancellationToken);
        return response is null ? ApiAnswer.Refuse(ApiAnswer.BadRequest, error!) : ApiAnswer.Ok(response);
    }

    /// <summary><c>POST /api/validate</c>: checks a scenario text as <c>tracksim validate</c> does.</summary>
    public static ApiAnswer Validate(ValidateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Yaml is null
            ? ApiAnswer.Refuse(ApiAnswer.BadRequest, "yaml: send the scenario text as the string 'yaml'")
            : ApiAnswer.Ok(LessonApi.Validate(request.Yaml));
    }
}

/// <summary>An answer of the API: the HTTP status and the body to send as JSON.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body: an answer record, or an <see cref="ApiError"/>.</param>
public sealed record ApiAnswer(int Status, object Body)
{
    /// <summary>200: the answer.</summary>
    public const int Success = 200;

    /// <summary>400: the request is not valid; the error says what and where.</summary>
    public const int BadRequest = 400;

    /// <summary>404: no such lesson.</summary>
    public const int NotFound = 404;

    /// <summary>500: the answer could not be made (a lesson that no longer loads).</summary>
    public const int Failed = 500;

    /// <summary>An answer with status 200.</summary>
    public static ApiAnswer Ok(object body) => new(Success, body);

    /// <summary>A refusal: <paramref name="status"/> with <c>{"error": ...}</c>.</summary>
    public static ApiAnswer Refuse(int status, string error) => new(status, new ApiError(error));
}

using System.Text;
using System.Text.Json;

namespace TrackSim.Lessons;

/// <summary>
/// The API's requests as the page sends them, a path and a JSON body, answered with the status and
/// the JSON text <c>tracksim serve</c> sends for them. The static page, which has no server, answers
/// its requests with this in the browser.
/// </summary>
public static class LessonRequests
{
    private const string LessonsPath = "/api/lessons";

    /// <summary>
    /// Answers one request: <c>GET /api/lessons</c> and <c>GET /api/lessons/{id}</c> when
    /// <paramref name="body"/> is null; <c>POST /api/run</c>, <c>POST /api/validate</c> and
    /// <c>POST /api/lesson</c> (an uploaded scenario's controls) and <c>POST /api/scenario</c> (a run as a
    /// scenario file) with a body.
    /// A path or method the API does not have is 404 or 405 with a message.
    /// </summary>
    /// <param name="service">The lessons and their answers.</param>
    /// <param name="path">The request's path, such as <c>/api/lessons/co-optation</c> (an id may be percent-encoded).</param>
    /// <param name="body">The JSON body of a POST, or null for a GET.</param>
    /// <param name="threads">Replicates a run computes at a time; the answer does not depend on it.</param>
    /// <param name="cancellationToken">Stops a run.</param>
    public static ApiAnswer Answer(LessonService service, string path, string? body, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(path);
        bool get = body is null;
        switch (path)
        {
            case LessonsPath when get:
                return service.Lessons();
            case "/api/run" when !get:
            {
                var (run, refusal) = Read<RunRequest>(body!);
                return run is null ? refusal! : service.Run(run, threads, cancellationToken);
            }

            case "/api/validate" when !get:
            {
                var (validate, refusal) = Read<ValidateRequest>(body!);
                return validate is null ? refusal! : LessonService.Validate(validate);
            }

            case "/api/lesson" when !get:
            {
                var (upload, refusal) = Read<ValidateRequest>(body!);
                return upload is null ? refusal! : LessonService.Upload(upload);
            }

            case "/api/scenario" when !get:
            {
                var (export, refusal) = Read<RunRequest>(body!);
                return export is null ? refusal! : service.Scenario(export);
            }

            case LessonsPath or "/api/run" or "/api/validate" or "/api/lesson" or "/api/scenario":
                return ApiAnswer.Refuse(MethodNotAllowed, $"{path} is {(get ? "POST with a JSON body" : "GET without a body")}");
        }

        string prefix = LessonsPath + "/";
        if (get && path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf('/', prefix.Length) < 0)
        {
            return service.Lesson(Uri.UnescapeDataString(path[prefix.Length..]));
        }

        return ApiAnswer.Refuse(ApiAnswer.NotFound, $"the API has no {(get ? "GET" : "POST")} {path}");
    }

    /// <summary>
    /// The JSON text of an answer's body, as the server writes it: every member of its runtime type,
    /// with <see cref="LessonService.Json"/>'s settings (through compiled code, which trimming keeps).
    /// </summary>
    public static string Serialize(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var contract = LessonJsonContext.Api.GetTypeInfo(answer.Body.GetType())
            ?? throw new InvalidOperationException($"{answer.Body.GetType().Name} is not among the answers of {nameof(LessonJsonContext)}.");
        return JsonSerializer.Serialize(answer.Body, contract);
    }

    /// <summary>405: the path exists with the other method.</summary>
    public const int MethodNotAllowed = 405;

    /// <summary>413: the body is larger than <see cref="RunLimits.MaxBodyBytes"/>.</summary>
    public const int TooLarge = 413;

    /// <summary>
    /// Reads a JSON body, or the refusal <c>tracksim serve</c> sends for it, word for word: 413 over
    /// the size limit, 400 for JSON that is not the request's.
    /// </summary>
    private static (T? Request, ApiAnswer? Refusal) Read<T>(string body)
        where T : class
    {
        if (Encoding.UTF8.GetByteCount(body) > RunLimits.MaxBodyBytes)
        {
            return (null, ApiAnswer.Refuse(TooLarge, TooLargeMessage));
        }

        try
        {
            return JsonSerializer.Deserialize(body, LessonJsonContext.Of<T>()) is { } value
                ? (value, null)
                : (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, NotAnObjectMessage));
        }
        catch (JsonException e)
        {
            return (null, ApiAnswer.Refuse(ApiAnswer.BadRequest, NotTheJsonExpected(e)));
        }
    }

    /// <summary>The refusal of a body over <see cref="RunLimits.MaxBodyBytes"/>.</summary>
    public static string TooLargeMessage { get; } = $"the request body is larger than {RunLimits.MaxBodyBytes / 1024} KiB";

    /// <summary>The refusal of a body that is JSON <c>null</c>.</summary>
    public const string NotAnObjectMessage = "the body must be a JSON object";

    /// <summary>The refusal of a body that is not the request's JSON: where it went wrong, as the reader says.</summary>
    public static string NotTheJsonExpected(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string where = e.Path is null ? string.Empty : $" at {e.Path}";
        string position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
        return $"the body is not the JSON expected{where}{position}";
    }
}

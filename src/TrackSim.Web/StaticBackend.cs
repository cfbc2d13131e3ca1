using System.Globalization;
using TrackSim.Lessons;

namespace TrackSim.Web;

/// <summary>
/// The API of <c>tracksim serve</c> answered in the browser, over the lessons built into this assembly:
/// every answer is the server's, status and JSON text, except that a lesson's suggested replicates
/// are at most <see cref="BrowserReplicates"/>.
/// </summary>
public sealed class StaticBackend
{
    /// <summary>
    /// The replicates a lesson starts at in the browser, when its scenario asks more. The model runs
    /// there interpreted, on one thread: a teaching lesson's replicate took about 0.4 s in headless
    /// Chromium on a two-core machine against about 0.005 s under the server (docs/CLASSROOM.md), so a
    /// lesson's ten take about 4 s and the India-Pakistan scenario's twenty about 34 s. Five keep a
    /// teaching lesson near 2 s and still give a median and a band; the page's replicates box goes up to
    /// the server's limit. An assumption of usability, not of the model: results at a given number of
    /// replicates are the server's.
    /// </summary>
    public const int BrowserReplicates = 5;

    // The browser gives the model one thread: a run computes its replicates one after the other.
    private const int Threads = 1;

    private readonly LessonService _service = new(new LessonCatalog(StaticLessons.Sources()));

    /// <summary>How many lessons are offered.</summary>
    public int LessonCount => _service.Catalog.All.Count;

    /// <summary>
    /// Answers one request as <see cref="LessonRequests.Answer"/> does, with a lesson's suggested
    /// replicates capped at <see cref="BrowserReplicates"/>.
    /// </summary>
    /// <param name="path">The request's path, such as <c>/api/run</c>.</param>
    /// <param name="body">The JSON body of a POST; null for a GET.</param>
    public ApiAnswer Answer(string path, string? body)
    {
        var answer = LessonRequests.Answer(_service, path, body, Threads, CancellationToken.None);
        return answer.Body is LessonDetail { Replicates: > BrowserReplicates } detail
            ? answer with { Body = detail with { Replicates = BrowserReplicates } }
            : answer;
    }

    /// <summary>The answer as the page's backend.js reads it: the status, one space, then the JSON text of the body.</summary>
    public string Text(string path, string? body)
    {
        var answer = Answer(path, body);
        return string.Create(CultureInfo.InvariantCulture, $"{answer.Status} {LessonRequests.Serialize(answer)}");
    }
}

namespace TrackSim.Lessons;

/// <summary>The export of a run's settings as a scenario file.</summary>
public sealed partial class LessonService
{
    /// <summary>
    /// <c>POST /api/scenario</c>: the lesson's scenario with a run request's changes applied, as a
    /// file that <c>tracksim run</c> reruns to the numbers <see cref="Run"/> gives for the same
    /// request; refused as <see cref="Run"/> refuses it (404 for an unknown lesson, 400 for a bad change).
    /// </summary>
    /// <param name="request">The page's changes, as sent to <c>/api/run</c>.</param>
    public ApiAnswer Scenario(RunRequest request)
    {
        var (lesson, refusal) = LessonOf(request);
        if (lesson is null)
        {
            return refusal!;
        }

        var (response, error) = ScenarioExport.Make(lesson, request);
        return response is null ? ApiAnswer.Refuse(ApiAnswer.BadRequest, error!) : ApiAnswer.Ok(response);
    }
}

namespace TrackSim.Lessons;

/// <summary>The answer to <c>POST /api/scenario</c>: a scenario file that redoes a run of the page.</summary>
/// <param name="File">A file name to save it under, <c>LESSON-classroom.yaml</c>.</param>
/// <param name="Yaml">The lesson's scenario with the run's changes applied, after a comment header saying what it is.</param>
/// <param name="Command">The command that redoes the run, <c>tracksim run FILE --variant VARIANT</c>.</param>
public sealed record ScenarioExportResponse(string File, string Yaml, string Command);

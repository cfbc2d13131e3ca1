using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TrackSim.Lessons;

/// <summary>
/// The API's requests and answers as compiled JSON code, with the settings of
/// <see cref="LessonService.Json"/>: the static page is trimmed to what it calls, and System.Text.Json's
/// reflection does not survive trimming. Every type an answer's body can be is listed.
/// </summary>
[JsonSerializable(typeof(List<LessonSummary>))]
[JsonSerializable(typeof(LessonDetail))]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(ValidateRequest))]
[JsonSerializable(typeof(ValidateResponse))]
[JsonSerializable(typeof(ScenarioExportResponse))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class LessonJsonContext : JsonSerializerContext
{
    /// <summary>The context over a copy of <see cref="LessonService.Json"/>, so both write the same text.</summary>
    public static LessonJsonContext Api { get; } = new(new JsonSerializerOptions(LessonService.Json));

    /// <summary>The compiled contract of <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> Of<T>() => (JsonTypeInfo<T>)Api.GetTypeInfo(typeof(T))!;
}

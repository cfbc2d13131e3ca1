using System.Text.Json;

namespace TrackSim.Server.Classroom;

/// <summary>A page's settings as <c>window.trackSim.settings()</c> gives them, the same members as a run request.</summary>
public sealed record ClassSettings
{
    /// <summary>Lesson id.</summary>
    public string? Lesson { get; init; }

    /// <summary>Variant.</summary>
    public string? Variant { get; init; }

    /// <summary>Replicates.</summary>
    public int? Replicates { get; init; }

    /// <summary>Values set by scenario path (numbers, words or true/false).</summary>
    public Dictionary<string, JsonElement>? Set { get; init; }

    /// <summary>Mechanisms switched on or off, by name.</summary>
    public Dictionary<string, bool>? Mechanisms { get; init; }
}

/// <summary>A student's prediction: the value of a metric for a subject in a year.</summary>
public sealed record ClassPrediction
{
    /// <summary>Metric, such as <c>tension</c>.</summary>
    public string? Metric { get; init; }

    /// <summary>Subject, such as <c>india-pakistan</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Year.</summary>
    public int Year { get; init; }

    /// <summary>The value predicted, on the metric's 0-1 scale.</summary>
    public double Value { get; init; }

    /// <summary>The prediction in words, as the page shows it.</summary>
    public string? Text { get; init; }
}

/// <summary>What a run gave for the predicted metric in the predicted year: the median and the 5-95% band.</summary>
public sealed record ClassOutcome
{
    /// <summary>Median over the replicates.</summary>
    public double Value { get; init; }

    /// <summary>5th percentile.</summary>
    public double P05 { get; init; }

    /// <summary>95th percentile.</summary>
    public double P95 { get; init; }
}

/// <summary>The body of <c>POST /api/class/open</c>.</summary>
public sealed record OpenRequest(string? Token);

/// <summary>The body of the teacher's requests about a room (<c>view</c>, <c>export</c>, <c>close</c>).</summary>
public sealed record RoomRequest(string? Token, string? Code);

/// <summary>The body of <c>POST /api/class/push</c>.</summary>
public sealed record PushRequest(string? Token, string? Code, ClassSettings? Settings);

/// <summary>The body of <c>POST /api/class/join</c>.</summary>
public sealed record JoinRequest(string? Code, string? Name);

/// <summary>The body of a student's requests that only name the student (<c>poll</c>, <c>leave</c>).</summary>
public sealed record KeyRequest(string? Key);

/// <summary>The body of <c>POST /api/class/submit</c>: one run of a student.</summary>
public sealed record SubmitRequest(string? Key, ClassSettings? Settings, ClassPrediction? Prediction, ClassOutcome? Outcome);

/// <summary>The answer to <c>open</c>.</summary>
/// <param name="Code">The join code.</param>
/// <param name="ExpiryHours">Hours without a request after which the room closes by itself.</param>
public sealed record RoomOpened(string Code, double ExpiryHours);

/// <summary>The answer to <c>join</c>.</summary>
/// <param name="Code">The room's code.</param>
/// <param name="Key">The student's key, sent with each of their requests.</param>
/// <param name="Name">The name the class sees (suffixed when another student has it).</param>
/// <param name="Push">The settings the teacher pushed last, if any.</param>
public sealed record Joined(string Code, string Key, string Name, PushInfo? Push);

/// <summary>The answer to <c>poll</c>: the student's room and the teacher's last push.</summary>
public sealed record StudentState(string Code, string Name, int Submissions, PushInfo? Push);

/// <summary>Settings the teacher pushed to the class.</summary>
/// <param name="Version">1 for the first push of the room, then one more for each.</param>
/// <param name="Time">When, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
/// <param name="Settings">The settings.</param>
public sealed record PushInfo(int Version, string Time, ClassSettings Settings);

/// <summary>The answer to <c>submit</c>.</summary>
/// <param name="Submissions">The student's submissions kept, at most <see cref="ClassroomLimits.MaxSubmissions"/>.</param>
public sealed record Submitted(int Submissions);

/// <summary>The answer to <c>view</c>: the class as the teacher sees it.</summary>
public sealed record ClassView(string Code, IReadOnlyList<StudentView> Students, PushInfo? Push);

/// <summary>A student in the teacher's view, with their latest submission.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Joined">When they joined, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
/// <param name="Left">Whether they left the room.</param>
/// <param name="Submissions">Submissions kept.</param>
/// <param name="Latest">The latest submission, if any.</param>
public sealed record StudentView(string Name, string Joined, bool Left, int Submissions, SubmissionView? Latest);

/// <summary>One submission: the settings of a run, the prediction made before it and what it gave.</summary>
public sealed record SubmissionView(string Time, ClassSettings Settings, ClassPrediction? Prediction, ClassOutcome? Outcome);

/// <summary>The answer to <c>leave</c>, <c>close</c> and <c>push</c>: what was done.</summary>
public sealed record Done(string Message);

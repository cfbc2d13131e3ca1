namespace TrackSim.Server.Classroom;

/// <summary>
/// The bounds of classroom mode, so a server on a lab network keeps a known, small amount of
/// memory whatever its clients send (docs/CLASSROOM.md states them).
/// </summary>
public static class ClassroomLimits
{
    /// <summary>Rooms open at a time: a teacher with a few classes, or one opened again by mistake.</summary>
    public const int MaxRooms = 4;

    /// <summary>Students who may join one room (one who leaves keeps the place, with their submissions).</summary>
    public const int MaxStudents = 100;

    /// <summary>Submissions kept per student: the latest ones.</summary>
    public const int MaxSubmissions = 20;

    /// <summary>Characters of a display name.</summary>
    public const int MaxNameLength = 24;

    /// <summary>Characters of any other text a client sends (a lesson id, a path, a prediction's words).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Entries of a settings' <c>set</c> or <c>mechanisms</c>.</summary>
    public const int MaxSettings = 100;

    /// <summary>Characters of a join code.</summary>
    public const int CodeLength = 5;

    /// <summary>
    /// The characters of join codes: capital letters and digits without those read as another
    /// (0 and O, 1, I and L), so a code copied from a projector is typed right.
    /// </summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A room closes by itself this long after the last request about it (a student's or the teacher's).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(4);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TrackSim.Lessons;

namespace TrackSim.Server.Classroom;

/// <summary>
/// The rooms of classroom mode, in memory only: nothing is written anywhere, and everything is gone
/// when the server stops. The teacher (whoever has <see cref="TeacherToken"/>) opens a room and gets
/// a short join code; students join with it and a display name and get a key; their runs are
/// submitted to the room; the teacher sees the class, pushes settings to it, exports it as CSV and
/// closes it. Every request answers as the API does: a status and a body, a sentence on refusal.
/// Safe to call from many threads.
/// </summary>
public sealed class Rooms
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Student> _students = new(StringComparer.Ordinal);

    /// <summary>Creates an empty set of rooms with a new random teacher token, reading the time from <paramref name="clock"/>.</summary>
    public Rooms(TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        TeacherToken = NewKey();
    }

    /// <summary>The teacher's token: 128 random bits, URL-safe, new at each start of the server.</summary>
    public string TeacherToken { get; }

    /// <summary>Rooms open now (expired ones are not counted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Expire();
                return _rooms.Count;
            }
        }
    }

    /// <summary><c>open</c>: opens a room and answers its join code.</summary>
    public ApiAnswer Open(OpenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            Expire();
            if (!IsTeacher(request.Token))
            {
                return NotTeacher;
            }

            if (_rooms.Count >= ClassroomLimits.MaxRooms)
            {
                return ApiAnswer.Refuse(StatusCodes.Status409Conflict, $"{ClassroomLimits.MaxRooms} rooms are open, the most at a time; close one first");
            }

            string code;
            do
            {
                code = NewCode();
            }
            while (_rooms.ContainsKey(code));

            _rooms.Add(code, new Room(code, Now));
            return ApiAnswer.Ok(new RoomOpened(code, ClassroomLimits.Expiry.TotalHours));
        }
    }

    /// <summary><c>join</c>: a student joins a room with its code and a display name, and gets a key.</summary>
    public ApiAnswer Join(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            Expire();
            if (FindRoom(request.Code) is not { } room)
            {
                return NoRoom(request.Code);
            }

            if (CleanName(request.Name) is not { } name)
            {
                return ApiAnswer.Refuse(ApiAnswer.BadRequest, $"name: use 1 to {ClassroomLimits.MaxNameLength} letters, digits, spaces or . - ' _");
            }

            if (room.Students.Count >= ClassroomLimits.MaxStudents)
            {
                return ApiAnswer.Refuse(StatusCodes.Status409Conflict, $"room {room.Code} is full ({ClassroomLimits.MaxStudents} students have joined it)");
            }

            var student = new Student(NewKey(), Unique(room, name), room, Now);
            room.Students.Add(student);
            _students.Add(student.Key, student);
            room.Touch(Now);
            return ApiAnswer.Ok(new Joined(room.Code, student.Key, student.Name, room.Push));
        }
    }

    /// <summary><c>submit</c>: a student's run (settings, prediction, outcome) goes to their room.</summary>
    public ApiAnswer Submit(SubmitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AsStudent(request.Key, student =>
        {
            string? problem = Check("settings", request.Settings) ?? Check(request.Prediction) ?? Check(request.Outcome);
            if (problem is not null)
            {
                return ApiAnswer.Refuse(ApiAnswer.BadRequest, problem);
            }

            // Only the latest are kept, so a student who runs all lesson long holds a bounded amount.
            if (student.Submissions.Count == ClassroomLimits.MaxSubmissions)
            {
                student.Submissions.RemoveAt(0);
            }

            student.Submissions.Add(new SubmissionView(Stamp(Now), request.Settings!, request.Prediction, request.Outcome));
            student.Room.Touch(Now);
            return ApiAnswer.Ok(new Submitted(student.Submissions.Count));
        });
    }

    /// <summary><c>poll</c>: the student's room, and the settings the teacher pushed last.</summary>
    public ApiAnswer Poll(KeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AsStudent(request.Key, student =>
        {
            student.Room.Touch(Now);
            return ApiAnswer.Ok(new StudentState(student.Room.Code, student.Name, student.Submissions.Count, student.Room.Push));
        });
    }

    /// <summary><c>leave</c>: the student leaves; the teacher keeps their submissions.</summary>
    public ApiAnswer Leave(KeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AsStudent(request.Key, student =>
        {
            student.Left = true;
            _students.Remove(student.Key);
            student.Room.Touch(Now);
            return ApiAnswer.Ok(new Done($"{student.Name} left room {student.Room.Code}"));
        });
    }

    /// <summary><c>view</c>: the teacher's view of a room: its students with their latest submissions.</summary>
    public ApiAnswer View(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var (room, refusal) = TeachersRoom(request.Token, request.Code);
            if (room is null)
            {
                return refusal!;
            }

            room.Touch(Now);
            var students = room.Students
                .Select(s => new StudentView(s.Name, Stamp(s.Joined), s.Left, s.Submissions.Count, s.Submissions.Count == 0 ? null : s.Submissions[^1]))
                .ToList();
            return ApiAnswer.Ok(new ClassView(room.Code, students, room.Push));
        }
    }

    /// <summary><c>push</c>: the teacher's settings go to every student of the room, whose page applies them.</summary>
    public ApiAnswer Push(PushRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var (room, refusal) = TeachersRoom(request.Token, request.Code);
            if (room is null)
            {
                return refusal!;
            }

            if (Check("settings", request.Settings) is { } problem)
            {
                return ApiAnswer.Refuse(ApiAnswer.BadRequest, problem);
            }

            room.Push = new PushInfo((room.Push?.Version ?? 0) + 1, Stamp(Now), request.Settings!);
            room.Touch(Now);
            int present = room.Students.Count(s => !s.Left);
            return ApiAnswer.Ok(new Done(string.Create(CultureInfo.InvariantCulture, $"pushed to the {present} students of room {room.Code}; their pages apply it within seconds")));
        }
    }

    /// <summary><c>export</c>: every kept submission of the room as CSV (<see cref="ClassroomCsv"/>), or the refusal.</summary>
    public (string? Csv, ApiAnswer? Refusal) Export(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var (room, refusal) = TeachersRoom(request.Token, request.Code);
            if (room is null)
            {
                return (null, refusal);
            }

            room.Touch(Now);
            return (ClassroomCsv.Write(room.Students.SelectMany(s => s.Submissions.Select(v => (s.Name, v)))), null);
        }
    }

    /// <summary><c>close</c>: the room and everything in it are dropped; its students' keys stop working.</summary>
    public ApiAnswer Close(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var (room, refusal) = TeachersRoom(request.Token, request.Code);
            if (room is null)
            {
                return refusal!;
            }

            Drop(room);
            return ApiAnswer.Ok(new Done($"room {room.Code} is closed"));
        }
    }

    private static ApiAnswer NotTeacher => ApiAnswer.Refuse(StatusCodes.Status403Forbidden, "only the teacher can do this: open the teacher link that tracksim serve printed when it started");

    private static ApiAnswer NoStudent => ApiAnswer.Refuse(ApiAnswer.NotFound, "you are not in a room any more (it was closed, it expired, you left it or the server restarted); join again with the code on the teacher's screen");

    private static ApiAnswer NoRoom(string? code) => ApiAnswer.Refuse(
        ApiAnswer.NotFound,
        string.Create(CultureInfo.InvariantCulture, $"there is no open room '{Normalise(code)}': check the code on the teacher's screen (rooms close {ClassroomLimits.Expiry.TotalHours} hours after their last use)"));

    private DateTimeOffset Now => _clock.GetUtcNow();

    // The room a teacher's request is about, or the refusal when it may not go ahead. Called under the lock.
    private (Room? Room, ApiAnswer? Refusal) TeachersRoom(string? token, string? code)
    {
        Expire();
        if (!IsTeacher(token))
        {
            return (null, NotTeacher);
        }

        return FindRoom(code) is { } room ? (room, null) : (null, NoRoom(code));
    }

    // A student's request: under the lock, with expired rooms gone, answered for the student the key
    // names, or refused when it names none.
    private ApiAnswer AsStudent(string? key, Func<Student, ApiAnswer> answer)
    {
        lock (_gate)
        {
            Expire();
            return FindStudent(key) is { } student ? answer(student) : NoStudent;
        }
    }

    private bool IsTeacher(string? token) =>
        token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(TeacherToken));

    private Room? FindRoom(string? code) => _rooms.GetValueOrDefault(Normalise(code));

    private Student? FindStudent(string? key) => key is null ? null : _students.GetValueOrDefault(key);

    // Rooms with no request for longer than the expiry are dropped at the next request of anyone.
    private void Expire()
    {
        var now = Now;
        foreach (var room in _rooms.Values.Where(r => now - r.LastActivity >= ClassroomLimits.Expiry).ToList())
        {
            Drop(room);
        }
    }

    private void Drop(Room room)
    {
        _rooms.Remove(room.Code);
        foreach (var student in room.Students)
        {
            _students.Remove(student.Key);
        }
    }

    // A code as typed: spaces and case do not matter; anything longer than a code matches none.
    private static string Normalise(string? code)
    {
        string typed = (code ?? string.Empty).Trim().ToUpperInvariant();
        return typed.Length > ClassroomLimits.CodeLength ? typed[..ClassroomLimits.CodeLength] + "..." : typed;
    }

    private static string NewCode() =>
        string.Create(ClassroomLimits.CodeLength, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = ClassroomLimits.CodeAlphabet[RandomNumberGenerator.GetInt32(ClassroomLimits.CodeAlphabet.Length)];
            }
        });

    // 128 random bits in base64url without padding: 22 characters.
    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A display name with its spaces trimmed and runs of spaces made one, or null when it is empty, too long or has other characters.</summary>
    internal static string? CleanName(string? name)
    {
        string clean = string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        bool allowed = clean.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '\'' or '_');
        return clean.Length is >= 1 and <= ClassroomLimits.MaxNameLength && allowed ? clean : null;
    }

    // A name another student of the room has gets the first free number: "Ana", "Ana 2", "Ana 3".
    private static string Unique(Room room, string name)
    {
        var taken = room.Students.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!taken.Contains(name))
        {
            return name;
        }

        for (int n = 2; ; n++)
        {
            string suffix = string.Create(CultureInfo.InvariantCulture, $" {n}");
            string candidate = name[..Math.Min(name.Length, ClassroomLimits.MaxNameLength - suffix.Length)] + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    // What is wrong with settings a client sent, or null; the bounds keep a room's memory small.
    private static string? Check(string where, ClassSettings? settings)
    {
        if (settings is null)
        {
            return $"{where}: send the settings of the run";
        }

        if (TextProblem($"{where}.lesson", settings.Lesson, required: true) is { } lesson)
        {
            return lesson;
        }

        if (TextProblem($"{where}.variant", settings.Variant, required: false) is { } variant)
        {
            return variant;
        }

        if (settings.Replicates is { } replicates && (replicates < 1 || replicates > RunLimits.MaxReplicates))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{where}.replicates: {replicates} is not between 1 and {RunLimits.MaxReplicates}");
        }

        if ((settings.Set?.Count ?? 0) > ClassroomLimits.MaxSettings || (settings.Mechanisms?.Count ?? 0) > ClassroomLimits.MaxSettings)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{where}: more than {ClassroomLimits.MaxSettings} values in set or mechanisms");
        }

        foreach (var (path, value) in settings.Set ?? [])
        {
            if (TextProblem($"{where}.set", path, required: true) is { } problem)
            {
                return problem;
            }

            bool fine = value.ValueKind switch
            {
                JsonValueKind.Number => double.IsFinite(value.GetDouble()),
                JsonValueKind.String => value.GetString()!.Length <= ClassroomLimits.MaxTextLength,
                JsonValueKind.True or JsonValueKind.False => true,
                _ => false,
            };
            if (!fine)
            {
                return $"{where}.set.{path}: a value is a number, a word or true/false";
            }
        }

        return (settings.Mechanisms ?? []).Keys.Select(name => TextProblem($"{where}.mechanisms", name, required: true)).FirstOrDefault(p => p is not null);
    }

    private static string? Check(ClassPrediction? prediction)
    {
        if (prediction is null)
        {
            return null;
        }

        return TextProblem("prediction.metric", prediction.Metric, required: true)
            ?? TextProblem("prediction.subject", prediction.Subject, required: true)
            ?? TextProblem("prediction.text", prediction.Text, required: false)
            ?? (prediction.Year is < 1 or > 9999 ? string.Create(CultureInfo.InvariantCulture, $"prediction.year: {prediction.Year} is not a year") : null)
            ?? (double.IsFinite(prediction.Value) ? null : "prediction.value: a number");
    }

    private static string? Check(ClassOutcome? outcome) =>
        outcome is null || (double.IsFinite(outcome.Value) && double.IsFinite(outcome.P05) && double.IsFinite(outcome.P95))
            ? null
            : "outcome: value, p05 and p95 are numbers";

    private static string? TextProblem(string where, string? text, bool required)
    {
        if (text is null || text.Length == 0)
        {
            return required ? $"{where}: missing" : null;
        }

        return text.Length > ClassroomLimits.MaxTextLength
            ? string.Create(CultureInfo.InvariantCulture, $"{where}: longer than {ClassroomLimits.MaxTextLength} characters")
            : null;
    }

    private sealed class Room(string code, DateTimeOffset opened)
    {
        public string Code { get; } = code;

        public DateTimeOffset LastActivity { get; private set; } = opened;

        public List<Student> Students { get; } = [];

        public PushInfo? Push { get; set; }

        public void Touch(DateTimeOffset now) => LastActivity = now;
    }

    private sealed class Student(string key, string name, Room room, DateTimeOffset joined)
    {
        public string Key { get; } = key;

        public string Name { get; } = name;

        public Room Room { get; } = room;

        public DateTimeOffset Joined { get; } = joined;

        public bool Left { get; set; }

        public List<SubmissionView> Submissions { get; } = [];
    }
}

using System.Text.Json;
using TrackSim.Experiments.Files;
using TrackSim.Lessons;
using TrackSim.Server.Classroom;

namespace TrackSim.Tests.Server;

/// <summary>The rooms of classroom mode, without HTTP: codes, keys, bounds, expiry and the export.</summary>
[TestFixture]
public sealed class ClassroomRoomsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Typed = ["Ana", "ana", "Ana", "Ana 2", "Abcdefghijklmnopqrstuvwx", "Abcdefghijklmnopqrstuvwx"];
    private static readonly string[] Given = ["Ana", "ana 2", "Ana 3", "Ana 2 2", "Abcdefghijklmnopqrstuvwx", "Abcdefghijklmnopqrstuv 2"];
    private static readonly int[] NotAList = [1];

    private ManualClock _clock = null!;
    private Rooms _rooms = null!;

    [SetUp]
    public void Create()
    {
        _clock = new ManualClock(Start);
        _rooms = new Rooms(_clock);
    }

    [Test]
    public void The_teacher_token_is_128_random_bits_written_URL_safe_and_new_for_each_server()
    {
        string token = _rooms.TeacherToken;
        byte[] bits = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "==");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Does.Match("^[A-Za-z0-9_-]{22}$"));
            Assert.That(bits, Has.Length.EqualTo(16));
            Assert.That(new Rooms(_clock).TeacherToken, Is.Not.EqualTo(token));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-the-token")]
    public void Only_the_teacher_token_opens_a_room(string? token)
    {
        var answer = _rooms.Open(new OpenRequest(token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(403));
            Assert.That(Error(answer), Does.Contain("teacher link"));
            Assert.That(_rooms.Count, Is.Zero);
        }
    }

    [Test]
    public void Join_codes_are_five_characters_without_look_alikes_and_differ_between_open_rooms()
    {
        var codes = new List<string>();
        for (int i = 0; i < 200; i++)
        {
            string code = OpenRoom();
            codes.Add(code);
            Assert.That(_rooms.Close(new RoomRequest(_rooms.TeacherToken, code)).Status, Is.EqualTo(200));
        }

        var open = Enumerable.Range(0, ClassroomLimits.MaxRooms).Select(_ => OpenRoom()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(codes, Has.All.Match("^[A-HJKMNP-Z2-9]{5}$"), "no 0, O, 1, I or L");
            Assert.That(string.Concat(codes).Distinct().Count(), Is.GreaterThan(25), "the codes use the whole alphabet");
            Assert.That(open.Distinct().Count(), Is.EqualTo(open.Count));
        }
    }

    [Test]
    public void At_most_four_rooms_are_open_at_a_time_and_closing_one_frees_a_place()
    {
        var codes = Enumerable.Range(0, ClassroomLimits.MaxRooms).Select(_ => OpenRoom()).ToList();
        var fifth = _rooms.Open(new OpenRequest(_rooms.TeacherToken));
        _rooms.Close(new RoomRequest(_rooms.TeacherToken, codes[0]));
        var again = _rooms.Open(new OpenRequest(_rooms.TeacherToken));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fifth.Status, Is.EqualTo(409));
            Assert.That(Error(fifth), Is.EqualTo("4 rooms are open, the most at a time; close one first"));
            Assert.That(again.Status, Is.EqualTo(200));
        }
    }

    [Test]
    public void A_student_joins_with_the_code_typed_in_any_case_and_gets_a_random_key()
    {
        string code = OpenRoom();
        var ana = Body<Joined>(_rooms.Join(new JoinRequest($"  {code.ToLowerInvariant()} ", "Ana")));
        var ben = Body<Joined>(_rooms.Join(new JoinRequest(code, "Ben")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ana.Code, Is.EqualTo(code));
            Assert.That(ana.Name, Is.EqualTo("Ana"));
            Assert.That(ana.Key, Does.Match("^[A-Za-z0-9_-]{22}$"));
            Assert.That(ben.Key, Is.Not.EqualTo(ana.Key));
            Assert.That(ana.Key, Is.Not.EqualTo(_rooms.TeacherToken));
        }
    }

    [TestCase("ZZZZZ")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("ABCDEFGHJK")]
    public void A_wrong_code_is_refused_with_404_saying_to_check_the_teachers_screen(string? code)
    {
        OpenRoom();
        var answer = _rooms.Join(new JoinRequest(code, "Ana"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That(Error(answer), Does.StartWith("there is no open room").And.Contain("check the code on the teacher's screen"));
        }
    }

    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("<script>", false)]
    [TestCase("Ana;DROP", false)]
    [TestCase("a name far longer than allowed", false)]
    [TestCase("Zoë O'Neil-Ng", true)]
    [TestCase("  Ana   Lima ", true)]
    public void Names_are_short_and_of_letters_digits_spaces_and_a_few_marks(string name, bool accepted)
    {
        var answer = _rooms.Join(new JoinRequest(OpenRoom(), name));

        Assert.That(answer.Status, Is.EqualTo(accepted ? 200 : 400), Error(answer));
        if (accepted)
        {
            Assert.That(Body<Joined>(answer).Name, Is.EqualTo(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        }
    }

    [Test]
    public void A_name_taken_in_the_room_gets_the_next_free_number()
    {
        string code = OpenRoom();
        var names = Typed.Select(n => Body<Joined>(_rooms.Join(new JoinRequest(code, n))).Name);

        Assert.That(names, Is.EqualTo(Given));
    }

    [Test]
    public void A_room_takes_at_most_one_hundred_students()
    {
        string code = OpenRoom();
        var answers = Enumerable.Range(0, ClassroomLimits.MaxStudents + 1).Select(i => _rooms.Join(new JoinRequest(code, $"s{i}"))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(ClassroomLimits.MaxStudents).Select(a => a.Status), Has.All.EqualTo(200));
            Assert.That(answers[^1].Status, Is.EqualTo(409));
            Assert.That(Error(answers[^1]), Is.EqualTo($"room {code} is full (100 students have joined it)"));
        }
    }

    [Test]
    public void The_teacher_sees_each_students_latest_submission_and_only_the_last_twenty_are_kept()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        Join(code, "Ben");
        for (int i = 1; i <= 25; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var answer = _rooms.Submit(new SubmitRequest(ana.Key, Settings(replicates: i), Prediction(0.1), Outcome(0.3)));
            Assert.That(Body<Submitted>(answer).Submissions, Is.EqualTo(Math.Min(i, ClassroomLimits.MaxSubmissions)));
        }

        var view = Body<ClassView>(_rooms.View(new RoomRequest(_rooms.TeacherToken, code)));
        var csv = Export(code);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(view.Students.Select(s => (s.Name, s.Submissions)), Is.EqualTo(new[] { ("Ana", 20), ("Ben", 0) }));
            Assert.That(view.Students[0].Latest!.Settings.Replicates, Is.EqualTo(25));
            Assert.That(view.Students[1].Latest, Is.Null);
            Assert.That(csv.Skip(1).Select(r => r[4]), Is.EqualTo(Enumerable.Range(6, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), "the 20 latest, oldest first");
        }
    }

    [Test]
    public void An_unknown_key_is_refused_with_404_saying_to_join_again()
    {
        OpenRoom();
        var submit = _rooms.Submit(new SubmitRequest("no-such-key", Settings(), null, null));
        var poll = _rooms.Poll(new KeyRequest(null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((submit.Status, poll.Status), Is.EqualTo((404, 404)));
            Assert.That(Error(submit), Does.StartWith("you are not in a room any more").And.Contain("join again"));
        }
    }

    [Test]
    public void Bad_submissions_are_refused_with_400_saying_what_and_where()
    {
        var key = Join(OpenRoom(), "Ana").Key;
        string longText = new('x', ClassroomLimits.MaxTextLength + 1);
        var manyPaths = Enumerable.Range(0, ClassroomLimits.MaxSettings + 1).ToDictionary(i => $"p{i}", _ => JsonSerializer.SerializeToElement(1));
        var cases = new (SubmitRequest Request, string Message)[]
        {
            (new SubmitRequest(key, null, null, null), "settings: send the settings of the run"),
            (new SubmitRequest(key, new ClassSettings(), null, null), "settings.lesson: missing"),
            (new SubmitRequest(key, Settings() with { Lesson = longText }, null, null), "settings.lesson: longer than 200 characters"),
            (new SubmitRequest(key, Settings(replicates: RunLimits.MaxReplicates + 1), null, null), "settings.replicates: 51 is not between 1 and 50"),
            (new SubmitRequest(key, Settings() with { Set = manyPaths }, null, null), "settings: more than 100 values in set or mechanisms"),
            (new SubmitRequest(key, Settings() with { Set = new() { ["x"] = JsonSerializer.SerializeToElement(NotAList) } }, null, null), "settings.set.x: a value is a number, a word or true/false"),
            (new SubmitRequest(key, Settings(), Prediction(0.5) with { Text = longText }, null), "prediction.text: longer than 200 characters"),
            (new SubmitRequest(key, Settings(), Prediction(0.5) with { Year = 0 }, null), "prediction.year: 0 is not a year"),
            (new SubmitRequest(key, Settings(), Prediction(double.NaN), null), "prediction.value: a number"),
            (new SubmitRequest(key, Settings(), null, Outcome(double.PositiveInfinity)), "outcome: value, p05 and p95 are numbers"),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (request, message) in cases)
            {
                var answer = _rooms.Submit(request);
                Assert.That((answer.Status, Error(answer)), Is.EqualTo((400, message)));
            }
        }
    }

    [Test]
    public void A_room_expires_four_hours_after_its_last_request_and_its_keys_stop_working()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");

        // Each request about the room keeps it open for another four hours.
        _clock.Advance(ClassroomLimits.Expiry - TimeSpan.FromSeconds(1));
        Assert.That(_rooms.Poll(new KeyRequest(ana.Key)).Status, Is.EqualTo(200));
        _clock.Advance(ClassroomLimits.Expiry - TimeSpan.FromSeconds(1));
        Assert.That(_rooms.Count, Is.EqualTo(1), "still open 8 hours after it was opened");

        _clock.Advance(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_rooms.Count, Is.Zero);
            Assert.That(_rooms.Poll(new KeyRequest(ana.Key)).Status, Is.EqualTo(404));
            Assert.That(_rooms.Join(new JoinRequest(code, "Ben")).Status, Is.EqualTo(404));
            Assert.That(_rooms.View(new RoomRequest(_rooms.TeacherToken, code)).Status, Is.EqualTo(404));
        }
    }

    [Test]
    public void Teacher_requests_need_the_token_whatever_else_they_carry()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        var answers = new[]
        {
            _rooms.View(new RoomRequest(ana.Key, code)),
            _rooms.Push(new PushRequest(ana.Key, code, Settings())),
            _rooms.Export(new RoomRequest(ana.Key, code)).Refusal!,
            _rooms.Close(new RoomRequest(null, code)),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(403));
            Assert.That(_rooms.Count, Is.EqualTo(1), "the room is still open");
        }
    }

    [Test]
    public void A_push_reaches_every_student_and_those_who_join_later()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        var before = Body<StudentState>(_rooms.Poll(new KeyRequest(ana.Key)));
        var settings = Settings(replicates: 7);
        Assert.That(_rooms.Push(new PushRequest(_rooms.TeacherToken, code, settings)).Status, Is.EqualTo(200));
        _rooms.Push(new PushRequest(_rooms.TeacherToken, code, settings with { Variant = "independent" }));
        var after = Body<StudentState>(_rooms.Poll(new KeyRequest(ana.Key)));
        var ben = Join(code, "Ben");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Push, Is.Null);
            Assert.That(after.Push!.Version, Is.EqualTo(2));
            Assert.That(after.Push.Settings.Variant, Is.EqualTo("independent"));
            Assert.That(after.Push.Settings.Replicates, Is.EqualTo(7));
            Assert.That(ben.Push, Is.EqualTo(after.Push));
        }
    }

    [Test]
    public void A_student_who_leaves_loses_the_key_and_the_teacher_keeps_their_submissions()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        _rooms.Submit(new SubmitRequest(ana.Key, Settings(), null, null));
        var left = _rooms.Leave(new KeyRequest(ana.Key));
        var view = Body<ClassView>(_rooms.View(new RoomRequest(_rooms.TeacherToken, code)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(left.Status, Is.EqualTo(200));
            Assert.That(_rooms.Poll(new KeyRequest(ana.Key)).Status, Is.EqualTo(404));
            Assert.That(view.Students.Single().Left, Is.True);
            Assert.That(Export(code), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public void Closing_a_room_ends_its_students_keys()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        _rooms.Close(new RoomRequest(_rooms.TeacherToken, code));

        Assert.That(_rooms.Submit(new SubmitRequest(ana.Key, Settings(), null, null)).Status, Is.EqualTo(404));
    }

    [Test]
    public void The_export_has_a_header_and_one_row_per_submission_in_time_order_quoted_as_RFC_4180_says()
    {
        string code = OpenRoom();
        var ana = Join(code, "Ana");
        var ben = Join(code, "Ben O'Neil");
        var changed = new ClassSettings
        {
            Lesson = "co-optation",
            Variant = "a,\"b\"",
            Replicates = 10,
            Set = new() { ["parameters.posture.fear"] = JsonSerializer.SerializeToElement(0.3), ["citizens.per_state"] = JsonSerializer.SerializeToElement(300) },
            Mechanisms = new() { ["spoilers"] = false },
        };
        _clock.Advance(TimeSpan.FromSeconds(5));
        _rooms.Submit(new SubmitRequest(ben.Key, changed, Prediction(0.4), new ClassOutcome { Value = 0.625, P05 = 0.5, P95 = 0.75 }));
        _clock.Advance(TimeSpan.FromSeconds(70));
        _rooms.Submit(new SubmitRequest(ana.Key, new ClassSettings { Lesson = "co-optation" }, null, null));

        var (csv, refusal) = _rooms.Export(new RoomRequest(_rooms.TeacherToken, code));

        Assert.That(refusal, Is.Null);
        Assert.That(csv, Is.EqualTo(
            "time,student,lesson,variant,replicates,settings,prediction_metric,prediction_subject,prediction_year,prediction_value,outcome_value,outcome_p05,outcome_p95\n"
            + "2026-03-02T09:00:05Z,Ben O'Neil,co-optation,\"a,\"\"b\"\"\",10,citizens.per_state=300;mechanisms.spoilers=false;parameters.posture.fear=0.3,tension,india-pakistan,2010,0.4,0.625,0.5,0.75\n"
            + "2026-03-02T09:01:15Z,Ana,co-optation,,,,,,,,,,\n"));

        // It reads back as records of the header's width.
        using var reader = new StringReader(csv!);
        Assert.That(CsvText.Records(reader).Select(r => r.Length), Has.All.EqualTo(13));
    }

    private string OpenRoom() => Body<RoomOpened>(_rooms.Open(new OpenRequest(_rooms.TeacherToken))).Code;

    private Joined Join(string code, string name) => Body<Joined>(_rooms.Join(new JoinRequest(code, name)));

    private List<string[]> Export(string code)
    {
        using var reader = new StringReader(_rooms.Export(new RoomRequest(_rooms.TeacherToken, code)).Csv!);
        return [.. CsvText.Records(reader)];
    }

    private static ClassSettings Settings(int replicates = 10) => new() { Lesson = "co-optation", Variant = "base", Replicates = replicates };

    private static ClassPrediction Prediction(double value) => new() { Metric = "tension", Subject = "india-pakistan", Year = 2010, Value = value, Text = "Tension (india-pakistan) in 2010" };

    private static ClassOutcome Outcome(double value) => new() { Value = value, P05 = value - 0.1, P95 = value + 0.1 };

    private static T Body<T>(ApiAnswer answer)
    {
        Assert.That(answer.Status, Is.EqualTo(200), Error(answer));
        return (T)answer.Body;
    }

    private static string Error(ApiAnswer answer) => answer.Body is ApiError e ? e.Error : string.Empty;

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

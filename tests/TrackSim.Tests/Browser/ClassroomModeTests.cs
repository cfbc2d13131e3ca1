using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrackSim.Experiments.Files;
using static Microsoft.Playwright.Assertions;

namespace TrackSim.Tests.Browser;

/// <summary>
/// Classroom mode in headless Chromium: a teacher's page and two students' pages, each in a browser
/// context of its own (as on three machines), joined to one room of the in-process server.
/// </summary>
[TestFixture]
public sealed partial class ClassroomModeTests : PageTestBase
{
    private const string Alignment = "track2.alignment_scale";
    private static readonly string[] Band = ["median", "p05", "p95"];

    private readonly List<IBrowserContext> _students = [];
    private readonly List<string> _studentErrors = [];

    [TearDown]
    public async Task CloseStudents()
    {
        foreach (var context in _students)
        {
            await context.CloseAsync();
        }

        _students.Clear();
        Assert.That(_studentErrors, Is.Empty, "console or page errors of the students' pages");
        _studentErrors.Clear();
    }

    [Test]
    public async Task Two_students_join_with_the_code_on_the_teachers_page_their_runs_reach_the_teacher_and_a_push_reaches_them()
    {
        var teacher = await OpenTeacherAsync();
        await teacher.Locator("#class-open").ClickAsync();
        await Expect(teacher.Locator("#class-code")).ToHaveTextAsync(JoinCode());
        string code = (await teacher.Locator("#class-code").TextContentAsync())!;

        // The subject of the lesson's tension series, which the students' predictions name.
        var probe = await PostRunAsync(new { lesson = "co-optation", replicates = 1 });
        string subject = probe.GetProperty("series").EnumerateArray().First(s => s.GetProperty("metric").GetString() == "tension").GetProperty("subject").GetString()!;

        // Ana types the code in small letters; both predict tension in 2010 before they run.
        var ana = await JoinAsync(code.ToLowerInvariant(), "Ana");
        var ben = await JoinAsync(code, "Ben");
        await Expect(ana.Locator("#class-joined")).ToHaveTextAsync($"joined room {code} as Ana");
        await Expect(ben.Locator("#class-joined")).ToHaveTextAsync($"joined room {code} as Ben");
        await Predict(ana, subject, 0.3);
        await Predict(ben, subject, 0.7);
        var anaRun = await ana.RunAndWaitForResponseAsync(() => ana.Locator("#run").ClickAsync(), IsRun);
        await WaitForRunAsync(ana);
        var anaResult = JsonDocument.Parse(await anaRun.BodyAsync()).RootElement;
        await MoveSliderAsync(ben, Alignment, 0.5);
        await RunAsync(ben);
        await Expect(ana.Locator("#class-status")).ToHaveTextAsync($"run sent to room {code} (1 kept)");
        await Expect(ben.Locator("#class-status")).ToHaveTextAsync($"run sent to room {code} (1 kept)");

        // The teacher's view refreshes by itself: both students, their runs and their predictions.
        var rows = teacher.Locator("#class-students tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToContainTextAsync("Ana");
        await Expect(rows.Nth(2)).ToContainTextAsync("Ben");
        await Expect(rows.Nth(2)).ToContainTextAsync("alignment_scale = 0.5");
        var plot = teacher.Locator(".class-plot").First;
        await Expect(plot.Locator("h3")).ToHaveTextAsync($"tension ({subject}) in 2010");
        await Expect(plot.Locator("circle.prediction")).ToHaveCountAsync(2);
        await Expect(plot.Locator("circle.result")).ToHaveCountAsync(2);
        var xs = await plot.Locator("circle.prediction").EvaluateAllAsync<double[]>("dots => dots.map(d => Number(d.getAttribute('cx')))");
        Assert.That(xs[1] - xs[0], Is.GreaterThan(0), "0.7 is drawn right of 0.3");

        // The teacher's own run appears as a line on the same axis.
        await RunAsync(teacher);
        await Expect(plot.Locator("line.teacher")).ToHaveCountAsync(1);

        // The teacher's view for docs/CLASSROOM.md, redrawn with UPDATE_DOCS=1 (the screenshot tests check the capture itself).
        if (RepositoryFiles.Updating)
        {
            await teacher.SetViewportSizeAsync(1920, 1080);
            await teacher.Locator("#classroom").ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryFiles.PathOf("docs/images/classroom/teacher-view.png") });
            await teacher.SetViewportSizeAsync(Viewport.Width, Viewport.Height);
        }

        // Push: the teacher's variant and slider go onto both students' screens.
        await teacher.Locator("#variant").SelectOptionAsync("independent");
        Assert.That(await MoveSliderAsync(teacher, Alignment, 1.5), Is.EqualTo(1.5));
        await teacher.Locator("#class-push").ClickAsync();
        foreach (var student in new[] { ana, ben })
        {
            await Expect(student.Locator("#class-pushed")).ToHaveTextAsync("your teacher set lesson co-optation, variant independent, 10 replicates, track2.alignment_scale = 1.5");
            await Expect(student.Locator("#variant")).ToHaveValueAsync("independent");
            await Expect(Slider(student, Alignment)).ToHaveValueAsync("1.5");
        }

        // Export: one row per submission with its prediction.
        var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.Locator("#class-export").ClickAsync());
        string file = Path.Combine(Path.GetTempPath(), "tracksim-class-test-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await download.SaveAsAsync(file);
            using var reader = new StreamReader(file);
            var records = CsvText.Records(reader).ToList();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(download.SuggestedFilename, Is.EqualTo($"tracksim-class-{code}.csv"));
                Assert.That(string.Join(',', records[0]), Is.EqualTo(TrackSim.Server.Classroom.ClassroomCsv.Header));
                Assert.That(records.Skip(1).Select(r => (r[1], r[6], r[7], r[8], r[9])), Is.EquivalentTo(new[]
                {
                    ("Ana", "tension", subject, "2010", "0.3"),
                    ("Ben", "tension", subject, "2010", "0.7"),
                }));

                // Ana's outcome is her run's median and band of tension at the last step of 2010, exactly.
                var anaRow = records.Single(r => r[1] == "Ana");
                Assert.That(anaRow[10..], Is.EqualTo(AtEndOf(anaResult, "tension", subject, 2010)));
                Assert.That(await anaRun.Request.HeaderValueAsync(TrackSim.Server.TrackSimServer.ClientHeader), Does.Match("^[0-9a-f]{32}$"), "the page names itself to the run queue");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task The_teacher_token_leaves_the_address_bar_and_a_wrong_code_or_a_closed_room_is_said_in_the_page()
    {
        var teacher = await OpenTeacherAsync();
        Assert.That(teacher.Url, Does.Not.Contain("teacher="), "a projected page does not show the token");
        await teacher.Locator("#class-open").ClickAsync();
        string code = (await teacher.Locator("#class-code").TextContentAsync())!;

        var student = await OpenStudentAsync();
        await student.Locator("#class-code-input").FillAsync("ZZZZZ");
        await student.Locator("#class-name-input").FillAsync("Ana");
        await student.Locator("#class-join button").ClickAsync();
        await Expect(student.Locator("#class-status")).ToHaveTextAsync(new Regex("^there is no open room 'ZZZZZ': check the code on the teacher's screen"));

        await student.Locator("#class-code-input").FillAsync(code);
        await student.Locator("#class-join button").ClickAsync();
        await Expect(student.Locator("#class-joined")).ToHaveTextAsync($"joined room {code} as Ana");

        teacher.Dialog += (_, dialog) => dialog.AcceptAsync();
        await teacher.Locator("#class-close").ClickAsync();
        await Expect(teacher.Locator("#class-open")).ToBeVisibleAsync();
        await Expect(student.Locator("#class-status")).ToHaveTextAsync(new Regex("^you are not in a room any more"));
        await Expect(student.Locator("#class-join")).ToBeVisibleAsync();
    }

    private async Task<IPage> OpenTeacherAsync()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(Server.TeacherAddress.ToString());
        await Expect(page.Locator("#description")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#class-open")).ToBeVisibleAsync();
        return page;
    }

    // A student's page, in a browser context of its own; a refused request (the wrong code, the
    // closed room) logs a console error on purpose, any other error fails the test.
    private async Task<IPage> OpenStudentAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport, DeviceScaleFactor = 1 });
        context.SetDefaultTimeout(Timeout);
        _students.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !RefusedRequest().IsMatch(message.Text) && !message.Location.Contains("favicon.ico", StringComparison.Ordinal))
            {
                lock (_studentErrors)
                {
                    _studentErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_studentErrors)
            {
                _studentErrors.Add(error);
            }
        };
        await page.GotoAsync(Address.ToString());
        await Expect(page.Locator("#description")).Not.ToBeEmptyAsync();
        return page;
    }

    private async Task<IPage> JoinAsync(string code, string name)
    {
        var page = await OpenStudentAsync();
        await page.Locator("#class-code-input").FillAsync(code);
        await page.Locator("#class-name-input").FillAsync(name);
        await page.Locator("#class-join button").ClickAsync();
        return page;
    }

    // Locks a prediction of tension in 2010 in the page's predict panel.
    private static async Task Predict(IPage page, string subject, double value)
    {
        string shown = value.ToString("0.00", CultureInfo.InvariantCulture);
        await page.Locator("#predict-series").SelectOptionAsync(new SelectOptionValue { Label = $"Tension ({subject})" });
        await page.Locator("#predict-year").SelectOptionAsync("2010");
        await page.Locator("#predict-value").EvaluateAsync("(input, value) => { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); }", shown);
        await page.Locator("#predict-lock").ClickAsync();
        await Expect(page.Locator("#prediction-text")).ToHaveTextAsync($"Your prediction: Tension ({subject}) in 2010: {shown}");
    }

    // The median, 5th and 95th percentiles of a series at the last date of a year, as the CSV writes them.
    private static string[] AtEndOf(JsonElement run, string metric, string subject, int year)
    {
        int at = run.GetProperty("dates").EnumerateArray().Select((d, t) => (Year: int.Parse(d.GetString()![..4], CultureInfo.InvariantCulture), t)).Last(d => d.Year == year).t;
        var series = run.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == metric && s.GetProperty("subject").GetString() == subject);
        return [.. Band.Select(name => CsvText.Number(series.GetProperty(name)[at].GetDouble()))];
    }

    private static bool IsRun(IResponse response) => response.Url.EndsWith("/api/run", StringComparison.Ordinal) && response.Request.Method == "POST";

    [GeneratedRegex("^[A-HJKMNP-Z2-9]{5}$")]
    private static partial Regex JoinCode();

    [GeneratedRegex(@"Failed to load resource: the server responded with a status of 40[34]")]
    private static partial Regex RefusedRequest();
}

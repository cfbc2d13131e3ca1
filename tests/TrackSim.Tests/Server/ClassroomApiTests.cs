using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrackSim.Experiments.Files;
using TrackSim.Server;
using TrackSim.Server.Lessons;

namespace TrackSim.Tests.Server;

/// <summary>Classroom mode over HTTP: who may call what, a class's round trip, and the page's classroom files.</summary>
[TestFixture]
public sealed class ClassroomApiTests
{
    private static readonly string[] AnaBen = ["Ana", "Ben"];
    private static readonly string[] StudentColumn = ["student", "Ana", "Ben"];
    private static readonly string[] AnasRow = ["citizens.per_state=300;mechanisms.incidents=false", "tension", "aa-bb", "2010", "0.4", "0.31", "0.2", "0.45"];

    private TrackSimServer _server = null!;
    private HttpClient _client = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = TrackSimServer.Create(new ServerOptions
        {
            Port = 0,
            LessonFiles = LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null),
        });
        await _server.StartAsync();
        _client = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromMinutes(1) };
        _token = _server.Rooms.TeacherToken;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void The_teacher_link_is_the_page_address_with_the_token()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.TeacherAddress.GetLeftPart(UriPartial.Path), Is.EqualTo(_server.Address.ToString()));
            Assert.That(_server.TeacherAddress.Query, Is.EqualTo("?teacher=" + _token));
            Assert.That(_token, Does.Match("^[A-Za-z0-9_-]{22}$"));
        }
    }

    [Test]
    public async Task A_class_joins_submits_and_the_teacher_sees_it_pushes_to_it_and_exports_it()
    {
        string code = (await Post("api/class/open", new { token = _token })).GetProperty("code").GetString()!;
        var ana = await Post("api/class/join", new { code = code.ToLowerInvariant(), name = "Ana" });
        var ben = await Post("api/class/join", new { code, name = "Ben" });
        string anaKey = ana.GetProperty("key").GetString()!, benKey = ben.GetProperty("key").GetString()!;

        var settings = new { lesson = "co-optation", variant = "independent", replicates = 4, set = new Dictionary<string, object> { ["citizens.per_state"] = 300 }, mechanisms = new Dictionary<string, bool> { ["incidents"] = false } };
        await Post("api/class/submit", new { key = anaKey, settings, prediction = new { metric = "tension", subject = "aa-bb", year = 2010, value = 0.4, text = "Tension (aa-bb) in 2010: 0.40" }, outcome = new { value = 0.31, p05 = 0.2, p95 = 0.45 } });
        await Post("api/class/submit", new { key = benKey, settings = new { lesson = "co-optation", variant = "base", replicates = 10 } });
        var view = await Post("api/class/view", new { token = _token, code });
        var pushed = await Post("api/class/push", new { token = _token, code, settings });
        var anaState = await Post("api/class/poll", new { key = anaKey });
        using var export = await _client.PostAsJsonAsync("api/class/export", new { token = _token, code });
        string csv = await export.Content.ReadAsStringAsync();
        using var reader = new StringReader(csv);
        var rows = CsvText.Records(reader).ToList();
        await Post("api/class/close", new { token = _token, code });

        var students = view.GetProperty("students").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(students.Select(s => s.GetProperty("name").GetString()), Is.EqualTo(AnaBen));
            Assert.That(students[0].GetProperty("latest").GetProperty("prediction").GetProperty("value").GetDouble(), Is.EqualTo(0.4));
            Assert.That(students[0].GetProperty("latest").GetProperty("outcome").GetProperty("p95").GetDouble(), Is.EqualTo(0.45));
            Assert.That(students[1].GetProperty("latest").GetProperty("prediction").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(pushed.GetProperty("message").GetString(), Does.StartWith($"pushed to the 2 students of room {code}"));
            Assert.That(anaState.GetProperty("push").GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(anaState.GetProperty("push").GetProperty("settings").GetProperty("set").GetProperty("citizens.per_state").GetDouble(), Is.EqualTo(300));
            Assert.That(export.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(export.Content.Headers.ContentDisposition?.FileName, Is.EqualTo($"tracksim-class-{code}.csv"));
            Assert.That(rows.Select(r => r[1]), Is.EqualTo(StudentColumn));
            Assert.That(rows[1][5..], Is.EqualTo(AnasRow));
        }
    }

    [Test]
    public async Task A_student_cannot_use_the_teacher_requests_nor_a_wrong_token()
    {
        string code = (await Post("api/class/open", new { token = _token })).GetProperty("code").GetString()!;
        string key = (await Post("api/class/join", new { code, name = "Ana" })).GetProperty("key").GetString()!;
        var tries = new (string Path, object Body)[]
        {
            ("api/class/open", new { token = key }),
            ("api/class/open", new { token = _token[..^1] }),
            ("api/class/view", new { token = key, code }),
            ("api/class/push", new { token = key, code, settings = new { lesson = "co-optation" } }),
            ("api/class/export", new { token = key, code }),
            ("api/class/close", new { token = string.Empty, code }),
            ("api/class/view", new { code }),
        };

        try
        {
            using (Assert.EnterMultipleScope())
            {
                foreach (var (path, body) in tries)
                {
                    using var response = await _client.PostAsJsonAsync(path, body);
                    string error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
                    Assert.That(error, Does.StartWith("only the teacher can do this"), path);
                }
            }
        }
        finally
        {
            await Post("api/class/close", new { token = _token, code });
        }
    }

    [TestCase("api/class/join", "{\"code\":\"ABCDE\",\"name\":\"Ana\",\"admin\":true}", HttpStatusCode.BadRequest, "$.admin")]
    [TestCase("api/class/join", "{\"code\":\"ZZZZZ\",\"name\":\"Ana\"}", HttpStatusCode.NotFound, "there is no open room 'ZZZZZ'")]
    [TestCase("api/class/submit", "{\"key\":\"nope\",\"settings\":{\"lesson\":\"x\"}}", HttpStatusCode.NotFound, "join again")]
    [TestCase("api/class/poll", "[1", HttpStatusCode.BadRequest, "not the JSON expected")]
    public async Task Bad_classroom_requests_get_a_status_and_a_sentence(string path, string body, HttpStatusCode status, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(path, content);
        string error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(error, Does.Contain(expected));
        }
    }

    [TestCase("classroom.js", "text/javascript")]
    [TestCase("classroom.css", "text/css")]
    public async Task The_classroom_files_are_served_as_the_page_is_and_name_no_other_host(string path, string type)
    {
        using var page = await _client.GetAsync(string.Empty);
        using var response = await _client.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        var urls = System.Text.RegularExpressions.Regex.Matches(text, @"(https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s""')]*").Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            Assert.That(urls, Is.Empty);
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(page.Headers.GetValues("Content-Security-Policy")));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"));
        }
    }

    [Test]
    public async Task The_page_has_the_classroom_section_and_loads_its_script_after_the_pages()
    {
        string page = await _client.GetStringAsync(string.Empty);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("<section id=\"classroom\""));
            Assert.That(page, Does.Contain("href=\"classroom.css\""));
            Assert.That(page.IndexOf("src=\"classroom.js\"", StringComparison.Ordinal), Is.GreaterThan(page.IndexOf("src=\"app.js\"", StringComparison.Ordinal)), "classroom.js uses window.trackSim, which app.js defines");
        }
    }

    private async Task<JsonElement> Post(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrackSim.Lessons;
using TrackSim.Server;
using TrackSim.Server.Lessons;
using TrackSim.Web;

namespace TrackSim.Tests.Web;

/// <summary>
/// The static page's backend, run here without a browser: it offers the lessons the server offers
/// and answers every request with the server's status and JSON text, byte for byte.
/// </summary>
[TestFixture]
public sealed partial class StaticBackendTests
{
    private static readonly (string Path, string? Body)[] Cases =
    [
        ("/api/lessons", null),
        ("/api/lessons/no-such-lesson", null),
        ("/api/run", "{\"lesson\":\"co-optation\",\"replicates\":3}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"variant\":\"independent\",\"replicates\":2,\"set\":{\"parameters.track2.alignment_scale\":0.4},\"mechanisms\":{\"spoilers\":false}}"),
        ("/api/run", "{\"lesson\":\"youth-and-language\",\"variant\":\"no-generational-change\",\"replicates\":2}"),
        ("/api/run", "{\"lesson\":\"india-pakistan-1984-2021\",\"replicates\":1,\"set\":{\"citizens.per_state\":20}}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"set\":{\"parameters.posture.fear\":7}}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"replicates\":51}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"variant\":\"indepedent\"}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"mechanisms\":{\"nope\":false}}"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"replicates\":\"many\"}"),
        ("/api/run", "[1, 2"),
        ("/api/run", "null"),
        ("/api/run", "{\"lesson\":\"co-optation\",\"sets\":{}}"),
        ("/api/run", "{}"),
        ("/api/run", "{\"lesson\":\"../minimal\"}"),
        ("/api/validate", "{\"yaml\":\"name: broken\\ncalendar: { start: 2000-01, end: 2001-12, step: month }\\nstates:\\n  - { id: AA, name: Atlantis, hawkishnes: 0.5 }\\n\"}"),
        ("/api/validate", "{\"yaml\":null}"),
        ("/api/lesson", "{\"yaml\":\"name: broken\\nstates: 3\\n\"}"),
        ("/api/lesson", "{}"),
        ("/api/lesson", Upload(replicates: null)),
        ("/api/run", Upload(replicates: 2)),
        ("/api/run", "{\"yaml\":\"name: broken\\n\",\"replicates\":1}"),
        ("/api/validate", "{\"yaml\":\"\"}"),
        ("/api/scenario", "{\"lesson\":\"co-optation\",\"variant\":\"independent\",\"replicates\":2,\"set\":{\"parameters.track2.alignment_scale\":0.4},\"mechanisms\":{\"spoilers\":false}}"),
        ("/api/scenario", Upload(replicates: 2)),
        ("/api/scenario", "{\"lesson\":\"co-optation\",\"set\":{\"parameters.posture.fear\":7}}"),
    ];

    private static readonly string[] PageFiles = ["backend.js", "model-worker.js"];
    private static readonly string[] WorkerOnly = ["model-worker.js"];
    private static readonly string[] RuntimeOnly = ["./_framework/dotnet.js"];

    // A shipped scenario sent as the page sends an uploaded file.
    private static string Upload(int? replicates)
    {
        string yaml = RepositoryFiles.Read("scenarios/teaching/transfer.yaml");
        return replicates is null ? JsonSerializer.Serialize(new { yaml }) : JsonSerializer.Serialize(new { yaml, replicates });
    }

    // Named by path and the body's start.
    private static IEnumerable<TestCaseData> Requests() =>
        Cases.Select(c => new TestCaseData(c.Path, c.Body).SetArgDisplayNames(c.Path, c.Body is null ? "GET" : c.Body[..Math.Min(c.Body.Length, 60)]));

    private TrackSimServer _server = null!;
    private HttpClient _client = null!;
    private StaticBackend _backend = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = TrackSimServer.Create(new ServerOptions { Port = 0, LessonFiles = LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null) });
        await _server.StartAsync();
        _client = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromMinutes(2) };
        _backend = new StaticBackend();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void The_lessons_built_in_are_the_shipped_files_the_server_offers_in_its_order()
    {
        var shipped = LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null);
        var builtIn = StaticLessons.Sources();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builtIn.Select(s => s.File), Is.EqualTo(shipped.Select(Path.GetFileName)));
            Assert.That(builtIn.Select(s => s.Yaml), Is.EqualTo(shipped.Select(File.ReadAllText)), "the texts are the files as they are now");
            Assert.That(_backend.LessonCount, Is.EqualTo(_server.LessonCount).And.EqualTo(shipped.Count));
        }
    }

    [Test]
    public void Every_API_route_of_the_server_but_the_classrooms_is_answered_in_the_browser_too()
    {
        // A route added to the server and forgotten here would be a 404 on the static page only.
        var api = _server.Routes.Where(r => r.Contains(" /api/", StringComparison.Ordinal) && !r.Contains("/api/class/", StringComparison.Ordinal)).ToList();
        var unanswered = api.Where(route =>
        {
            string method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            string path = route[(method.Length + 1)..].Replace("{id}", "co-optation", StringComparison.Ordinal);
            var answer = _backend.Answer(path, method == "GET" ? null : "{}");
            return answer.Body is ApiError error && error.Error.StartsWith("the API has no", StringComparison.Ordinal);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(api, Has.Count.GreaterThanOrEqualTo(6), "the routes are seen: " + string.Join(", ", api));
            Assert.That(unanswered, Is.Empty);
        }
    }

    [TestCaseSource(nameof(Requests))]
    public async Task A_request_gets_the_status_and_the_JSON_text_the_server_sends(string path, string? body)
    {
        var (status, served) = await FromServer(path, body);
        var answer = _backend.Answer(path, body);

        // A lesson's controls (an uploaded scenario's here) start at fewer replicates: the test below.
        string text = answer.Body is LessonDetail ? Capped(served) : served;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(status));
            Assert.That(LessonRequests.Serialize(answer), Is.EqualTo(text));
            Assert.That(_backend.Text(path, body), Is.EqualTo($"{status} {text}"), "the form backend.js reads");
        }
    }

    [Test]
    public async Task A_lesson_is_the_server_s_but_starts_at_fewer_replicates_in_the_browser()
    {
        var (_, list) = await FromServer("/api/lessons", body: null);
        foreach (string lesson in JsonDocument.Parse(list).RootElement.EnumerateArray().Select(l => l.GetProperty("id").GetString()!))
        {
            string path = "/api/lessons/" + lesson;
            var (status, text) = await FromServer(path, body: null);
            int replicates = JsonDocument.Parse(text).RootElement.GetProperty("replicates").GetInt32();
            string expected = Capped(text);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(status, Is.EqualTo(200));
                Assert.That(replicates, Is.GreaterThan(StaticBackend.BrowserReplicates), $"{lesson}: the shipped lessons ask more, so the cap is exercised");
                Assert.That(_backend.Text(path, null), Is.EqualTo($"200 {expected}"), lesson);
            }
        }
    }

    [TestCase(0, 200)]
    [TestCase(1, 413)]
    public void A_body_over_1_MiB_is_refused_with_413_as_the_server_refuses_it(int over, int status)
    {
        // The server's answer is checked over a raw connection in ServerApiTests (a client sending more
        // than the server reads may see the connection closed first); its message is this one.
        string padding = new(' ', (int)RunLimits.MaxBodyBytes - "{\"yaml\":\"name: x\"}".Length + over);
        var answer = _backend.Answer("/api/validate", "{\"yaml\":\"name: x\"}" + padding);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(status));
            Assert.That(LessonRequests.Serialize(answer), over == 0 ? Does.StartWith("{\"valid\":false") : Is.EqualTo("{\"error\":\"the request body is larger than 1024 KiB\"}"));
        }
    }

    [Test]
    public void An_uploaded_scenario_is_answered_with_its_controls_and_runs()
    {
        // Guards the comparisons above: the upload requests there are answered, not refused.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_backend.Answer("/api/lesson", Upload(replicates: null)).Body, Is.TypeOf<LessonDetail>());
            Assert.That(_backend.Answer("/api/run", Upload(replicates: 2)).Body, Is.TypeOf<RunResponse>());
        }
    }

    [Test]
    public void An_id_may_be_percent_encoded_as_the_page_sends_it()
    {
        Assert.That(_backend.Text("/api/lessons/co%2Doptation", null), Is.EqualTo(_backend.Text("/api/lessons/co-optation", null)));
    }

    [TestCase("/api/run", null, 405, "/api/run is POST with a JSON body")]
    [TestCase("/api/lessons", "{}", 405, "/api/lessons is GET without a body")]
    [TestCase("/api/lessons/co-optation", "{}", 404, "the API has no POST /api/lessons/co-optation")]
    [TestCase("/api/lessons/co-optation/x", null, 404, "the API has no GET /api/lessons/co-optation/x")]
    [TestCase("/index.html", null, 404, "the API has no GET /index.html")]
    public void A_request_the_API_does_not_have_is_refused_with_a_message(string path, string? body, int status, string error)
    {
        var answer = _backend.Answer(path, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(status));
            Assert.That(answer.Body, Is.EqualTo(new ApiError(error)));
        }
    }

    [Test]
    public void The_static_page_files_load_only_the_worker_and_the_runtime_beside_them()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("src/TrackSim.Web/Page")).Order(StringComparer.Ordinal).ToList();
        var loads = files.ToDictionary(f => Path.GetFileName(f), f => Loads().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList());
        var addresses = files.SelectMany(f => OtherHost().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loads.Keys, Is.EqualTo(PageFiles));
            Assert.That(loads["backend.js"], Is.EqualTo(WorkerOnly));
            Assert.That(loads["model-worker.js"], Is.EqualTo(RuntimeOnly));
            Assert.That(addresses, Is.Empty, "the only address is the one backend.js tells a teacher to open");
            Assert.That(OtherHost().IsMatch("import('https://cdn.example/x.js')"), Is.True, "guards the check above");
            Assert.That(File.ReadAllText(files[0]), Does.Contain("window.trackSimBackend = {"));
        }
    }

    // The server's text of a lesson's controls with the replicates the browser starts at.
    private static string Capped(string detail)
    {
        int replicates = JsonDocument.Parse(detail).RootElement.GetProperty("replicates").GetInt32();
        return FirstReplicates().Replace(detail, $"\"replicates\":{Math.Min(replicates, StaticBackend.BrowserReplicates)},", 1);
    }

    private async Task<(int Status, string Text)> FromServer(string path, string? body)
    {
        using var response = body is null
            ? await _client.GetAsync(path.TrimStart('/'))
            : await _client.PostAsync(path.TrimStart('/'), new StringContent(body, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("\"replicates\":\\d+,")]
    private static partial Regex FirstReplicates();

    [GeneratedRegex("https?://(?!localhost:8000/)[^\\s'\"]*")]
    private static partial Regex OtherHost();

    // What a script loads: a module, a fetched file or a worker, named by a literal.
    [GeneratedRegex("(?:import|fetch|new Worker)\\(\\s*'([^']*)'")]
    private static partial Regex Loads();
}

using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;
using TrackSim.Server;
using TrackSim.Lessons;
using TrackSim.Server.Lessons;

namespace TrackSim.Tests.Server;

/// <summary>The server's page and JSON API, called over HTTP on a port the system picks.</summary>
[TestFixture]
public sealed partial class ServerApiTests
{
    private static readonly string[] YouthVariants = ["base", "no-generational-change"];
    private static readonly string[] SelfOnly = ["default-src 'self'; img-src 'self' data: blob:"];
    private static readonly string[] PageFiles = ["app.css", "backend.js", "app.js"];

    private TrackSimServer _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = TrackSimServer.Create(new ServerOptions
        {
            Port = 0,
            LessonFiles = LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null),
        });
        await _server.StartAsync();
        _client = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromMinutes(2) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void The_server_listens_on_the_loopback_address_and_a_port_the_system_picked()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.Address.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(_server.Address.Port, Is.Not.Zero);
        }
    }

    [Test]
    public async Task The_lessons_are_the_teaching_scenarios_then_India_Pakistan_by_file_name()
    {
        var lessons = await _client.GetFromJsonAsync<JsonElement>("api/lessons");
        var ids = lessons.EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToArray();
        var teaching = Directory.GetFiles(RepositoryFiles.PathOf("scenarios/teaching"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.EqualTo(teaching.Append("india-pakistan-1984-2021").ToArray()));
            Assert.That(lessons[0].GetProperty("title").GetString(), Is.EqualTo("Co-optation - agreement on trade, not on the border"));
        }
    }

    [Test]
    public async Task A_lesson_lists_its_variants_mechanisms_and_the_parameters_it_sets_with_their_ranges()
    {
        var lesson = await _client.GetFromJsonAsync<JsonElement>("api/lessons/youth-and-language");
        var variants = lesson.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString());
        var turnover = lesson.GetProperty("mechanisms").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "turnover");
        var rate = lesson.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "turnover.rate");
        var catalog = TrackSim.Core.Parameters.ParameterCatalog.Find("turnover.rate")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(variants, Is.EqualTo(YouthVariants));
            Assert.That(turnover.GetProperty("on").GetBoolean(), Is.True);
            Assert.That(rate.GetProperty("path").GetString(), Is.EqualTo("parameters.turnover.rate"));
            Assert.That(rate.GetProperty("value").GetDouble(), Is.EqualTo(0.04), "the value youth-and-language.yaml sets");
            Assert.That(rate.GetProperty("default").GetDouble(), Is.EqualTo(catalog.Default));
            Assert.That(rate.GetProperty("min").GetDouble(), Is.EqualTo(catalog.Min));
            Assert.That(rate.GetProperty("max").GetDouble(), Is.EqualTo(catalog.Max));
            Assert.That(rate.GetProperty("description").GetString(), Is.EqualTo(catalog.Description));
        }
    }

    [Test]
    public async Task A_run_returns_exactly_the_summary_tracksim_run_computes_for_the_same_settings()
    {
        var body = new
        {
            lesson = "youth-and-language",
            variant = "base",
            replicates = 3,
            set = new Dictionary<string, object> { ["parameters.turnover.rate"] = 0.08 },
            mechanisms = new Dictionary<string, bool> { ["working_language"] = false },
        };
        var run = await PostJson("api/run", body);

        var overrides = new[] { new Override("parameters.turnover.rate", "0.08"), new Override("mechanisms.working_language", "false") };
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/teaching/youth-and-language.yaml"), overrides).Scenario!;
        var summary = SummaryTable.FromEnsemble(Ensemble.Run(scenario, new EnsembleOptions { Replicates = 3, Variants = ["base"] }));
        var series = run.GetProperty("series").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GetProperty("dates").GetArrayLength(), Is.EqualTo(scenario.Calendar.StepCount + 1));
            Assert.That(series.Select(s => s.GetProperty("metric").GetString()).Distinct(), Is.EquivalentTo(LessonApi.Metrics));
            foreach (var s in series)
            {
                var expected = summary.Find("base", s.GetProperty("metric").GetString()!, s.GetProperty("subject").GetString()!)!;
                Assert.That(Values(s, "median"), Is.EqualTo(expected.P50.ToArray()), $"{expected.Metric} {expected.Subject} median");
                Assert.That(Values(s, "p05"), Is.EqualTo(expected.P05.ToArray()), $"{expected.Metric} {expected.Subject} p05");
                Assert.That(Values(s, "p95"), Is.EqualTo(expected.P95.ToArray()), $"{expected.Metric} {expected.Subject} p95");
            }
        }
    }

    [Test]
    public async Task A_run_returns_the_numbers_of_the_summary_csv_tracksim_run_writes_for_the_same_settings()
    {
        var run = await PostJson("api/run", new
        {
            lesson = "co-optation",
            variant = "independent",
            replicates = 4,
            set = new Dictionary<string, object> { ["citizens.per_state"] = 300 },
            mechanisms = new Dictionary<string, bool> { ["incidents"] = false },
        });
        string folder = Path.Combine(Path.GetTempPath(), "tracksim-serve-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = RunAnswers.SummaryOfRun([RepositoryFiles.PathOf("scenarios/teaching/co-optation.yaml"), "--variant", "independent", "-r", "4", "--set", "citizens.per_state=300", "--set", "mechanisms.incidents=false"], folder, 4);
            RunAnswers.AssertSeriesEqual(run, summary, "independent");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public async Task The_changes_a_run_asks_for_change_its_result()
    {
        // Guards the test above: were 'set' ignored, the same numbers would come back for either value.
        var slow = await PostJson("api/run", new { lesson = "youth-and-language", replicates = 2, set = new Dictionary<string, object> { ["parameters.turnover.rate"] = 0.0 } });
        var fast = await PostJson("api/run", new { lesson = "youth-and-language", replicates = 2, set = new Dictionary<string, object> { ["parameters.turnover.rate"] = 0.2 } });

        Assert.That(PublicTrust(fast), Is.Not.EqualTo(PublicTrust(slow)));
    }

    [Test]
    public async Task The_log_reads_as_dated_lines_naming_the_rule_or_the_scenario_event()
    {
        var run = await PostJson("api/run", new { lesson = "india-pakistan-1984-2021", replicates = 1 });
        var log = run.GetProperty("log").EnumerateArray().Select(l => l.GetString()!).ToList();
        var events = run.GetProperty("events").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Has.Count.InRange(1, RunLimits.MaxLogLines));
            Assert.That(log, Has.All.Match(@"^\d{4}-\d{2}: .+ \((scenario event|rule [A-Z0-9-]+)\)$"));
            Assert.That(log[0], Is.EqualTo("1984-04: meghdoot-1984: Operation Meghdoot (MilitaryOperation, severity 0.6) (scenario event)"));
            Assert.That(events.Where(e => e.GetProperty("kind").GetString() == "scenario").Select(e => e.GetProperty("label").GetString()), Has.Some.StartsWith("Kargil conflict ("), "scenario events are markers whether or not the log shows them");
        }
    }

    [Test]
    public async Task A_set_path_the_scenario_does_not_have_is_refused_with_400_naming_it()
    {
        using var response = await _client.PostAsJsonAsync("api/run", new { lesson = "co-optation", set = new Dictionary<string, object> { ["parameters.posture.feer"] = 0.3 } });
        string error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error, Does.Contain("parameters.posture.feer"));
            Assert.That(error, Does.Not.Contain(" at TrackSim."), "no stack trace");
        }
    }

    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"parameters.posture.fear\":7}}", "parameters.posture.fear")]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":51}", "replicates: 51")]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":0}", "replicates: 0")]
    [TestCase("{\"lesson\":\"co-optation\",\"variant\":\"indepedent\"}", "no variant 'indepedent'")]
    [TestCase("{\"lesson\":\"co-optation\",\"mechanisms\":{\"nope\":false}}", "no mechanism 'nope'")]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":\"many\"}", "$.replicates")]
    [TestCase("[1, 2", "not the JSON expected")]
    [TestCase("{\"lesson\":\"co-optation\",\"sets\":{}}", "$.sets")]
    [TestCase("{}", "lesson:")]
    public async Task Bad_run_requests_are_refused_with_400_saying_what_and_where(string body, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("api/run", content);
        string error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error, Does.Contain(expected));
        }
    }

    [Test]
    public async Task An_unknown_lesson_is_404_whether_read_or_run()
    {
        using var read = await _client.GetAsync("api/lessons/no-such-lesson");
        using var run = await _client.PostAsJsonAsync("api/run", new { lesson = "../minimal" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("there is no lesson 'no-such-lesson'"));
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_body_over_1_MiB_is_refused_with_413(bool declaredLength)
    {
        // A valid JSON object padded past the limit by one byte: only its size is wrong.
        string padding = new(' ', (int)RunLimits.MaxBodyBytes);
        byte[] body = Encoding.UTF8.GetBytes("{\"lesson\":\"co-optation\"}" + padding);

        Assert.That(await RawPost("/api/run", body, declaredLength), Is.EqualTo("HTTP/1.1 413 Payload Too Large"));
    }

    [Test]
    public async Task A_body_just_under_1_MiB_is_read()
    {
        // Guards the test above: the limit is the size, not padding or the way the body is sent.
        string padding = new(' ', (int)RunLimits.MaxBodyBytes - 100);
        using var content = new StringContent("{\"yaml\":\"name: x\"}" + padding, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("api/validate", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Validate_answers_with_the_positioned_errors_of_the_loader()
    {
        const string yaml = "name: broken\ncalendar: { start: 2000-01, end: 2001-12, step: month }\nstates:\n  - { id: AA, name: Atlantis, hawkishnes: 0.5 }\n";
        var answer = await PostJson("api/validate", new { yaml });
        var expected = ScenarioLoader.LoadText(yaml, "upload").Errors;
        var errors = answer.GetProperty("errors").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(errors.Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32(), e.GetProperty("message").GetString())), Is.EqualTo(expected.Select(e => (e.Line, e.Column, e.Message))));
            Assert.That(errors.Any(e => e.GetProperty("line").GetInt32() == 4), Is.True, "the misspelt key is on line 4");
        }
    }

    [Test]
    public async Task Validate_accepts_a_shipped_scenario()
    {
        var answer = await PostJson("api/validate", new { yaml = RepositoryFiles.Read("scenarios/minimal.yaml") });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("valid").GetBoolean(), Is.True);
            Assert.That(answer.GetProperty("errors").GetArrayLength(), Is.Zero);
        }
    }

    [TestCase("", "text/html")]
    [TestCase("backend.js", "text/javascript")]
    [TestCase("app.js", "text/javascript")]
    [TestCase("app.css", "text/css")]
    public async Task The_page_and_its_files_reference_no_other_host(string path, string type)
    {
        using var response = await _client.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        // The SVG namespace is a name, not an address the browser fetches.
        var urls = Url().Matches(text).Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            Assert.That(text, Is.Not.Empty);
            Assert.That(urls, Is.Empty);
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(SelfOnly));
        }
    }

    [Test]
    public void The_host_check_finds_an_address_in_a_page()
    {
        // Guards the test above: the pattern sees absolute and protocol-relative addresses.
        Assert.That(Url().Count("<script src=\"https://cdn.example.org/x.js\"></script><link href=\"//fonts.example.com/a.css\">"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_page_loads_only_its_own_script_and_style()
    {
        string page = await _client.GetStringAsync(string.Empty);
        var loaded = Loaded().Matches(page).Select(m => m.Groups["target"].Value);

        // Every script and style the page names is one of the page's own files, built into the server.
        var own = typeof(TrackSimServer).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("page/", StringComparison.Ordinal)).Select(n => n["page/".Length..]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded, Is.SupersetOf(PageFiles));
            Assert.That(loaded, Is.SubsetOf(own));
        }
    }

    [Test]
    public async Task Runs_beyond_two_wait_in_line_one_per_client_a_full_line_gets_503_and_clients_that_leave_stop_their_runs()
    {
        // At 100,000 citizens a state (the most a run may ask for) a replicate of this scenario takes about
        // a second on one core, so each of these runs would take about a minute if the server did not stop
        // it when its client left.
        var slow = new { lesson = "india-pakistan-1984-2021", replicates = RunLimits.MaxReplicates, set = new Dictionary<string, object> { ["citizens.per_state"] = RunLimits.MaxCitizensPerState } };
        using var leave = new CancellationTokenSource();
        var running = new[] { Send(slow, "slow-1", leave.Token), Send(slow, "slow-2", leave.Token) };
        Assert.That(await Until(() => _server.RunsUnderWay == RunLimits.MaxConcurrentRuns, TimeSpan.FromSeconds(30)), Is.True, "both slow runs started");
        var waiting = Enumerable.Range(0, TrackSimServer.MaxWaitingRuns).Select(i => Send(slow, $"waiting-{i}", leave.Token)).ToList();
        bool lineFull = await Until(() => _server.RunsWaiting == TrackSimServer.MaxWaitingRuns, TimeSpan.FromSeconds(30));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        using var again = await Send(new { lesson = "co-optation", replicates = 1 }, "slow-1", CancellationToken.None);
        using var beyond = await Send(new { lesson = "co-optation", replicates = 1 }, "one-more", CancellationToken.None);
        waited.Stop();
        string againError = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        string beyondError = (await beyond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        await leave.CancelAsync();
        bool stopped = await Until(() => _server.RunsUnderWay == 0 && _server.RunsWaiting == 0, TimeSpan.FromSeconds(15));
        foreach (var run in running.Concat(waiting))
        {
            await Assert.CatchAsync<OperationCanceledException>(() => run);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lineFull, Is.True, "16 runs waited in line");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(againError, Is.EqualTo("a run of yours is already under way or waiting; its answer comes first"));
            Assert.That(beyond.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(beyondError, Is.EqualTo("the server is busy (2 runs under way and 16 waiting); try again in a moment"));

            // Runs keep off the threads that answer requests: on the thread pool a refusal took 35 s on two cores.
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the refusals came while the runs went on");
            Assert.That(stopped, Is.True, "the runs stopped and the line emptied when their clients left");
        }

        var after = await PostJson("api/run", new { lesson = "co-optation", replicates = 1 });
        Assert.That(after.GetProperty("replicates").GetInt32(), Is.EqualTo(1), "the server runs again once the places are free");
    }

    [Test]
    public async Task A_waiting_run_starts_when_a_place_frees_and_answers_as_any_run()
    {
        var slow = new { lesson = "india-pakistan-1984-2021", replicates = RunLimits.MaxReplicates, set = new Dictionary<string, object> { ["citizens.per_state"] = RunLimits.MaxCitizensPerState } };
        using var leave = new CancellationTokenSource();
        var running = new[] { Send(slow, "slow-1", leave.Token), Send(slow, "slow-2", leave.Token) };
        Assert.That(await Until(() => _server.RunsUnderWay == RunLimits.MaxConcurrentRuns, TimeSpan.FromSeconds(30)), Is.True, "both slow runs started");
        var queued = Send(new { lesson = "co-optation", replicates = 2 }, "quick", CancellationToken.None);
        bool inLine = await Until(() => _server.RunsWaiting == 1, TimeSpan.FromSeconds(15));

        await leave.CancelAsync();
        using var answer = await queued.WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var run in running)
        {
            await Assert.CatchAsync<OperationCanceledException>(() => run);
        }

        bool stopped = await Until(() => _server.RunsUnderWay == 0, TimeSpan.FromSeconds(15));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True, "the slow runs stopped");
            Assert.That(inLine, Is.True, "the third run waited");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replicates").GetInt32(), Is.EqualTo(2));
        }
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("a-client-id-that-is-far-too-long-to-be-one-a-page-would-ever-send-x")]
    public async Task A_malformed_client_id_is_refused_with_400(string id)
    {
        using var response = await Send(new { lesson = "co-optation", replicates = 1 }, id, CancellationToken.None);
        string error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error, Does.StartWith(TrackSimServer.ClientHeader));
        }
    }

    // Posts a run request naming its client in the header the page sends.
    private async Task<HttpResponseMessage> Send<T>(T body, string client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/run") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(TrackSimServer.ClientHeader, client);
        return await _client.SendAsync(request, cancellationToken);
    }

    // Posts over a bare socket and returns the status line. The server answers 413 without reading the
    // rest, so a client that must finish sending first (as HttpClient must) may see only a broken pipe.
    private async Task<string> RawPost(string path, byte[] body, bool declaredLength)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_server.Address.Host, _server.Address.Port);
        var stream = tcp.GetStream();
        string framing = declaredLength ? $"Content-Length: {body.Length}" : "Transfer-Encoding: chunked";
        byte[] head = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {_server.Address.Authority}\r\nContent-Type: application/json\r\n{framing}\r\nConnection: close\r\n\r\n");
        var sending = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(head);
                if (declaredLength)
                {
                    await stream.WriteAsync(body);
                    return;
                }

                for (int at = 0; at < body.Length; at += 64 * 1024)
                {
                    int size = Math.Min(64 * 1024, body.Length - at);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                    await stream.WriteAsync(body.AsMemory(at, size));
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }

                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                // The server closed the connection after its answer; the rest of the body is not wanted.
            }
        });
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string status = await reader.ReadLineAsync() ?? string.Empty;
        await sending;
        return status;
    }

    private static async Task<bool> Until(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    private async Task<JsonElement> PostJson<T>(string path, T body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static double[] Values(JsonElement series, string name) =>
        [.. series.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    private static double[] PublicTrust(JsonElement run) =>
        Values(run.GetProperty("series").EnumerateArray().First(s => s.GetProperty("metric").GetString() == "public_trust"), "median");

    [GeneratedRegex(@"(https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s""')]*")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?:src|href)=""(?<target>[^""]+)""")]
    private static partial Regex Loaded();
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrackSim.Server;
using TrackSim.Server.Lessons;

namespace TrackSim.Tests.Browser;

/// <summary>
/// The base of the tests that drive the classroom page in a real browser. Each fixture class gets
/// one server (in-process, on a port the system picks, with the repository's lessons) and one
/// headless Chromium; each test gets a fresh browser context, so no state is shared between tests.
/// Every request, console error and uncaught page error of the test's pages is recorded, and after
/// each test <see cref="AssertPageStayedOnServer"/> fails it if the page asked anything of another
/// address or logged an error.
/// </summary>
/// <remarks>
/// The tests run one at a time (<see cref="NonParallelizableAttribute"/>): a browser and a server
/// share the machine's cores, and timings in the page should not depend on other tests.
/// </remarks>
[NonParallelizable]
public abstract partial class PageTestBase
{
    /// <summary>How long an action or an assertion waits for the page, in milliseconds: generous, as a loaded machine can be slow.</summary>
    protected const float Timeout = 30_000;

    private readonly Lock _gate = new();
    private readonly List<string> _requests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<Regex> _allowedConsoleErrors = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TrackSimServer? _server;
    private HttpClient? _api;
    private IBrowserContext? _context;

    /// <summary>The server the pages are loaded from.</summary>
    protected TrackSimServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The server's address, such as <c>http://127.0.0.1:40123/</c>.</summary>
    protected Uri Address => Server.Address;

    /// <summary>The browser of this fixture class.</summary>
    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The current test's browser context (a fresh profile: no cookies, no storage).</summary>
    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("No test is running.");

    /// <summary>An HTTP client for the server's API, to compare what the page shows with what the server answers.</summary>
    protected HttpClient Api => _api ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Every URL the current test's pages requested (documents, scripts, styles, fetches, web sockets), in order.</summary>
    protected IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The console errors the current test's pages logged so far (text and location), allowed ones included.</summary>
    protected IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>
    /// The width and height of the current test's pages; a test may change it before
    /// <see cref="OpenPageAsync"/> or with <see cref="IPage.SetViewportSizeAsync"/>.
    /// </summary>
    protected virtual ViewportSize Viewport => new() { Width = 1366, Height = 768 };

    /// <summary>Starts the server and the browser; fails (not skips) when no Chromium is installed.</summary>
    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            Assert.Fail(ChromiumLocator.InstallHint);
        }

        _server = TrackSimServer.Create(new ServerOptions
        {
            Port = 0,
            LessonFiles = LessonFiles.In(RepositoryFiles.PathOf("scenarios"), null),
        });
        await _server.StartAsync();
        _api = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromMinutes(2) };

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Timeout = 60_000,
        });
        Assertions.SetDefaultExpectTimeout(Timeout);
    }

    /// <summary>Closes the browser and stops the server.</summary>
    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Opens a fresh browser context for the test and starts recording its pages.</summary>
    [SetUp]
    public async Task OpenContext()
    {
        lock (_gate)
        {
            _requests.Clear();
            _consoleErrors.Clear();
            _pageErrors.Clear();
            _allowedConsoleErrors.Clear();
        }

        _context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport, DeviceScaleFactor = 1 });
        _context.SetDefaultTimeout(Timeout);
        _context.Request += (_, request) => Record(_requests, request.Url);
        _context.Page += (_, page) => Watch(page);
    }

    /// <summary>Closes the test's context, then fails the test if its pages left the server or logged errors.</summary>
    [TearDown]
    public async Task CloseContext()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
            _context = null;
        }

        AssertPageStayedOnServer();
    }

    /// <summary>
    /// Opens a page at the server's address and waits until the lesson list has loaded and the first
    /// lesson is shown (its description is on the page).
    /// </summary>
    protected async Task<IPage> OpenPageAsync()
    {
        var page = await Context.NewPageAsync();
        var response = await page.GotoAsync(Address.ToString());
        Assert.That(response?.Status, Is.EqualTo(200), "The page did not load.");
        await Assertions.Expect(page.Locator("#lesson option").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#description")).Not.ToBeEmptyAsync();
        return page;
    }

    /// <summary>Chooses a lesson by id in the lesson list and waits until the page shows it (its description and controls).</summary>
    protected async Task SelectLessonAsync(IPage page, string lessonId)
    {
        var lesson = await LessonAsync(lessonId);
        await page.Locator("#lesson").SelectOptionAsync(lessonId);
        await Assertions.Expect(page.Locator("#description")).ToHaveTextAsync(lesson.GetProperty("description").GetString()!);
        await Assertions.Expect(page.Locator("#mechanisms input[type=checkbox]")).ToHaveCountAsync(lesson.GetProperty("mechanisms").GetArrayLength());
    }

    /// <summary>The slider of a parameter, by its catalog key (<c>track2.alignment_scale</c>).</summary>
    protected static ILocator Slider(IPage page, string key) => page.Locator("#parameters " + SliderSelector(key));

    /// <summary>The box of a parameter: its label with the value shown, its slider and its one-line meaning; it has the class <c>changed</c> when moved.</summary>
    protected static ILocator ParameterBox(IPage page, string key) =>
        page.Locator("#parameters .parameter").Filter(new() { Has = page.Locator(SliderSelector(key)) });

    /// <summary>The switch of a mechanism, by its name (<c>incidents</c>).</summary>
    protected static ILocator Switch(IPage page, string name) => page.Locator("#mechanisms " + SwitchSelector(name));

    /// <summary>The label of a mechanism's switch, with its name and meaning; it has the class <c>changed</c> when switched.</summary>
    protected static ILocator SwitchLabel(IPage page, string name) =>
        page.Locator("#mechanisms label").Filter(new() { Has = page.Locator(SwitchSelector(name)) });

    /// <summary>
    /// Sets a parameter's slider to a value as dragging it would: the value changes and the input and
    /// change events fire. Returns the value the slider took, as a range input rounds to its step.
    /// </summary>
    protected static async Task<double> MoveSliderAsync(IPage page, string key, double value)
    {
        // Playwright's FillAsync refuses a value the slider rounds, so the events are dispatched here.
        var taken = await Slider(page, key).EvaluateAsync<string>(
            """
            (slider, value) => {
              slider.value = value;
              slider.dispatchEvent(new Event('input', { bubbles: true }));
              slider.dispatchEvent(new Event('change', { bubbles: true }));
              return slider.value;
            }
            """,
            value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return double.Parse(taken, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A chart by its title (<c>Tension</c>, <c>Official trust</c>, <c>Public trust</c>).</summary>
    protected static ILocator Chart(IPage page, string title) => page.Locator($"#charts svg[aria-label=\"{title}\"]");

    /// <summary>
    /// Clicks Run and waits for the run to finish: the server's answer has come and the status reads
    /// "VARIANT: N replicates in T s". Returns the answer as the page received it.
    /// </summary>
    protected static async Task<JsonElement> RunAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#run").ClickAsync(),
            r => r.Url.EndsWith("/api/run", StringComparison.Ordinal) && r.Request.Method == "POST");
        await WaitForRunAsync(page);
        Assert.That(response.Status, Is.EqualTo(200), "The run was refused.");
        return JsonDocument.Parse(await response.BodyAsync()).RootElement.Clone();
    }

    /// <summary>Waits until the page's status says a run finished ("... replicates in ... s") and Run can be clicked again.</summary>
    protected static async Task WaitForRunAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(RunFinished());
        await Assertions.Expect(page.Locator("#run")).ToBeEnabledAsync();
    }

    /// <summary>GET /api/lessons/{id} from the server.</summary>
    protected async Task<JsonElement> LessonAsync(string lessonId) =>
        await Api.GetFromJsonAsync<JsonElement>($"api/lessons/{Uri.EscapeDataString(lessonId)}");

    /// <summary>POST /api/run to the server with a body as the page would send it; fails the test on a refusal.</summary>
    protected async Task<JsonElement> PostRunAsync(object body)
    {
        using var response = await Api.PostAsJsonAsync("api/run", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST /api/run answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Lets the current test's pages log console errors that match a pattern, for a test that
    /// provokes one on purpose (a refused request logs "Failed to load resource: ... 400").
    /// </summary>
    protected void AllowConsoleError(Regex pattern)
    {
        lock (_gate)
        {
            _allowedConsoleErrors.Add(pattern);
        }
    }

    /// <summary>
    /// Asserts that every request of the current test's pages went to the server's own origin (its
    /// scheme, host and port; <c>ws:</c> for <c>http:</c>, and <c>blob:</c> and <c>data:</c> URLs of the
    /// page itself, which leave nothing), and that the pages logged no console error (other than those
    /// allowed with <see cref="AllowConsoleError"/>) and threw no uncaught error. Runs after every test.
    /// </summary>
    protected void AssertPageStayedOnServer()
    {
        string[] requests, consoleErrors, pageErrors;
        lock (_gate)
        {
            requests = [.. _requests];
            consoleErrors = [.. _consoleErrors.Where(e => !_allowedConsoleErrors.Exists(p => p.IsMatch(e)))];
            pageErrors = [.. _pageErrors];
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OutsideRequests(requests, Address), Is.Empty, "requests outside the server");
            Assert.That(consoleErrors, Is.Empty, "console errors");
            Assert.That(pageErrors, Is.Empty, "uncaught page errors");
        }
    }

    /// <summary>
    /// The URLs of a list that are not the server's origin (its scheme, host and port; <c>ws:</c> counts
    /// as <c>http:</c>) nor a page-local <c>data:</c> URL or <c>blob:</c> URL of the server's origin, which
    /// fetch nothing from anywhere.
    /// </summary>
    internal static IEnumerable<string> OutsideRequests(IEnumerable<string> urls, Uri server) =>
        urls.Where(url => !IsOwnOrigin(url, server));

    private static bool IsOwnOrigin(string url, Uri server)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal))
        {
            return true;
        }

        var inner = url.StartsWith("blob:", StringComparison.Ordinal) ? url["blob:".Length..] : url;
        if (!Uri.TryCreate(inner, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var scheme = uri.Scheme switch
        {
            "ws" => "http",
            "wss" => "https",
            _ => uri.Scheme,
        };
        return scheme == server.Scheme && uri.Host == server.Host && uri.Port == server.Port;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            // The page names its icon, so the browser asks for nothing the server lacks: every error counts.
            if (message.Type == "error")
            {
                Record(_consoleErrors, $"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record(_pageErrors, error);
        page.WebSocket += (_, socket) => Record(_requests, socket.Url);
    }

    private void Record(List<string> list, string entry)
    {
        lock (_gate)
        {
            list.Add(entry);
        }
    }

    // Selectors by attribute value, as ids such as "p-track2.alignment_scale" hold dots.
    private static string SliderSelector(string key) => $"input[type=range][id=\"p-{key}\"]";

    private static string SwitchSelector(string name) => $"input[type=checkbox][data-name=\"{name}\"]";

    [GeneratedRegex(@"^.+: \d+ replicates in \d+(\.\d+)? s$")]
    private static partial Regex RunFinished();
}

using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TrackSim.Lessons;
using TrackSim.Tests.Browser;
using TrackSim.Web;
using static Microsoft.Playwright.Assertions;

namespace TrackSim.Tests.Web;

/// <summary>
/// The static page as a teacher opens it: built by scripts/build-static-page.sh, served as plain files
/// by a minimal static host, in headless Chromium, with the model running in the browser.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StaticPageBrowserTests
{
    private const float Timeout = 120_000;

    private string _folder = null!;
    private WebApplication _host = null!;
    private string _address = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    /// <summary>Builds the static page (about a minute), serves its folder and starts the browser.</summary>
    [OneTimeSetUp]
    public async Task BuildServeAndStart()
    {
        string chromium = ChromiumLocator.Find() ?? throw new AssertionException(ChromiumLocator.InstallHint);
        _folder = Directory.CreateTempSubdirectory("tracksim-static-").FullName;
        Build(_folder);

        // Files only, as any static web host serves them: no API, no special headers.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _host = builder.Build();
        _host.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(_folder) });
        await _host.StartAsync();
        _address = _host.Urls.First() + "/";

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Timeout = 60_000 });
        SetDefaultExpectTimeout(Timeout);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void The_folder_holds_the_server_s_page_files_with_the_static_backend_in_place_of_the_server_s()
    {
        var page = Directory.GetFiles(RepositoryFiles.PathOf("src/TrackSim.Server/Page")).Select(f => Path.GetFileName(f));

        using (Assert.EnterMultipleScope())
        {
            foreach (string name in page.Where(n => n != "backend.js"))
            {
                Assert.That(File.ReadAllText(Path.Combine(_folder, name)), Is.EqualTo(RepositoryFiles.Read("src/TrackSim.Server/Page/" + name)), name);
            }

            Assert.That(File.ReadAllText(Path.Combine(_folder, "backend.js")), Is.EqualTo(RepositoryFiles.Read("src/TrackSim.Web/Page/backend.js")));
            Assert.That(Directory.GetFiles(Path.Combine(_folder, "_framework"), "dotnet.native.*.wasm"), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public Task The_page_runs_a_lesson_in_the_browser_with_the_server_s_numbers_and_asks_nothing_of_another_host() =>
        RunsALessonAsTheServerDoes(_address, url => url.StartsWith(_address, StringComparison.Ordinal));

    [Test]
    public Task The_page_opened_as_a_file_runs_a_lesson_with_the_server_s_numbers()
    {
        // From a USB stick or a downloaded folder: no server at all. The page loads the files of its
        // folder and makes blob: addresses of its own; nothing else.
        string folder = new Uri(Path.Combine(_folder, "index.html")).AbsoluteUri[..^"index.html".Length];
        return RunsALessonAsTheServerDoes(folder + "index.html", url => url.StartsWith(folder, StringComparison.Ordinal) || url.StartsWith("blob:null/", StringComparison.Ordinal));
    }

    private async Task RunsALessonAsTheServerDoes(string address, Func<string, bool> own)
    {
        await using var context = await _browser.NewContextAsync();
        var requests = new List<string>();
        context.Request += (_, request) => { lock (requests) { requests.Add(request.Url); } };
        var page = await context.NewPageAsync();
        await page.GotoAsync(address);

        await Expect(page.Locator("#lesson option")).ToHaveCountAsync(new StaticBackend().LessonCount);
        await Expect(page.Locator("#replicates")).ToHaveValueAsync(StaticBackend.BrowserReplicates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#static-note")).ToContainTextAsync("runs in this browser");

        await page.Locator("#replicates").FillAsync("2");
        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("2 replicates in");
        await Expect(page.Locator("#charts svg").First).ToBeVisibleAsync();

        // The JSON text the model in the browser sends for a request is the server's, byte for byte.
        const string run = "{\"lesson\":\"co-optation\",\"replicates\":2,\"mechanisms\":{\"spoilers\":false}}";
        string inBrowser = await page.EvaluateAsync<string>("body => window.trackSimBackend.request('/api/run', JSON.parse(body)).then(a => a.status + ' ' + a.text)", run);
        var expected = LessonRequests.Answer(new LessonService(new LessonCatalog(StaticLessons.Sources())), "/api/run", run, threads: 1, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inBrowser, Is.EqualTo($"200 {LessonRequests.Serialize(expected)}"));
            Assert.That(requests, Is.Not.Empty);
            Assert.That(requests.Where(url => !own(url)), Is.Empty);
        }
    }

    // Runs the build script as a teacher or CI would; its output goes to the test log.
    private static void Build(string folder)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("scripts/build-static-page.sh"), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        TestContext.Progress.WriteLine($"build-static-page.sh: {watch.Elapsed.TotalSeconds:F0} s");
        Assert.That(process.ExitCode, Is.Zero, () => $"build-static-page.sh failed:\n{output.Result}\n{errors}");
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrackSim.Experiments.Files;
using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Browser;

/// <summary>
/// The page <c>tracksim report</c> writes, in a real browser, opened as a file (as from a USB stick)
/// with every request that is not a file refused: it must draw its charts from what it holds, show
/// summary.csv's values on hover, hide and show variants from the legend, zoom to a period, and ask
/// nothing of the network. With <c>UPDATE_DOCS=1</c> its screenshot is written to <c>docs/images/report/</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ReportPageTests
{
    private const float Timeout = 30_000;
    private const string Scenario = "scenarios/teaching/realist-vs-functionalist.yaml";

    private readonly List<string> _requests = [];
    private readonly List<string> _refused = [];
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();
    private TempFolder _temp = null!;
    private string _folder = string.Empty;
    private JsonElement _data;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    [OneTimeSetUp]
    public async Task RunScenarioWriteReportAndStartBrowser()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            Assert.Fail(ChromiumLocator.InstallHint);
        }

        _temp = new TempFolder();
        _folder = _temp.File("results");
        var run = CliRun.Of("run", RepositoryFiles.PathOf(Scenario), "--out", _folder, "--replicates", "4", "-q");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var report = CliRun.Of("report", _folder, "-q");
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Error);
        string html = await File.ReadAllTextAsync(ReportPath);
        using (var document = JsonDocument.Parse(DataElement().Match(html).Groups[1].Value))
        {
            _data = document.RootElement.Clone();
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Timeout = 60_000 });
        Assertions.SetDefaultExpectTimeout(Timeout);
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _temp?.Dispose();
    }

    /// <summary>A fresh context whose every request is recorded, and refused unless it is a file.</summary>
    [SetUp]
    public async Task OpenOfflineContext()
    {
        lock (_gate)
        {
            _requests.Clear();
            _refused.Clear();
            _errors.Clear();
        }

        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, DeviceScaleFactor = 1 });
        _context.SetDefaultTimeout(Timeout);
        _context.Request += (_, request) => Record(_requests, request.Url);
        await _context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                Record(_refused, route.Request.Url);
                await route.AbortAsync();
            }
        });
    }

    /// <summary>Closes the context, then fails the test if its page asked for anything but the file or logged an error.</summary>
    [TearDown]
    public async Task CloseContext()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        lock (_gate)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(_refused, Is.Empty, "requests to the network");
                Assert.That(_requests, Is.All.StartWith("file://"), "requests other than files");
                Assert.That(_errors, Is.Empty, "console errors and uncaught page errors (a blocked inline script or style is one)");
            }
        }
    }

    private string ReportPath => Path.Combine(_folder, "report.html");

    [Test]
    public async Task The_page_opens_from_a_file_without_the_network_and_draws_every_chart()
    {
        var page = await OpenReportAsync();

        int charts = _data.GetProperty("charts").GetArrayLength();
        using (Assert.EnterMultipleScope())
        {
            // Tension, official trust and public trust, each alone and by variant (base and realist-lens).
            Assert.That(charts, Is.EqualTo(6));
            await Assertions.Expect(page.Locator("#chart-list figure.chart")).ToHaveCountAsync(charts);
            await Assertions.Expect(page.Locator("#chart-compare-tension path.line")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#chart-compare-tension path.band")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#events-table tbody tr")).ToHaveCountAsync(_data.GetProperty("events").GetArrayLength());
            Assert.That(_requests, Has.Count.EqualTo(1), "the page itself and nothing more");
        }
    }

    [Test]
    public async Task Hovering_shows_the_date_and_the_values_of_summary_csv()
    {
        var page = await OpenReportAsync();
        var panel = page.Locator("#chart-compare-tension svg.panel").First;
        var box = (await panel.BoundingBoxAsync())!;

        // Somewhere in the middle of the plot area.
        await panel.HoverAsync(new() { Position = new() { X = box.Width * 0.55f, Y = box.Height / 2 } });

        var tooltip = page.Locator("#chart-compare-tension .tooltip");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        // The date, then the panel's header after a middle dot when the chart has panels.
        string date = (await tooltip.Locator(".date").InnerTextAsync()).Split(" · ")[0];
        Assert.That(date, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        var values = await tooltip.Locator(".value").AllInnerTextsAsync();
        Assert.That(values, Has.Count.EqualTo(2), "base and realist-lens");
        foreach (string text in values)
        {
            var match = ValueText().Match(text);
            Assert.That(match.Success, Is.True, text);
            var row = SummaryRow(VariantOf("compare-tension", match.Groups["label"].Value), "tension", "NA-SO", date);
            using (Assert.EnterMultipleScope())
            {
                // The page shows four significant digits: within half a unit of the fourth of the file's value.
                Assert.That(Parse(match.Groups["value"].Value), Is.EqualTo(row["p50"]).Within(HalfUnit(row["p50"])), $"{text}: median");
                Assert.That(Parse(match.Groups["low"].Value), Is.EqualTo(row["p05"]).Within(HalfUnit(row["p05"])), $"{text}: 5th percentile");
                Assert.That(Parse(match.Groups["high"].Value), Is.EqualTo(row["p95"]).Within(HalfUnit(row["p95"])), $"{text}: 95th percentile");
            }
        }

        // Every panel of the chart shows the cursor at that date.
        await Assertions.Expect(page.Locator("#chart-compare-tension line.cursor[visibility=visible]")).ToHaveCountAsync(1);
        await page.Mouse.MoveAsync(0, 0);
        await Assertions.Expect(tooltip).ToBeHiddenAsync();
    }

    [Test]
    public async Task The_arrow_keys_step_through_the_dates_of_a_focused_chart()
    {
        var page = await OpenReportAsync();
        var panel = page.Locator("#chart-tension svg.panel").First;
        var tooltip = page.Locator("#chart-tension .tooltip .date");
        string first = Calendar()[0], second = Calendar()[1];

        await panel.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(tooltip).ToHaveTextAsync(first);
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(tooltip).ToHaveTextAsync(second);
    }

    [Test]
    public async Task Clicking_a_variant_in_the_legend_hides_and_shows_it()
    {
        var page = await OpenReportAsync();
        var chart = page.Locator("#chart-compare-tension");
        var toggle = chart.Locator(".legend button", new() { HasText = "realist" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        await toggle.ClickAsync();

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(chart.Locator("path.line[data-label*='realist']")).ToHaveCountAsync(0);
        await Assertions.Expect(chart.Locator("path.line[data-label^='base']")).ToHaveCountAsync(1);
        await Assertions.Expect(chart.Locator("path.band")).ToHaveCountAsync(1);

        // From the keyboard too: the toggle is a button that takes the focus.
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(chart.Locator("path.line[data-label*='realist']")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Dragging_zooms_to_a_period_and_a_double_click_shows_it_all()
    {
        var page = await OpenReportAsync();
        var chart = page.Locator("#chart-tension");
        var from = chart.Locator("input[type=date]").First;
        var to = chart.Locator("input[type=date]").Last;
        string start = Calendar()[0], end = Calendar()[^1];
        await Assertions.Expect(from).ToHaveValueAsync(start);
        await Assertions.Expect(to).ToHaveValueAsync(end);
        var panel = chart.Locator("svg.panel").First;
        await panel.ScrollIntoViewIfNeededAsync();
        var box = (await panel.BoundingBoxAsync())!;

        // From about a third to about half of the way across the plot.
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.35f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.45f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();

        string zoomedFrom = await from.InputValueAsync(), zoomedTo = await to.InputValueAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.CompareOrdinal(zoomedFrom, start), Is.GreaterThan(0), "the period starts later");
            Assert.That(string.CompareOrdinal(zoomedTo, end), Is.LessThan(0), "and ends earlier");
            Assert.That(string.CompareOrdinal(zoomedFrom, zoomedTo), Is.LessThan(0));
        }

        // The axis now spans a few years: ticks are years inside the period (or months).
        var ticks = await chart.Locator(".axis text[text-anchor=middle]").AllTextContentsAsync();
        Assert.That(ticks, Is.Not.Empty);
        Assert.That(ticks.Select(t => t[..4]), Is.All.InRange(zoomedFrom[..4], zoomedTo[..4]));

        await panel.DblClickAsync(new() { Position = new() { X = box.Width / 2, Y = box.Height / 2 } });
        await Assertions.Expect(from).ToHaveValueAsync(start);
        await Assertions.Expect(to).ToHaveValueAsync(end);

        // The dates can be typed too.
        await from.FillAsync("2005-01-01");
        await Assertions.Expect(chart.Locator(".axis text[text-anchor=middle]").First).Not.ToHaveTextAsync(start[..4]);
    }

    [Test]
    public async Task Events_are_marked_with_their_labels_and_the_tables_sort_and_filter()
    {
        var page = await OpenReportAsync();
        var labels = _data.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToList();
        var titles = await page.Locator("#chart-tension .event-mark title, #chart-tension rect.span title").AllTextContentsAsync();
        Assert.That(titles, Has.Count.EqualTo(labels.Count));
        foreach (string label in labels)
        {
            Assert.That(titles, Has.Some.StartsWith(label + " ("));
        }

        var severity = page.Locator("#events-table thead th", new() { HasText = "Severity" }).Locator("button");
        await severity.ClickAsync();
        await severity.ClickAsync();
        await Assertions.Expect(page.Locator("#events-table thead th", new() { HasText = "Severity" })).ToHaveAttributeAsync("aria-sort", "descending");
        var severities = (await page.Locator("#events-table tbody tr td:nth-child(6)").AllInnerTextsAsync()).Select(Parse).ToList();
        Assert.That(severities, Is.Ordered.Descending);

        await page.Locator("input[data-filter=events-table]").FillAsync(labels[0]);
        await Assertions.Expect(page.Locator("#events-table tbody tr:visible")).ToHaveCountAsync(labels.Count(l => l.Contains(labels[0], StringComparison.OrdinalIgnoreCase)));
    }

    [Test]
    public async Task The_report_is_captured_for_the_documentation()
    {
        string folder = RepositoryFiles.Updating ? RepositoryFiles.PathOf("docs/images/report") : _temp.File("screenshots");
        Directory.CreateDirectory(folder);
        var page = await OpenReportAsync();
        var chart = page.Locator("#chart-compare-tension");
        await chart.ScrollIntoViewIfNeededAsync();
        var panel = chart.Locator("svg.panel").First;
        var box = (await panel.BoundingBoxAsync())!;
        await panel.HoverAsync(new() { Position = new() { X = box.Width * 0.62f, Y = box.Height / 2 } });
        await Assertions.Expect(chart.Locator(".tooltip")).ToBeVisibleAsync();
        string path = Path.Combine(folder, "report-chart.png");

        await chart.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Png });

        byte[] bytes = await File.ReadAllBytesAsync(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), Is.GreaterThan(600), "as wide as the chart");
            // A blank area of this size compresses to a few kilobytes; lines, bands and text take more.
            Assert.That(bytes, Has.Length.GreaterThan(20_000));
        }
    }

    private async Task<IPage> OpenReportAsync()
    {
        var page = await _context!.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record(_errors, message.Text);
            }
        };
        page.PageError += (_, error) => Record(_errors, error);
        var response = await page.GotoAsync(new Uri(ReportPath).AbsoluteUri);
        Assert.That(response?.Ok ?? true, Is.True, "the file opened");
        await Assertions.Expect(page.Locator("#chart-list figure.chart").First).ToBeVisibleAsync();
        return page;
    }

    private string[] Calendar() => [.. _data.GetProperty("calendars")[0].EnumerateArray().Select(d => d.GetString()!)];

    /// <summary>The variant of the line labelled <paramref name="label"/> in chart <paramref name="chart"/> (labels are descriptions).</summary>
    private string VariantOf(string chart, string label)
    {
        var definition = _data.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == chart);
        var line = definition.GetProperty("panels").EnumerateArray().SelectMany(p => p.GetProperty("lines").EnumerateArray())
            .First(l => l.GetProperty("label").GetString() == label);
        return _data.GetProperty("series")[line.GetProperty("series").GetInt32()].GetProperty("variant").GetString()!;
    }

    private Dictionary<string, double> SummaryRow(string variant, string metric, string subject, string date)
    {
        using var reader = new StreamReader(Path.Combine(_folder, "summary.csv"));
        var records = CsvText.Records(reader).ToList();
        var header = records[0];
        var row = records.Single(r => r[0] == variant && r[2] == date && r[3] == metric && r[4] == subject);
        return header.Zip(row).Skip(5).ToDictionary(p => p.First, p => CsvText.ParseNumber(p.Second));
    }

    // Half a unit in the fourth significant digit: how far a value shown to four digits may be from the file's.
    private static double HalfUnit(double value) =>
        value == 0 ? 0 : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 3) * 1.0000001;

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private void Record(List<string> list, string entry)
    {
        lock (_gate)
        {
            list.Add(entry);
        }
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();

    [GeneratedRegex(@"^(?<label>[^:]+): (?<value>-?[\d.e+-]+) \(5–95%: (?<low>-?[\d.e+-]+) to (?<high>-?[\d.e+-]+)\)$")]
    private static partial Regex ValueText();
}

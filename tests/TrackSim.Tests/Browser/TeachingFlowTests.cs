using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrackSim.Tests.Browser;

/// <summary>
/// Predict, run, explain; an exercise applied in one click; Step; a kept run compared with the next;
/// an uploaded scenario with its problems next to its lines; the exports: in headless Chromium.
/// </summary>
[TestFixture]
public sealed class TeachingFlowTests : PageTestBase
{
    private const string CoOptation = "co-optation";

    [Test]
    public async Task A_locked_prediction_is_drawn_and_after_the_run_set_against_the_runs_with_the_guides_questions()
    {
        var page = await OpenPageAsync();
        await page.Locator("#predict-series").SelectOptionAsync(new SelectOptionValue { Label = "Tension (NA-SO)" });
        await page.Locator("#predict-year").SelectOptionAsync("2010");
        await page.Locator("#predict-value").FillAsync("0.3");
        await page.Locator("#predict-lock").ClickAsync();
        await Expect(page.Locator("#prediction-text")).ToHaveTextAsync("Your prediction: Tension (NA-SO) in 2010: 0.30");
        await Expect(page.Locator("#explain")).ToBeHiddenAsync();

        var run = await RunAsync(page);

        // The page's verdict is the median and 5-95% band of the answer at the last date of 2010.
        var dates = run.GetProperty("dates").EnumerateArray().Select(d => d.GetString()!).ToList();
        int t = dates.FindLastIndex(d => d.StartsWith("2010", StringComparison.Ordinal));
        var tension = run.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == "tension");
        double median = tension.GetProperty("median")[t].GetDouble(), p05 = tension.GetProperty("p05")[t].GetDouble(), p95 = tension.GetProperty("p95")[t].GetDouble();
        bool inside = p05 <= 0.3 && 0.3 <= p95;
        var verdict = page.Locator("#verdict");
        await Expect(verdict).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"The median of the runs at {dates[t][..7]} is {median:0.00}"));
        await Expect(verdict).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"between {p05:0.00} and {p95:0.00}, so your prediction is {(inside ? "inside" : "outside")} that range"));
        await Expect(verdict).ToHaveClassAsync(inside ? "hit" : "miss");
        await Expect(Chart(page, "Tension").Locator(".prediction circle")).ToHaveCountAsync(1);

        // The teaching guide's discussion questions for the lesson, as docs/TEACHING.md has them.
        var lesson = await LessonAsync(CoOptation);
        var questions = lesson.GetProperty("guide").GetProperty("discussion").EnumerateArray().Select(q => q.GetString()!).ToArray();
        Assert.That(questions, Has.Length.GreaterThanOrEqualTo(2));
        await Expect(page.Locator("#discussion li")).ToHaveTextAsync(questions);
        await Expect(page.Locator("#guide-answers")).ToContainTextAsync(lesson.GetProperty("guide").GetProperty("exercises")[0].GetProperty("answer").GetString()!);
    }

    [Test]
    public async Task The_guides_exercise_puts_its_values_on_screen_and_runs_them()
    {
        var page = await OpenPageAsync();
        await page.Locator("#exercise-0").ClickAsync();

        // co-optation's exercise: --set parameters.track2.anchor_strength=0.05 (docs/TEACHING.md).
        var anchor = Slider(page, "track2.anchor_strength");
        await Expect(anchor).ToHaveValueAsync("0.05");
        await Expect(ParameterBox(page, "track2.anchor_strength")).ToHaveClassAsync(new Regex(@"\bchanged\b"));
        var shown = await RunAsync(page);
        var direct = await PostRunAsync(new { lesson = CoOptation, variant = "base", replicates = 10, set = new Dictionary<string, object> { ["parameters.track2.anchor_strength"] = 0.05 } });

        Assert.That(shown.GetProperty("series").GetRawText(), Is.EqualTo(direct.GetProperty("series").GetRawText()));
    }

    [Test]
    public async Task Step_shows_the_run_a_year_at_a_time_and_hides_the_explanation_until_the_end()
    {
        var page = await OpenPageAsync();
        await page.Locator("#step").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("shown up to 2000-12: Step for the next year");
        await Expect(Chart(page, "Tension").Locator("polyline[data-run=current]")).ToHaveAttributeAsync("points", new Regex(@"^(\S+ ){11}\S+$"));
        await page.Locator("#step").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("shown up to 2001-12: Step for the next year");
        await Expect(Chart(page, "Tension").Locator("polyline[data-run=current]")).ToHaveAttributeAsync("points", new Regex(@"^(\S+ ){23}\S+$"));
        await Expect(page.Locator("#explain")).ToBeHiddenAsync();

        // Every entry of the timeline so far is dated on or before the last month shown.
        var months = await page.Locator("#log li time").AllTextContentsAsync();
        Assert.That(months, Has.All.LessThanOrEqualTo("2001-12"));
        for (int press = 0; press < 25 && await page.Locator("#explain").IsHiddenAsync(); press++)
        {
            await page.Locator("#step").ClickAsync();
        }

        await Expect(page.Locator("#status")).ToHaveTextAsync("the whole run is shown");
        await Expect(page.Locator("#explain")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_kept_run_stays_on_the_charts_dashed_next_to_the_run_after_a_change()
    {
        var page = await OpenPageAsync();
        await RunAsync(page);
        var first = await Chart(page, "Track II agreement").Locator("polyline[data-run=current]").GetAttributeAsync("points");
        await page.Locator("#keep").ClickAsync();
        await page.Locator("#variant").SelectOptionAsync("independent");

        await RunAsync(page);

        var agreement = Chart(page, "Track II agreement");
        await Expect(agreement.Locator("polyline[data-run=kept]")).ToHaveAttributeAsync("points", first!);
        await Expect(agreement.Locator("polyline[data-run=kept]")).ToHaveAttributeAsync("stroke-dasharray", "7 5");
        await Expect(page.Locator("#legend p")).ToHaveTextAsync([new Regex("^- - - kept run: base; as written"), new Regex("^——— this run: independent; as written")]);
        Assert.That(await agreement.Locator("polyline[data-run=current]").GetAttributeAsync("points"), Is.Not.EqualTo(first), "independent participants agree on the border; the base does not");
        await page.Locator("#unkeep").ClickAsync();
        await Expect(page.Locator("polyline[data-run=kept]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task An_uploaded_scenario_with_mistakes_shows_each_problem_under_its_line()
    {
        var page = await OpenPageAsync();
        string text = File.ReadAllText(RepositoryFiles.PathOf("scenarios/teaching/unbroken-engagement.yaml"))
            .Replace("severity: 0.85", "severty: 0.85", StringComparison.Ordinal)
            .Replace("replicates: 10", "replicates: ten", StringComparison.Ordinal);
        using var check = await Api.PostAsJsonAsync("api/validate", new { yaml = text });
        var errors = JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.That(errors, Has.Count.EqualTo(2), "the two mistakes, each found");

        await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "mine.yaml", MimeType = "text/yaml", Buffer = Encoding.UTF8.GetBytes(text) });

        await Expect(page.Locator("#upload-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("mine.yaml has 2 problems: see below the upload");
        var lines = text.Split('\n');
        foreach (var error in errors)
        {
            int line = error.GetProperty("line").GetInt32();
            var row = page.Locator("#upload-errors .line.bad", new() { Has = page.Locator(".number", new() { HasTextRegex = new Regex($"^{line}$") }) });
            await Expect(row.Locator("code")).ToHaveTextAsync(lines[line - 1].TrimEnd('\r'));
            await Expect(page.Locator($"#upload-errors .problem[data-line=\"{line}\"]")).ToContainTextAsync(
                $"line {line}, column {error.GetProperty("column").GetInt32()} ({error.GetProperty("path").GetString()}): {error.GetProperty("message").GetString()}");
        }

        // The lesson on screen is untouched: a bad file replaces nothing.
        await Expect(page.Locator("#lesson")).ToHaveValueAsync(CoOptation);
        AllowConsoleError(new Regex("status of 400"));
    }

    [Test]
    public async Task A_valid_uploaded_scenario_runs_like_the_lesson_it_copies()
    {
        var page = await OpenPageAsync();
        string text = File.ReadAllText(RepositoryFiles.PathOf("scenarios/teaching/co-optation.yaml"));

        await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "copy.yaml", MimeType = "text/yaml", Buffer = Encoding.UTF8.GetBytes(text) });
        await Expect(page.Locator("#status")).ToHaveTextAsync("copy.yaml is valid and ready to run");
        await Expect(page.Locator("#lesson option:checked")).ToHaveTextAsync(new Regex("^Uploaded: Co-optation"));
        var shown = await RunAsync(page);
        var lesson = await PostRunAsync(new { lesson = CoOptation, variant = "base", replicates = 10 });

        Assert.That(shown.GetProperty("series").GetRawText(), Is.EqualTo(lesson.GetProperty("series").GetRawText()));
    }

    [Test]
    public async Task A_chart_exports_as_SVG_and_PNG_and_the_runs_as_CSV_with_their_settings()
    {
        var page = await OpenPageAsync();
        var run = await RunAsync(page);
        var tension = page.Locator(".chart[data-metric=tension]");

        var svg = await DownloadAsync(page, () => tension.Locator("button", new() { HasText = "SVG" }).ClickAsync());
        var png = await DownloadAsync(page, () => tension.Locator("button", new() { HasText = "PNG" }).ClickAsync());
        var csv = await DownloadAsync(page, () => page.Locator("#export-csv").ClickAsync());

        var drawing = XDocument.Parse(Encoding.UTF8.GetString(svg.Bytes));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rows = Encoding.UTF8.GetString(csv.Bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        int points = run.GetProperty("dates").GetArrayLength() * run.GetProperty("series").GetArrayLength();
        var firstTension = rows.First(r => r.Contains(",tension,", StringComparison.Ordinal)).Split(',');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(svg.Name, Is.EqualTo("co-optation-base-tension.svg"));
            Assert.That(drawing.Root!.Name, Is.EqualTo(ns + "svg"));
            Assert.That(drawing.Descendants(ns + "polyline").Count(), Is.EqualTo(1), "one median line: one pair");
            Assert.That(drawing.Descendants(ns + "text").Select(e => e.Value), Does.Contain("Tension (0-1)"));
            Assert.That(png.Name, Is.EqualTo("co-optation-base-tension.png"));
            Assert.That(png.Bytes.AsSpan(1, 3).ToArray(), Is.EqualTo("PNG"u8.ToArray()));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.Bytes.AsSpan(16, 4)), Is.EqualTo(1800), "twice the chart's 900 units");
            Assert.That(csv.Name, Is.EqualTo("co-optation-base-runs.csv"));
            Assert.That(rows[0], Is.EqualTo("run,lesson,variant,replicates,settings,metric,subject,date,median,p05,p95"));
            Assert.That(rows, Has.Length.EqualTo(points + 1));
            Assert.That(firstTension[..8], Is.EqualTo((string[])["current", CoOptation, "base", "10", string.Empty, "tension", "NA-SO", "2000-01-01"]));
            Assert.That(double.Parse(firstTension[8], CultureInfo.InvariantCulture), Is.EqualTo(run.GetProperty("series")[0].GetProperty("median")[0].GetDouble()));
        }
    }

    [Test]
    public async Task The_exported_scenario_file_reruns_on_the_command_line_to_the_numbers_on_the_page()
    {
        var page = await OpenPageAsync();
        await page.Locator("#variant").SelectOptionAsync("half-aligned");
        await page.Locator("#replicates").FillAsync("4");
        await MoveSliderAsync(page, "track2.alignment_scale", 0.8);
        await Switch(page, "incidents").UncheckAsync();
        var shown = await RunAsync(page);

        var (name, bytes) = await DownloadAsync(page, () => page.Locator("#export-scenario").ClickAsync());
        await Expect(page.Locator("#status")).ToHaveTextAsync($"saved {name}; redo the run with: tracksim run {name} --variant half-aligned");

        string folder = Path.Combine(Path.GetTempPath(), "tracksim-page-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(file, bytes);
            var summary = TrackSim.Tests.Server.RunAnswers.SummaryOfRun([file, "--variant", "half-aligned"], Path.Combine(folder, "out"), 4);

            Assert.That(name, Is.EqualTo("co-optation-classroom.yaml"));
            Assert.That(summary.Replicates, Is.EqualTo(4));
            TrackSim.Tests.Server.RunAnswers.AssertSeriesEqual(shown, summary, "half-aligned");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, Func<Task> action)
    {
        var download = await page.RunAndWaitForDownloadAsync(action);
        string path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}

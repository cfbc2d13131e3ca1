using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrackSim.Tests.Browser;

/// <summary>The classroom page as a student uses it, in headless Chromium against the in-process server.</summary>
[TestFixture]
public sealed class ClassroomPageTests : PageTestBase
{
    private const string CoOptation = "co-optation";
    private const string Alignment = "track2.alignment_scale";

    [Test]
    public async Task The_lesson_list_holds_the_teaching_lessons_and_India_Pakistan()
    {
        var page = await OpenPageAsync();
        var teaching = Directory.GetFiles(RepositoryFiles.PathOf("scenarios/teaching"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        var options = page.Locator("#lesson option");
        await Expect(options).ToHaveCountAsync(teaching.Count() + 1);
        var ids = await options.EvaluateAllAsync<string[]>("options => options.map(o => o.value)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.EqualTo(teaching.Append("india-pakistan-1984-2021").ToArray()));
            Assert.That(await options.First.TextContentAsync(), Is.EqualTo("Co-optation - agreement on trade, not on the border"));
        }
    }

    [Test]
    public async Task Choosing_a_lesson_shows_its_description_sliders_and_switches()
    {
        var page = await OpenPageAsync();
        await SelectLessonAsync(page, "youth-and-language");
        var lesson = await LessonAsync("youth-and-language");
        var rate = lesson.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "turnover.rate");

        var slider = Slider(page, "turnover.rate");
        await Expect(slider).ToBeVisibleAsync();
        await Expect(page.Locator("#parameters input[type=range]")).ToHaveCountAsync(lesson.GetProperty("parameters").GetArrayLength());
        await Expect(slider).ToHaveAttributeAsync("min", Number(rate.GetProperty("min").GetDouble()));
        await Expect(slider).ToHaveAttributeAsync("max", Number(rate.GetProperty("max").GetDouble()));
        await Expect(slider).ToHaveValueAsync(Number(rate.GetProperty("value").GetDouble()));
        // The one-line meaning from the parameter catalog is shown under the slider.
        await Expect(ParameterBox(page, "turnover.rate")).ToContainTextAsync(rate.GetProperty("description").GetString()!);
        await Expect(Switch(page, "turnover")).ToBeCheckedAsync();
        await Expect(page.Locator("#variant option")).ToHaveCountAsync(lesson.GetProperty("variants").GetArrayLength());
    }

    [Test]
    public async Task Moving_a_slider_marks_it_changed_and_shows_its_value()
    {
        var page = await OpenPageAsync();
        var parameter = ParameterBox(page, Alignment);
        await Expect(parameter).Not.ToHaveClassAsync(Changed());

        var value = await MoveSliderAsync(page, Alignment, 0.5);

        Assert.That(value, Is.EqualTo(0.5));
        await Expect(parameter).ToHaveClassAsync(Changed());
        await Expect(parameter.Locator("label span")).ToHaveTextAsync("0.5");
    }

    [Test]
    public async Task Run_draws_three_charts_of_the_numbers_the_server_gives_for_the_same_settings()
    {
        var page = await OpenPageAsync();

        var shown = await RunAsync(page);

        await Expect(page.Locator("#charts svg")).ToHaveCountAsync(5);
        var titles = await page.Locator("#charts svg").EvaluateAllAsync<string[]>("charts => charts.map(c => c.getAttribute('aria-label'))");
        Assert.That(titles, Is.EqualTo((string[])["Tension", "Official trust", "Public trust", "Track II trust", "Track II agreement"]));
        var direct = await PostRunAsync(new { lesson = CoOptation, variant = "base", replicates = 10 });

        // The timeline: the first replicate's events by month, routine meeting entries left out.
        string[] timeline = [.. Timeline(direct, routine: false)];
        Assert.That(timeline, Is.Not.Empty, "the co-optation lesson's first replicate adopts recommendations");
        await Expect(page.Locator("#log li")).ToHaveTextAsync(timeline);
        await page.Locator("#show-routine").CheckAsync();
        await Expect(page.Locator("#log li")).ToHaveTextAsync(Timeline(direct, routine: true).ToArray());
        var tension = Median(direct, "tension");
        var points = await MedianPoints(page, "Tension");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.GetProperty("series").GetRawText(), Is.EqualTo(direct.GetProperty("series").GetRawText()));
            Assert.That(points, Has.Length.EqualTo(direct.GetProperty("dates").GetArrayLength()));
            AssertDrawnFrom(points, tension);
        }
    }

    [Test]
    public async Task Moving_a_parameter_that_matters_moves_the_drawn_median_to_the_servers_numbers()
    {
        var page = await OpenPageAsync();
        await RunAsync(page);
        var before = await Chart(page, "Tension").Locator("polyline").First.GetAttributeAsync("points");

        var value = await MoveSliderAsync(page, Alignment, 0.3);
        var shown = await RunAsync(page);
        var after = await Chart(page, "Tension").Locator("polyline").First.GetAttributeAsync("points");
        var direct = await PostRunAsync(new
        {
            lesson = CoOptation,
            variant = "base",
            replicates = 10,
            set = new Dictionary<string, object> { ["parameters." + Alignment] = value },
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(0.3));
            Assert.That(after, Is.Not.EqualTo(before));
            Assert.That(shown.GetProperty("series").GetRawText(), Is.EqualTo(direct.GetProperty("series").GetRawText()));
            AssertDrawnFrom(await MedianPoints(page, "Tension"), Median(direct, "tension"));
        }
    }

    [Test]
    public async Task Reset_puts_the_sliders_and_switches_back()
    {
        var page = await OpenPageAsync();
        var initial = await Slider(page, Alignment).InputValueAsync();
        await MoveSliderAsync(page, Alignment, 1.5);
        await Switch(page, "incidents").UncheckAsync();
        await Expect(SwitchLabel(page, "incidents")).ToHaveClassAsync(Changed());

        await page.Locator("#reset").ClickAsync();

        await Expect(Slider(page, Alignment)).ToHaveValueAsync(initial);
        await Expect(Switch(page, "incidents")).ToBeCheckedAsync();
        await Expect(page.Locator("#controls .changed")).ToHaveCountAsync(0);
        await Expect(page.Locator("#status")).ToHaveTextAsync("settings reset");
    }

    [Test]
    public async Task A_mechanism_switched_off_changes_the_result_as_the_server_runs_it()
    {
        var page = await OpenPageAsync();
        var on = await RunAsync(page);
        var before = await Chart(page, "Tension").Locator("polyline").First.GetAttributeAsync("points");

        await Switch(page, "incidents").UncheckAsync();
        var off = await RunAsync(page);
        var after = await Chart(page, "Tension").Locator("polyline").First.GetAttributeAsync("points");
        var direct = await PostRunAsync(new
        {
            lesson = CoOptation,
            variant = "base",
            replicates = 10,
            mechanisms = new Dictionary<string, bool> { ["incidents"] = false },
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.Not.EqualTo(before));
            Assert.That(off.GetProperty("series").GetRawText(), Is.Not.EqualTo(on.GetProperty("series").GetRawText()));
            Assert.That(off.GetProperty("series").GetRawText(), Is.EqualTo(direct.GetProperty("series").GetRawText()));
        }
    }

    [Test]
    public async Task A_variant_chosen_in_the_page_runs_as_the_server_runs_that_variant()
    {
        var page = await OpenPageAsync();
        var @base = await RunAsync(page);

        await page.Locator("#variant").SelectOptionAsync("independent");
        var independent = await RunAsync(page);
        var direct = await PostRunAsync(new { lesson = CoOptation, variant = "independent", replicates = 10 });

        using (Assert.EnterMultipleScope())
        {
            await Expect(page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^independent: 10 replicates in "));
            Assert.That(independent.GetProperty("series").GetRawText(), Is.Not.EqualTo(@base.GetProperty("series").GetRawText()));
            Assert.That(independent.GetProperty("series").GetRawText(), Is.EqualTo(direct.GetProperty("series").GetRawText()));
        }
    }

    [Test]
    public async Task A_run_the_server_refuses_shows_its_message_in_the_status_and_draws_nothing()
    {
        var page = await OpenPageAsync();
        // The browser logs the refusal's status code as a console error; that one is expected here.
        AllowConsoleError(new System.Text.RegularExpressions.Regex("status of 400"));
        await page.Locator("#replicates").FillAsync("99");

        await page.Locator("#run").ClickAsync();

        var status = page.Locator("#status");
        await Expect(status).ToHaveTextAsync("replicates: 99 is out of range; use 1 to 50");
        await Expect(status).ToHaveClassAsync("error");
        await Expect(page.Locator("#run")).ToBeEnabledAsync();
        await Expect(page.Locator("#charts svg")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Hovering_an_event_marker_highlights_it_and_its_title_is_the_events_date_and_label()
    {
        var page = await OpenPageAsync();
        await SelectLessonAsync(page, "india-pakistan-1984-2021");
        await page.Locator("#replicates").FillAsync("2");
        var result = await RunAsync(page);
        var expected = result.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "scenario")
            .Select(e => $"{e.GetProperty("date").GetString()![..7]}: {e.GetProperty("label").GetString()}")
            .ToArray();
        var tension = Chart(page, "Tension");
        var kargil = tension.Locator(".marker-hit", new() { Has = page.Locator("title", new() { HasText = "Kargil" }) });

        // A marker is a vertical line with a wide transparent stroke that takes the hover; its box
        // has no width, so the mouse goes to its x and half way down rather than through HoverAsync.
        var box = await kargil.BoundingBoxAsync();
        Assert.That(box, Is.Not.Null, "the Kargil marker is drawn");
        await page.Mouse.MoveAsync(box!.X + (box.Width / 2), box.Y + (box.Height / 2));

        Assert.That(expected, Is.Not.Empty, "the India-Pakistan scenario has dated events");
        await Expect(tension.Locator(".marker-hit title")).ToHaveTextAsync(expected);
        await Expect(kargil.Locator("title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1999-0[5-7]: .*Kargil"));
        // The page marks the hovered event in the error colour, the hit area and the dashed line alike.
        await Expect(kargil).ToHaveCSSAsync("stroke", "rgb(164, 22, 26)");
        await Expect(tension.Locator(".marker-hit").First).Not.ToHaveCSSAsync("stroke", "rgb(164, 22, 26)");
    }

    [Test]
    public async Task The_page_loads_only_from_the_server_and_logs_no_errors_through_a_run()
    {
        var page = await OpenPageAsync();
        await SelectLessonAsync(page, "nine-tracks");
        await RunAsync(page);

        var requests = Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests, Has.Some.EqualTo(Address.ToString()));
            Assert.That(requests, Has.Some.EndsWith("/app.js"));
            Assert.That(requests, Has.Some.EndsWith("/app.css"));
            Assert.That(requests, Has.Some.EndsWith("/api/run"));
        }

        // The teardown checks the origin of every request and the console; check it here too so the
        // test names what it is about.
        AssertPageStayedOnServer();
    }

    [Test]
    public async Task A_script_asking_another_address_is_refused_by_the_page_and_seen_by_the_fixture()
    {
        var page = await OpenPageAsync();
        AllowConsoleError(new System.Text.RegularExpressions.Regex("Content Security Policy"));

        // As a vendored script that phoned home would: the page's policy refuses it before it leaves.
        var fetched = await page.EvaluateAsync<bool>("() => fetch('http://192.0.2.1/tracker.js').then(() => true, () => false)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fetched, Is.False);
            Assert.That(Requests, Has.None.Contains("192.0.2.1"));
            Assert.That(ConsoleErrors, Has.Some.Contains("Content Security Policy").And.Contains("192.0.2.1"));
        }
    }

    // The lines the page's timeline shows for a run answer: "2005-04: label (rule ID); label (scenario event)".
    private static IEnumerable<string> Timeline(JsonElement run, bool routine) =>
        run.GetProperty("events").EnumerateArray()
            .Where(e => routine || e.GetProperty("kind").GetString() == "scenario" || !System.Text.RegularExpressions.Regex.IsMatch(e.GetProperty("label").GetString()!, " meeting (held|not held)"))
            .GroupBy(e => e.GetProperty("date").GetString()![..7])
            .Select(month => $"{month.Key}: " + string.Join("; ", month.Select(e => e.GetProperty("label").GetString() + (e.GetProperty("kind").GetString() == "scenario" ? " (scenario event)" : $" (rule {e.GetProperty("rule").GetString()})"))));

    /// <summary>The y coordinates of the points of the first median line of a chart.</summary>
    private static async Task<double[]> MedianPoints(IPage page, string chart)
    {
        var points = await Chart(page, chart).Locator("polyline").First.GetAttributeAsync("points");
        return [.. points!.Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture))];
    }

    /// <summary>The median series of the first subject of a metric in a run's answer.</summary>
    private static double[] Median(JsonElement run, string metric) =>
    [
        .. run.GetProperty("series").EnumerateArray().First(s => s.GetProperty("metric").GetString() == metric)
            .GetProperty("median").EnumerateArray().Select(v => v.GetDouble()),
    ];

    /// <summary>
    /// Asserts that drawn y coordinates are the values on a linear axis that points up: a least-squares
    /// line through (value, y) has a negative slope and misses no point by more than the 0.05 pixel
    /// of the page's rounding to one decimal plus 0.01 pixel for the error of a line fitted to rounded
    /// points (a few thousandths of a pixel with hundreds of points). It holds whatever the chart's size;
    /// another series drawn in its place (a percentile, another subject) misses by pixels.
    /// </summary>
    private static void AssertDrawnFrom(double[] ys, double[] values)
    {
        Assert.That(ys, Has.Length.EqualTo(values.Length));
        var mx = values.Average();
        var my = ys.Average();
        var sxx = values.Sum(v => (v - mx) * (v - mx));
        Assert.That(sxx, Is.GreaterThan(0), "the median is not constant, so its drawing shows the axis");
        var slope = values.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / sxx;
        var worst = values.Zip(ys).Max(p => Math.Abs(my + slope * (p.First - mx) - p.Second));

        Assert.That(slope, Is.Negative, "higher values are drawn higher up");
        Assert.That(worst, Is.LessThanOrEqualTo(0.06), "every point is the value on the axis, rounded to 0.1 pixel");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static System.Text.RegularExpressions.Regex Changed() => new(@"\bchanged\b");
}

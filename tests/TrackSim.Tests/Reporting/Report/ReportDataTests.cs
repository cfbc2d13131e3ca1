using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Report;
using TrackSim.Tests.Cli;

namespace TrackSim.Tests.Reporting.Report;

/// <summary>
/// The data a report embeds and the page around it: the numbers are summary.csv's, exactly; the
/// charts are those the run drew; scenario texts holding markup stay text; the page allows only
/// its own inline style and script.
/// </summary>
[TestFixture]
public sealed partial class ReportDataTests
{
    private TempFolder _temp = null!;
    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void RunTinyScenario()
    {
        _temp = new TempFolder();
        _folder = _temp.File("out");
        var run = CliRun.Of("run", TinyScenario.WriteTo(_temp.Path), "--out", _folder, "-q");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Every_embedded_value_is_the_one_in_summary_csv()
    {
        var summary = SummaryRows();
        using var json = JsonDocument.Parse(ReportData.Build(ReportReader.Read(_folder)).Json);
        var root = json.RootElement;
        var calendars = root.GetProperty("calendars").EnumerateArray().Select(c => c.EnumerateArray().Select(d => d.GetString()!).ToArray()).ToArray();
        int compared = 0;
        // Counts per month are drawn as sums of the mean over the past 12 months, as on the PNG charts.
        var rolling = root.GetProperty("charts").EnumerateArray().Where(c => c.GetProperty("line_is").GetString() == "rolling_year")
            .SelectMany(c => c.GetProperty("panels").EnumerateArray()).SelectMany(p => p.GetProperty("lines").EnumerateArray())
            .Select(l => l.GetProperty("series").GetInt32()).ToHashSet();
        int index = -1;
        foreach (var series in root.GetProperty("series").EnumerateArray())
        {
            index++;
            string variant = series.GetProperty("variant").GetString()!, metric = series.GetProperty("metric").GetString()!, subject = series.GetProperty("subject").GetString()!;
            var dates = calendars[series.GetProperty("calendar").GetInt32()];
            var rows = summary.Where(r => r["variant"] == variant && r["metric"] == metric && r["subject"] == subject).ToList();
            // Shares of runs (0/1 metrics) and counts per step are drawn as means, everything else as medians.
            string line = metric is "dialogue_open" or "incidents" ? "mean" : "p50";
            Assert.That(dates, Is.EqualTo(rows.Select(r => r["date"]).ToArray()), $"{variant} {metric} {subject}: dates");
            for (int i = 0; i < rows.Count; i++)
            {
                var expected = rolling.Contains(index) ? RollingSum(rows, i) : Number(rows[i][line]);
                Assert.That(Value(series.GetProperty("line")[i]), Is.EqualTo(expected), $"{variant} {metric} {subject} {dates[i]} {line}");
                if (series.TryGetProperty("p05", out var p05))
                {
                    Assert.That(Value(p05[i]), Is.EqualTo(Number(rows[i]["p05"])));
                    Assert.That(Value(series.GetProperty("p95")[i]), Is.EqualTo(Number(rows[i]["p95"])));
                    compared += 2;
                }

                compared++;
            }
        }

        // Five metrics (tension, public trust of two states, Track II trust, incidents, dialogue) in two variants, 36 months each.
        Assert.That(compared, Is.GreaterThan(5 * 2 * 36), "the series were compared");
    }

    [Test]
    public void The_charts_are_those_the_run_drew()
    {
        using var json = JsonDocument.Parse(ReportData.Build(ReportReader.Read(_folder)).Json);
        var ids = json.RootElement.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("id").GetString() + ".png");
        // The figures of distributions and networks are drawn from their own files, not from summary.csv, and are not in the report.
        string[] others = ["distribution-", "track2-network-", "citizen-ties-"];
        var drawn = Directory.GetFiles(Path.Combine(_folder, ChartWriter.FolderName), "*.png").Select(Path.GetFileName)
            .Where(f => !others.Any(o => f!.StartsWith(o, StringComparison.Ordinal)));
        Assert.That(ids, Is.EquivalentTo(drawn));
    }

    [Test]
    public void A_comparison_chart_has_a_line_per_variant_with_the_base_as_black_reference()
    {
        using var json = JsonDocument.Parse(ReportData.Build(ReportReader.Read(_folder)).Json);
        var chart = json.RootElement.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "compare-tension");
        var lines = chart.GetProperty("panels")[0].GetProperty("lines").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            // Labels are the variants' descriptions, as on the PNG charts; the series say which variant each line is.
            Assert.That(lines.Select(l => json.RootElement.GetProperty("series")[l.GetProperty("series").GetInt32()].GetProperty("variant").GetString()), Is.EqualTo((string[])["base", "no-crisis"]));
            Assert.That(lines[1].GetProperty("label").GetString(), Does.Contain("crisis had not happened"));
            Assert.That(lines[0].GetProperty("color").GetString(), Is.EqualTo("#000000"));
            Assert.That(lines[0].GetProperty("reference").GetBoolean(), Is.True);
            Assert.That(lines[1].GetProperty("color").GetString(), Is.EqualTo("#0072B2"), "the first Okabe-Ito colour");
            Assert.That(chart.GetProperty("band").GetBoolean(), Is.True);
            Assert.That(chart.GetProperty("line_is").GetString(), Is.EqualTo("median"));
        }
    }

    [Test]
    public void Scenario_texts_holding_markup_stay_text_in_the_data_and_the_page()
    {
        const string Hostile = "</script><script>alert(1)</script><!-- & \"quoted\" 'x' <b>bold</b>";
        var content = ReportReader.Read(_folder);
        content = content with
        {
            Manifest = content.Manifest with { ScenarioTitle = Hostile, CommandLine = Hostile },
            Inputs = content.Inputs with
            {
                Events = [.. content.Inputs.Events.Select(e => e with { Label = Hostile })],
                Variants = [.. content.Inputs.Variants.Select(v => v with { Description = Hostile })],
            },
            Events = [.. content.Events.Select(e => e with { Event = e.Event with { Label = Hostile }, Effects = [Hostile] })],
        };

        string html = ReportHtml.Write(content).Html;

        string data = DataElement().Match(html).Groups[1].Value;
        using var json = JsonDocument.Parse(data);
        using (Assert.EnterMultipleScope())
        {
            // The only script ends are those of the data element and the script element.
            Assert.That(Regex.Count(html, "</script", RegexOptions.IgnoreCase), Is.EqualTo(2));
            Assert.That(Regex.Count(html, "<script", RegexOptions.IgnoreCase), Is.EqualTo(2));
            Assert.That(html, Does.Not.Contain("<b>bold</b>").And.Not.Contain("<!--"));
            Assert.That(data, Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("&"));
            Assert.That(json.RootElement.GetProperty("events")[0].GetProperty("label").GetString(), Is.EqualTo(Hostile), "the label reads back as written");
            Assert.That(html, Does.Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text in the header and tables");
            Assert.That(html, Does.Contain("<title>&lt;/script&gt;"));
        }
    }

    [Test]
    public void The_page_allows_only_its_own_inline_style_and_script_and_fetches_nothing()
    {
        string html = ReportHtml.Write(ReportReader.Read(_folder)).Html;

        string policy = Policy().Match(html).Groups[1].Value;
        string style = StyleElement().Match(html).Groups[1].Value;
        string script = ScriptElement().Match(html).Groups[1].Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy, Does.StartWith("default-src 'none';"));
            Assert.That(policy, Does.Contain($"style-src '{Hash(style)}'"));
            Assert.That(policy, Does.Contain($"script-src '{Hash(script)}'"));
            Assert.That(policy, Does.Not.Contain("unsafe").And.Not.Contain("http"));
            Assert.That(script.Length, Is.GreaterThan(1000), "the script was found");
            // No address the browser could fetch: no src or href other than the page's own anchors.
            Assert.That(Regex.Matches(html, @"(?:src|href)\s*=\s*""([^""]*)""").Select(m => m.Groups[1].Value), Is.All.StartWith("#"));
            Assert.That(html, Does.Not.Contain("@import").And.Not.Contain("url(http").And.Not.Contain("fetch("));
        }
    }

    [Test]
    public void The_effects_table_is_sorted_by_the_size_of_the_difference()
    {
        string html = ReportHtml.Write(ReportReader.Read(_folder)).Html;
        string table = html[html.IndexOf("id=\"effects-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];

        // The eighth cell of each row is the difference, with the file's exact value in data-value.
        var differences = Regex.Matches(table, "<tr>(?:<td[^>]*>.*?</td>){7}<td class=\"num\" data-value=\"([^\"]*)\"")
            .Select(m => Number(m.Groups[1].Value) is { } d ? Math.Abs(d) : -1)
            .ToList();
        int rows = File.ReadAllLines(Path.Combine(_folder, "effects.csv")).Length - 1;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(differences, Has.Count.EqualTo(rows));
            Assert.That(differences, Is.Ordered.Descending);
        }
    }

    [Test]
    public void The_timeline_has_the_scenarios_events_in_order_with_their_spans()
    {
        var content = ReportReader.Read(_folder);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(content.Events.Select(e => e.Event.Label), Is.EqualTo((string[])["Crisis", "Summit, long"]));
            Assert.That(content.Events[1].Event.End, Is.EqualTo(new DateOnly(2002, 2, 28)), "the last day of the month the span ends in");
            Assert.That(content.Events[0].Event.Severity, Is.EqualTo(0.8));
        }
    }

    [Test]
    public void Effects_of_an_event_are_the_entries_of_the_first_run_that_name_it()
    {
        var log = new ReportTable("events.csv", ["variant", "replicate", "step", "date", "rule", "subject", "detail"],
        [
            ["base", "0", "3", "2000-04-01", "EVENT", "talks", "stopped by war"],
            ["base", "0", "3", "2000-04-01", "EVENT", "talks", "stopped by war-2"],
            ["base", "0", "3", "2000-04-01", "TI-AGREE", "treaty", "reached: Treaty (scripted by war)"],
            ["base", "0", "4", "2000-05-01", "T2-MEET", "talks", "meeting held nearby war"],
            ["base", "1", "3", "2000-04-01", "EVENT", "talks", "stopped by war"],
        ]);

        var effects = ReportReader.EffectsOf("war", log);

        Assert.That(effects, Is.EqualTo((string[])["EVENT talks: stopped by war", "TI-AGREE treaty: reached: Treaty (scripted by war)"]));
    }

    private List<Dictionary<string, string>> SummaryRows()
    {
        using var reader = new StreamReader(Path.Combine(_folder, "summary.csv"));
        var records = CsvText.Records(reader).ToList();
        return [.. records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>The sum of the means of the 12 months to row <paramref name="i"/> (none before a whole year, and step 0 not counted).</summary>
    private static double? RollingSum(List<Dictionary<string, string>> rows, int i)
    {
        if (i < 12)
        {
            return null;
        }

        double sum = 0;
        for (int k = i - 11; k <= i; k++)
        {
            sum += Number(rows[k]["mean"]) ?? double.NaN;
        }

        return sum;
    }

    private static double? Value(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static double? Number(string text)
    {
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : null;
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex Policy();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TrackSim.Core.Metrics;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Report;

/// <summary>
/// Writes a results folder's report as one self-contained HTML page: the run's provenance, the
/// charts as interactive plots drawn by the page's own script from embedded JSON, and the tables of
/// events, effects, recovery and agreements. Nothing is fetched: the style and script are inline,
/// allowed by a Content-Security-Policy that names their hashes and allows nothing else.
/// </summary>
/// <remarks>
/// Every scenario text is HTML-encoded where it is markup and JSON-escaped (no <c>&lt;</c>,
/// <c>&gt;</c> or <c>&amp;</c> left) where it is data, so a label holding <c>&lt;/script&gt;</c> is
/// shown as text. The tables are plain HTML, readable without the script and when printed.
/// </remarks>
public static class ReportHtml
{
    /// <summary>The value of the page's <c>generator</c> meta element, by which a report TrackSim wrote is recognised.</summary>
    public const string Generator = "TrackSim report";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Lazy<string> Style = new(() => Asset("report.css"));

    private static readonly Lazy<string> Script = new(() => Asset("report.js"));

    /// <summary>The page for <paramref name="content"/>; notes say what the charts leave out.</summary>
    public static (string Html, IReadOnlyList<string> Notes) Write(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (data, notes) = ReportData.Build(content);
        var m = content.Manifest;
        var page = new StringBuilder(data.Length + 200_000);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{Hash(Style.Value)}'; script-src '{Hash(Script.Value)}'; base-uri 'none'; form-action 'none'\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append($"<meta name=\"generator\" content=\"{Generator}\">\n");
        page.Append($"<title>{H(m.ScenarioTitle)} · TrackSim report</title>\n");
        page.Append("<style>").Append(Style.Value).Append("</style>\n</head>\n<body>\n");
        Header(page, content);
        Contents(page, content);
        page.Append("<main>\n");
        Charts(page, content);
        Events(page, content);
        if (content.Effects is { } effects)
        {
            Effects(page, effects, content);
        }

        if (content.Recovery is { } recovery)
        {
            Recovery(page, recovery, content);
        }

        if (content.Agreements is { Rows.Count: > 0 } agreements)
        {
            Agreements(page, agreements);
        }

        page.Append("</main>\n");
        page.Append($"<footer><p>Written by TrackSim {H(RunProvenance.LibraryVersion)} from the files of the results folder listed above; the charts show <code>summary.csv</code>.</p></footer>\n");
        page.Append("<script type=\"application/json\" id=\"report-data\">").Append(data).Append("</script>\n");
        page.Append("<script>").Append(Script.Value).Append("</script>\n</body>\n</html>\n");
        return (page.ToString(), notes);
    }

    /// <summary>Text HTML-encoded for an element's content or a quoted attribute value.</summary>
    internal static string H(string? text) => text is null ? string.Empty : Encoder.Encode(text);

    private static void Header(StringBuilder page, ReportContent content)
    {
        var m = content.Manifest;
        page.Append("<header>\n");
        page.Append($"<p class=\"kicker\">TrackSim report</p>\n<h1>{H(m.ScenarioTitle)}</h1>\n");
        if (content.Scenario?.Description is { } description)
        {
            page.Append($"<p class=\"description\">{H(description)}</p>\n");
        }

        page.Append("<dl class=\"facts\">\n");
        Fact(page, "Scenario", $"<code>{H(m.ScenarioName)}</code> from <code>{H(m.ScenarioPath)}</code>");
        Fact(page, "Scenario SHA-256", $"<code class=\"hash\">{H(m.ScenarioSha256)}</code>");
        Fact(page, "TrackSim version", H(m.Version));
        Fact(page, "Seed", H(m.Seed.ToString(CultureInfo.InvariantCulture)));
        Fact(page, "Replicates", $"{m.Replicates.ToString(CultureInfo.InvariantCulture)} per variant");
        Fact(page, "Ran", $"{Time(m.StartedUtc)} to {Time(m.FinishedUtc)} (UTC)");
        if (m.ReplottedUtc is { } replotted)
        {
            Fact(page, "Charts redrawn", $"{Time(replotted)} (UTC)");
        }

        Fact(page, "Overrides", m.Overrides.IsDefaultOrEmpty ? "none" : string.Join("<br>", m.Overrides.Select(o => $"<code>{H(o)}</code>")));
        Fact(page, "Command", $"<code>{H(m.CommandLine)}</code>");
        page.Append("</dl>\n");

        page.Append("<h2 id=\"variants\">Variants</h2>\n<table class=\"variants\">\n<thead><tr><th scope=\"col\">Variant</th><th scope=\"col\">Question</th><th scope=\"col\">Changes from the base</th></tr></thead>\n<tbody>\n");
        foreach (string name in m.Variants)
        {
            string? question = content.Inputs.Variants.FirstOrDefault(v => v.Name == name)?.Description;
            string changes = content.Scenario is null
                ? "<span class=\"muted\">not recorded in the results folder</span>"
                : content.Scenario.VariantChanges.TryGetValue(name, out var list) && list.Count > 0
                    ? string.Join("<br>", list.Select(H))
                    : "none";
            page.Append($"<tr><th scope=\"row\"><code>{H(name)}</code></th><td>{(question is null ? name == "base" ? "The scenario as written" : string.Empty : H(question))}</td><td>{changes}</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        page.Append($"<details class=\"files\">\n<summary>Files of the run ({m.Files.Length.ToString(CultureInfo.InvariantCulture)}), with their SHA-256</summary>\n");
        page.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Bytes</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
        foreach (var file in m.Files)
        {
            page.Append($"<tr><td><code>{H(file.Path)}</code></td><td class=\"num\">{file.Bytes.ToString(CultureInfo.InvariantCulture)}</td><td><code class=\"hash\">{H(file.Sha256)}</code></td></tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n</details>\n</header>\n");
    }

    private static void Contents(StringBuilder page, ReportContent content)
    {
        page.Append("<nav aria-label=\"Contents\"><ul>");
        page.Append("<li><a href=\"#variants\">Variants</a></li><li><a href=\"#charts\">Charts</a></li><li><a href=\"#events\">Events</a></li>");
        if (content.Effects is not null)
        {
            page.Append("<li><a href=\"#effects\">Effects</a></li>");
        }

        if (content.Recovery is not null)
        {
            page.Append("<li><a href=\"#recovery\">Recovery</a></li>");
        }

        if (content.Agreements is { Rows.Count: > 0 })
        {
            page.Append("<li><a href=\"#agreements\">Agreements</a></li>");
        }

        page.Append("</ul></nav>\n");
    }

    private static void Charts(StringBuilder page, ReportContent content)
    {
        int replicates = content.Manifest.Replicates;
        page.Append("<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">Charts</h2>\n");
        page.Append($"<p class=\"help\">Lines are medians over the {replicates.ToString(CultureInfo.InvariantCulture)} runs of each variant (means for shares of runs and counts per step), shading the 5th to 95th percentile. ");
        page.Append("Point at a chart, or focus it and use the arrow keys, to read a date's values; click a legend entry to hide or show its line; drag across a chart, or set the dates, to zoom to a period, and double-click or Reset to see it all. ");
        page.Append("Vertical lines are the scenario's events (solid hostile, dashed cooperative, dotted other; shaded when they last); point at one for its label.</p>\n");
        page.Append("<noscript><p class=\"warning\">The charts are drawn by the page's script, which is switched off. The PNG and SVG charts are in the results folder's <code>charts</code> folder; the tables below need no script.</p></noscript>\n");
        page.Append("<div id=\"chart-list\"></div>\n</section>\n");
    }

    private static void Events(StringBuilder page, ReportContent content)
    {
        page.Append("<section aria-labelledby=\"events\">\n<h2 id=\"events\">Events</h2>\n");
        page.Append("<p class=\"help\">The scenario's events, in order, beside what their kind and severity do: the effects the scenario file scripts for each (when the file is at hand), and what the first run's event log records of them. Click a column's header to sort.</p>\n");
        Filter(page, "events-table");
        page.Append("<div class=\"table-wrap\"><table id=\"events-table\" class=\"sortable\">\n<thead><tr>");
        Headers(page, ("Date", false), ("Until", false), ("Kind", false), ("Label", false), ("Valence", false), ("Severity", true), ("Scripted effects", false), ("Logged in the first run", false));
        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var e in content.Events)
        {
            var ev = e.Event;
            page.Append($"<tr><td>{Date(ev.Date)}</td><td>{(ev.End is { } end ? Date(end) : string.Empty)}</td><td>{H(ev.Kind.Replace('_', ' '))}</td><td>{H(ev.Label)}</td><td>{H(ev.Valence)}</td>");
            string scripted = content.Scenario is null
                ? "<span class=\"muted\">not recorded in the results folder</span>"
                : content.Scenario.EventEffects.TryGetValue(ev.Id, out var effects) ? string.Join("<br>", effects.Select(H)) : string.Empty;
            page.Append($"{Num(ev.Severity.ToString("R", CultureInfo.InvariantCulture))}<td>{scripted}</td><td>{string.Join("<br>", e.Effects.Select(H))}</td></tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Effects(StringBuilder page, ReportTable table, ReportContent content)
    {
        page.Append("<section aria-labelledby=\"effects\">\n<h2 id=\"effects\">Effects</h2>\n");
        page.Append("<p class=\"help\">Each variant against the base, from <code>effects.csv</code>: the mean over paired replicates of the variant's mean minus the base's over a window (the whole run, or after an event), with its 95% confidence interval and the share of pairs in which the variant is higher. ");
        page.Append("Sorted by the size of the difference, largest first; the metrics have their own units, so compare sizes within a metric.</p>\n");
        Filter(page, "effects-table");
        page.Append("<div class=\"table-wrap\"><table id=\"effects-table\" class=\"sortable\">\n<thead><tr>");
        Headers(page, ("Variant", false), ("Metric", false), ("Subject", false), ("Window", false), ("Pairs", true), ("Base mean", true), ("Variant mean", true), ("Difference", true), ("95% interval", true), ("Share higher", true));
        page.Append("</tr></thead>\n<tbody>\n");
        var rows = table.Rows
            .OrderByDescending(r => Math.Abs(Parse(table.Cell(r, "mean_difference")) ?? -1))
            .ThenBy(r => table.Cell(r, "variant"), StringComparer.Ordinal);
        foreach (var r in rows)
        {
            string low = table.Cell(r, "ci_low"), high = table.Cell(r, "ci_high");
            string interval = low.Length == 0 || high.Length == 0 ? string.Empty : $"{Number(low)} to {Number(high)}";
            page.Append($"<tr><td><code>{H(table.Cell(r, "variant"))}</code></td><td>{H(MetricName(table.Cell(r, "metric")))}</td><td>{H(content.Inputs.NameOf(table.Cell(r, "subject")))}</td><td>{H(table.Cell(r, "window"))}</td>");
            page.Append($"{Num(table.Cell(r, "n"))}{Num(table.Cell(r, "mean_base"))}{Num(table.Cell(r, "mean_variant"))}{Num(table.Cell(r, "mean_difference"))}<td class=\"num\" data-value=\"{H(low)}\">{interval}</td>{Num(table.Cell(r, "fraction_higher"))}</tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Recovery(StringBuilder page, ReportTable table, ReportContent content)
    {
        string unit = content.Inputs.Step.ToString().ToLowerInvariant();
        page.Append("<section aria-labelledby=\"recovery\">\n<h2 id=\"recovery\">Recovery</h2>\n");
        page.Append($"<p class=\"help\">From <code>recovery.csv</code>: after each hostile event, how many runs recovered (tension back below its level before the event, or the dialogue open again) and how long it took, in {H(unit)}s; runs that never recovered are censored, and the Kaplan-Meier median counts them.</p>\n");
        Filter(page, "recovery-table");
        page.Append("<div class=\"table-wrap\"><table id=\"recovery-table\" class=\"sortable\">\n<thead><tr>");
        Headers(page, ("Variant", false), ("Event", false), ("Recovered when", false), ("Runs", true), ("Recovered", true), ("Censored", true), ($"Median {unit}s (recovered)", true), ($"Kaplan-Meier median {unit}s", true));
        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in table.Rows)
        {
            string eventId = table.Cell(r, "event");
            string label = content.Inputs.Events.FirstOrDefault(e => e.Id == eventId)?.Label ?? eventId;
            page.Append($"<tr><td><code>{H(table.Cell(r, "variant"))}</code></td><td>{H(label)}</td><td>{H(table.Cell(r, "measure").Replace('_', ' '))}</td>");
            page.Append($"{Num(table.Cell(r, "n"))}{Num(table.Cell(r, "recovered"))}{Num(table.Cell(r, "censored"))}{Num(table.Cell(r, "median_recovered"))}{Num(table.Cell(r, "km_median"))}</tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Agreements(StringBuilder page, ReportTable table)
    {
        page.Append("<section aria-labelledby=\"agreements\">\n<h2 id=\"agreements\">Agreements</h2>\n");
        page.Append("<p class=\"help\">From <code>agreements.csv</code>: for each variant and agreement, the share of runs that reached it, when they first did (median, and 5th to 95th percentile), how often, and the shares in which it collapsed, was in force at the end, or was reached only because the scenario scripts it.</p>\n");
        Filter(page, "agreements-table");
        page.Append("<div class=\"table-wrap\"><table id=\"agreements-table\" class=\"sortable\">\n<thead><tr>");
        Headers(page, ("Variant", false), ("Agreement", false), ("Historical", false), ("Reached", true), ("First reached", false), ("5–95%", false), ("Times reached", true), ("Collapsed", true), ("In force at end", true), ("Scripted", true));
        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in table.Rows)
        {
            string p05 = table.Cell(r, "first_reached_p05"), p95 = table.Cell(r, "first_reached_p95");
            page.Append($"<tr><td><code>{H(table.Cell(r, "variant"))}</code></td><td>{H(table.Cell(r, "name"))}</td><td>{H(table.Cell(r, "historical").Replace(";", "; ", StringComparison.Ordinal))}</td>");
            page.Append($"{Num(table.Cell(r, "reached_share"))}<td>{H(table.Cell(r, "first_reached_p50"))}</td><td>{(p05.Length == 0 ? string.Empty : $"{H(p05)} to {H(p95)}")}</td>");
            page.Append($"{Num(table.Cell(r, "mean_times_reached"))}{Num(table.Cell(r, "collapsed_share"))}{Num(table.Cell(r, "in_force_at_end_share"))}{Num(table.Cell(r, "scripted_share"))}</tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Filter(StringBuilder page, string table) =>
        page.Append($"<p class=\"filter\"><label>Show rows containing <input type=\"search\" data-filter=\"{table}\" autocomplete=\"off\"></label> <span class=\"count\" data-count=\"{table}\" aria-live=\"polite\"></span></p>\n");

    // Column headers; the script turns each into a sort button (numeric columns sort by number).
    private static void Headers(StringBuilder page, params (string Text, bool Numeric)[] columns)
    {
        foreach (var (text, numeric) in columns)
        {
            page.Append(numeric ? $"<th scope=\"col\" class=\"num\" data-type=\"number\">{H(text)}</th>" : $"<th scope=\"col\">{H(text)}</th>");
        }
    }

    private static void Fact(StringBuilder page, string name, string html) => page.Append($"<dt>{H(name)}</dt><dd>{html}</dd>\n");

    // A numeric cell: shown to four significant digits, sorted by the exact value of the file.
    private static string Num(string cell) => $"<td class=\"num\" data-value=\"{H(cell)}\">{Number(cell)}</td>";

    private static string Number(string cell) => Parse(cell) is { } value ? Number(value) : string.Empty;

    private static string Number(double value) => H(value.ToString("G4", CultureInfo.InvariantCulture));

    private static double? Parse(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    private static string MetricName(string metric) => MetricCatalog.Find(metric)?.Title ?? metric;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => H(time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Asset(string name)
    {
        using var stream = typeof(ReportHtml).Assembly.GetManifestResourceStream($"TrackSim.Reporting.Report.{name}")
            ?? throw new InvalidOperationException($"The report's {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

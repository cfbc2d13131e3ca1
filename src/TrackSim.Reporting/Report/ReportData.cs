using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;

using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Report;

/// <summary>
/// The data of a report's interactive charts, as the JSON the page embeds: the charts the run drew
/// (as <see cref="ChartPlanner"/> plans them from <c>summary.csv</c> and <c>chart-inputs.json</c>),
/// each with its panels and lines, the series those lines show, the calendars of the series and the
/// scenario events. Values are <c>summary.csv</c>'s, unrounded: a line is the median (the mean for
/// shares of runs and counts per step, as on the PNG charts) and its band the 5th to 95th percentile.
/// </summary>
/// <remarks>
/// The text escapes every character that could end or open an HTML element or comment
/// (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes), so it is safe inside a
/// <c>&lt;script type="application/json"&gt;</c> element whatever the scenario's texts hold.
/// </remarks>
public static class ReportData
{
    // Letters of every script stay readable; what HTML could read as markup is escaped as \uXXXX.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The JSON text of the charts of <paramref name="content"/>, and notes for charts that have nothing to show.</summary>
    public static (string Json, IReadOnlyList<string> Notes) Build(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (charts, notes) = ChartPlanner.Plan(content.Summary, content.Inputs);
        var series = new List<(SummarySeries Series, bool Band, bool Mean)>();
        var index = new Dictionary<SummarySeries, int>(ReferenceEqualityComparer.Instance);
        var calendars = new List<DateOnly[]>();

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("charts");
            foreach (var chart in charts)
            {
                WriteChart(writer, chart, content.Inputs, line =>
                {
                    if (!index.TryGetValue(line.Series, out int i))
                    {
                        index[line.Series] = i = series.Count;
                        series.Add((line.Series, chart.ShowsBand, chart.UsesMean));
                    }

                    return i;
                });
            }

            writer.WriteEndArray();
            writer.WriteStartArray("series");
            foreach (var (s, band, mean) in series)
            {
                WriteSeries(writer, s, band, mean, Calendar(calendars, s.Dates));
            }

            writer.WriteEndArray();
            writer.WriteStartArray("calendars");
            foreach (var dates in calendars)
            {
                writer.WriteStartArray();
                foreach (var date in dates)
                {
                    writer.WriteStringValue(Date(date));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("events");
            foreach (var e in content.Inputs.Events)
            {
                ResultsJson.WriteEvent(writer, e);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (Encoding.UTF8.GetString(stream.ToArray()), notes);
    }

    private static void WriteChart(Utf8JsonWriter writer, ChartDefinition chart, ChartInputs inputs, Func<ChartLine, int> seriesOf)
    {
        var (floor, ceiling) = ChartRenderer.Bounds(chart.Metric);
        writer.WriteStartObject();
        writer.WriteString("id", chart.FileStem);
        writer.WriteString("title", chart.Title);
        writer.WriteString("metric", chart.Metric.Name);
        writer.WriteString("y_label", ChartRenderer.YLabel(chart.Metric, !chart.ShowsBand, inputs.Step));
        // A count per month is drawn as the PNG draws it: its mean over runs summed over the past 12 months.
        writer.WriteString("line_is", chart.RollingYear ? "rolling_year" : chart.UsesMean ? "mean" : "median");
        writer.WriteBoolean("band", chart.ShowsBand);
        writer.WriteBoolean("comparison", chart.IsComparison);
        writer.WriteNumber("floor", floor);
        if (double.IsFinite(ceiling))
        {
            writer.WriteNumber("ceiling", ceiling);
        }
        else
        {
            writer.WriteNull("ceiling");
        }

        writer.WriteStartArray("panels");
        foreach (var panel in chart.Panels)
        {
            writer.WriteStartObject();
            writer.WriteString("header", panel.Header);
            writer.WriteStartArray("lines");
            foreach (var line in panel.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("label", line.Label);
                writer.WriteNumber("series", seriesOf(line));
                writer.WriteString("color", $"#{line.Color.R:X2}{line.Color.G:X2}{line.Color.B:X2}");
                writer.WriteStartArray("dash");
                foreach (float interval in line.Pattern.Intervals ?? [])
                {
                    writer.WriteNumberValue(Math.Round(interval, 2));
                }

                writer.WriteEndArray();
                writer.WriteBoolean("reference", line.IsReference);
                writer.WriteString("start", line.Start is { } start ? Date(start) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Only what the charts draw and the hover shows: the line's values, and the band's when drawn.
    private static void WriteSeries(Utf8JsonWriter writer, SummarySeries series, bool band, bool mean, int calendar)
    {
        writer.WriteStartObject();
        writer.WriteString("variant", series.Variant);
        writer.WriteString("metric", series.Metric);
        writer.WriteString("subject", series.Subject);
        writer.WriteNumber("calendar", calendar);
        Numbers(writer, "line", mean ? series.Mean : series.P50);
        if (band)
        {
            Numbers(writer, "p05", series.P05);
            Numbers(writer, "p95", series.P95);
        }

        writer.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double value in values)
        {
            // JSON has no NaN: a value the summary could not compute is a gap in the line.
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    // Series of one run share their dates: each distinct calendar is written once.
    private static int Calendar(List<DateOnly[]> calendars, System.Collections.Immutable.ImmutableArray<DateOnly> dates)
    {
        int found = calendars.FindIndex(c => c.AsSpan().SequenceEqual(dates.AsSpan()));
        if (found >= 0)
        {
            return found;
        }

        calendars.Add([.. dates]);
        return calendars.Count - 1;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrackSim.Core.Domain;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Results;

/// <summary>
/// Reads and writes <c>manifest.json</c> and <c>chart-inputs.json</c>: indented, LF line ends,
/// snake_case keys, numbers that read back to the same double, times in UTC ISO 8601.
/// </summary>
internal static class ResultsJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",

        // Names such as "India–Pakistan" stay readable; the files are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest as JSON text with a final newline.</summary>
    public static string Write(Manifest manifest) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("tool", Manifest.Tool);
        writer.WriteString("version", manifest.Version);
        writer.WriteStartObject("scenario");
        writer.WriteString("name", manifest.ScenarioName);
        writer.WriteString("title", manifest.ScenarioTitle);
        writer.WriteString("path", manifest.ScenarioPath);
        writer.WriteString("sha256", manifest.ScenarioSha256);
        writer.WriteEndObject();
        writer.WriteNumber("seed", manifest.Seed);
        writer.WriteNumber("replicates", manifest.Replicates);
        Strings(writer, "variants", manifest.Variants);
        Strings(writer, "overrides", manifest.Overrides);
        writer.WriteNumber("threads", manifest.Threads);
        writer.WriteString("command_line", manifest.CommandLine);
        writer.WriteString("started_utc", Time(manifest.StartedUtc));
        writer.WriteString("finished_utc", Time(manifest.FinishedUtc));
        if (manifest.ReplottedUtc is { } replotted)
        {
            writer.WriteStartObject("replotted");
            writer.WriteString("utc", Time(replotted));
            writer.WriteString("command_line", manifest.ReplotCommandLine ?? string.Empty);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("files");
        foreach (var file in manifest.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Reads a manifest; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static Manifest ReadManifest(string json) => Read(json, Manifest.FileName, root =>
    {
        if (Text(root, "tool") != Manifest.Tool)
        {
            throw new InvalidDataException($"{Manifest.FileName} was not written by TrackSim");
        }

        var scenario = Property(root, "scenario");
        var replotted = root.TryGetProperty("replotted", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        return new Manifest(
            Text(root, "version"),
            Text(scenario, "name"),
            Text(scenario, "title"),
            Text(scenario, "path"),
            Text(scenario, "sha256"),
            Property(root, "seed").GetUInt64(),
            Property(root, "replicates").GetInt32(),
            StringList(root, "variants"),
            StringList(root, "overrides"),
            Property(root, "threads").GetInt32(),
            Text(root, "command_line"),
            ParseTime(Text(root, "started_utc")),
            ParseTime(Text(root, "finished_utc")),
            [.. Property(root, "files").EnumerateArray().Select(f => new ManifestFile(Text(f, "path"), Property(f, "bytes").GetInt64(), Text(f, "sha256")))],
            replotted is { } p ? ParseTime(Text(p, "utc")) : null,
            replotted is { } q ? Text(q, "command_line") : null);
    });

    /// <summary>The chart inputs as JSON text with a final newline.</summary>
    public static string Write(ChartInputs inputs) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("scenario");
        writer.WriteString("name", inputs.ScenarioName);
        writer.WriteString("title", inputs.ScenarioTitle);
        writer.WriteEndObject();
        writer.WriteString("step", inputs.Step.ToString().ToLowerInvariant());
        writer.WriteNumber("replicates", inputs.Replicates);
        writer.WriteStartArray("variants");
        foreach (var variant in inputs.Variants)
        {
            writer.WriteStartObject();
            writer.WriteString("name", variant.Name);
            writer.WriteString("description", variant.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "charts", inputs.Charts);
        Strings(writer, "label_events", inputs.LabelEvents);
        writer.WriteStartObject("y_range");
        foreach (var (metric, (low, high)) in inputs.YRanges)
        {
            writer.WriteStartArray(metric);
            writer.WriteNumberValue(low);
            writer.WriteNumberValue(high);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("style");
        writer.WriteNumber("width", inputs.Style.WidthInches);
        writer.WriteNumber("height", inputs.Style.HeightInches);
        writer.WriteNumber("dpi", inputs.Style.Dpi);
        writer.WriteString("font", inputs.Style.Font);
        writer.WriteNumber("font_size", inputs.Style.FontSize);
        Strings(writer, "formats", inputs.Style.Formats);
        writer.WriteEndObject();
        writer.WriteStartArray("subjects");
        foreach (var subject in inputs.Subjects)
        {
            writer.WriteStartObject();
            writer.WriteString("id", subject.Id);
            writer.WriteString("name", subject.Name);
            writer.WriteString("start", subject.Start is { } start ? Date(start) : null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("events");
        foreach (var e in inputs.Events)
        {
            WriteEvent(writer, e);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Reads chart inputs; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static ChartInputs ReadChartInputs(string json) => Read(json, ChartInputs.FileName, root =>
    {
        var style = Property(root, "style");
        string step = Text(root, "step");
        return new ChartInputs(
            Text(Property(root, "scenario"), "name"),
            Text(Property(root, "scenario"), "title"),
            Enum.TryParse<StepUnit>(step, ignoreCase: true, out var unit) ? unit : throw new InvalidDataException($"unknown step '{step}'"),
            Property(root, "replicates").GetInt32(),
            [.. Property(root, "variants").EnumerateArray().Select(v => new ChartVariant(Text(v, "name"), OptionalText(v, "description")))],
            StringList(root, "charts"),
            StringList(root, "label_events"),
            [.. Property(root, "subjects").EnumerateArray().Select(s => new ChartSubject(Text(s, "id"), Text(s, "name"), OptionalText(s, "start") is { } d ? ParseDate(d) : null))],
            [.. Property(root, "events").EnumerateArray().Select(e => new ChartEvent(
                Text(e, "id"),
                Text(e, "label"),
                ParseDate(Text(e, "date")),
                OptionalText(e, "end") is { } end ? ParseDate(end) : null,
                Text(e, "kind"),
                Text(e, "valence"),
                Property(e, "severity").GetDouble()))],
            new ChartStyle(
                Property(style, "width").GetDouble(),
                Property(style, "height").GetDouble(),
                Property(style, "dpi").GetInt32(),
                Text(style, "font"),
                Property(style, "font_size").GetDouble(),
                StringList(style, "formats")))
        {
            // Absent from the files of earlier versions, which had no y ranges.
            YRanges = root.TryGetProperty("y_range", out var ranges)
                ? ranges.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => (p.Value[0].GetDouble(), p.Value[1].GetDouble()), StringComparer.Ordinal)
                : ImmutableSortedDictionary<string, (double, double)>.Empty.WithComparers(StringComparer.Ordinal),
        };
    });

    /// <summary>A time as written in the files: UTC, ISO 8601, milliseconds.</summary>
    /// <summary>Writes one event marker as a JSON object (as chart-inputs.json and the HTML report hold it).</summary>
    public static void WriteEvent(Utf8JsonWriter writer, ChartEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("id", e.Id);
        writer.WriteString("label", e.Label);
        writer.WriteString("date", Date(e.Date));
        writer.WriteString("end", e.End is { } end ? Date(end) : null);
        writer.WriteString("kind", e.Kind);
        writer.WriteString("valence", e.Valence);
        writer.WriteNumber("severity", e.Severity);
        writer.WriteEndObject();
    }

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static T Read<T>(string json, string file, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or InvalidDataException)
        {
            throw new InvalidDataException($"{file} cannot be read: {e.Message}", e);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"the key '{name}' is missing");

    private static string Text(JsonElement element, string name) =>
        Property(element, name).GetString() ?? throw new InvalidDataException($"the key '{name}' is empty");

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> StringList(JsonElement element, string name) =>
        [.. Property(element, name).EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
}

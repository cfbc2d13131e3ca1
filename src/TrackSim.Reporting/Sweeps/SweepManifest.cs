using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Sweeps;

/// <summary>
/// sweep.json: the command, the plan (design, seed, ranges, outcomes), the shard and the hashes of
/// the files. The plan is written first, before any run, so <c>--resume</c> and <c>merge</c> can
/// check that they continue or combine the same sweep.
/// </summary>
public static class SweepManifest
{
    /// <summary>File name in the sweep folder.</summary>
    public const string FileName = "sweep.json";

    // Every input that shapes the runs (SweepInputs), each as a list of strings; written since
    // sweeps compare all of them, so a manifest without it comes from an older version.
    private const string InputsKey = "inputs";

    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>
    /// Writes sweep.json; <paramref name="files"/> are hashed (empty while the sweep runs);
    /// <paramref name="series"/> (none when null) is recorded among the inputs.
    /// </summary>
    public static void Write(
        string folder,
        SweepPlan plan,
        SweepShard shard,
        string scenarioPath,
        string scenarioSha256,
        IReadOnlyList<string> overrides,
        string commandLine,
        string toolVersion,
        IReadOnlyList<string> files,
        SweepSeries? series = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(files);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool_version", toolVersion);
            w.WriteString("command_line", commandLine);
            w.WriteString("scenario_path", scenarioPath.Replace('\\', '/'));
            w.WriteString("scenario_sha256", scenarioSha256);
            w.WriteStartArray("overrides");
            foreach (string o in overrides)
            {
                w.WriteStringValue(o);
            }

            w.WriteEndArray();
            w.WriteString("shard", shard.ToString());
            w.WriteBoolean("complete", files.Count > 0);
            w.WritePropertyName("plan");
            WritePlan(w, plan);
            ManifestJson.WriteLists(w, InputsKey, SweepInputs.Of(plan, shard, scenarioSha256, overrides, toolVersion, series).Values);
            ManifestJson.WriteFiles(w, files, f => Path.Combine(folder, f));
            w.WriteEndObject();
        }

        AtomicFile.WriteAllText(Path.Combine(folder, FileName), Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    /// <summary>The plan as canonical JSON text, for comparing two sweeps.</summary>
    public static string PlanJson(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WritePlan(w, plan);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the plan and shard of the sweep in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The folder has no readable sweep.json.</exception>
    public static (SweepPlan Plan, SweepShard Shard, string ScenarioSha256, string ScenarioPath, ImmutableArray<string> Overrides) Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{folder} is not a sweep folder (it has no {FileName})");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var plan = root.GetProperty("plan");
            var ranges = plan.GetProperty("ranges").EnumerateArray().Select(r => new ParameterRange(
                r.GetProperty("path").GetString()!,
                r.GetProperty("low").GetDouble(),
                r.GetProperty("high").GetDouble(),
                r.GetProperty("count").ValueKind == JsonValueKind.Null ? null : r.GetProperty("count").GetInt32()));
            var outcomes = plan.GetProperty("outcomes").EnumerateArray().Select(o =>
            {
                string[] parts = o.GetString()!.Split(':', 3);
                return new SweepOutcome(parts[0], parts[1], parts[2]);
            });
            var result = new SweepPlan(
                [.. ranges],
                Enum.Parse<SweepDesign>(plan.GetProperty("design").GetString()!, ignoreCase: true),
                plan.GetProperty("samples").GetInt32(),
                plan.GetProperty("replicates").GetInt32(),
                plan.GetProperty("seed").GetUInt64(),
                [.. outcomes]);
            return (
                result,
                SweepShard.Parse(root.GetProperty("shard").GetString()!),
                root.GetProperty("scenario_sha256").GetString()!,
                root.GetProperty("scenario_path").GetString()!,
                [.. root.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()!)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{path} is not a sweep manifest this version can read: {e.Message}", e);
        }
    }

    /// <summary>
    /// The files a sweep.json in <paramref name="folder"/> lists, with their SHA-256; empty when there
    /// is no readable sweep.json (nothing is then known to be TrackSim's).
    /// </summary>
    public static IReadOnlyList<(string Path, string Sha256)> ReadFiles(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, FileName);
        if (FileKinds.Of(path) != FileKind.Regular)
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
                ? [.. files.EnumerateArray().Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!))]
                : [];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>
    /// Removes the files the previous sweep.json of <paramref name="output"/> lists, except those in
    /// <paramref name="keep"/>, where they are still as TrackSim wrote them (same SHA-256).
    /// </summary>
    public static void RemoveOwned(OutputFolder output, IReadOnlyList<(string Path, string Sha256)> previous, IReadOnlyCollection<string> keep)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(keep);
        foreach (var (file, sha) in previous.Where(f => !keep.Contains(f.Path)))
        {
            output.DeleteOwned(file, sha);
        }
    }

    /// <summary>
    /// Reads every input recorded in the sweep.json in <paramref name="folder"/>, or null when the
    /// manifest was written by an older version that did not record them all.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder has no readable sweep.json.</exception>
    public static SweepInputs? ReadInputs(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{folder} is not a sweep folder (it has no {FileName})");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (!doc.RootElement.TryGetProperty(InputsKey, out var inputs))
            {
                return null;
            }

            var values = inputs.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToImmutableArray(),
                StringComparer.Ordinal);

            // Sweeps wrote no series before they recorded these two inputs.
            values.TryAdd("series", [SweepSeries.None.FormatName]);
            values.TryAdd("metrics", []);
            return SweepInputs.FromValues(values);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is not a sweep manifest this version can read: {e.Message}", e);
        }
    }

    /// <summary>The sentence refusing a sweep.json that does not record every input.</summary>
    public static string OlderManifest(string folder) =>
        $"{Path.Combine(folder, FileName)} was written by an older version of tracksim that did not record every input of the sweep (its --set values and version were not compared), so it cannot be checked to be the same sweep";

    private static void WritePlan(Utf8JsonWriter w, SweepPlan plan)
    {
        w.WriteStartObject();
        w.WriteString("design", plan.Design.ToString().ToLowerInvariant());
        w.WriteNumber("samples", plan.Samples);
        w.WriteNumber("replicates", plan.Replicates);
        w.WriteNumber("seed", plan.Seed);
        w.WriteStartArray("ranges");
        foreach (var r in plan.Ranges)
        {
            w.WriteStartObject();
            w.WriteString("path", r.Path);
            w.WriteNumber("low", r.Low);
            w.WriteNumber("high", r.High);
            if (r.Count is { } count)
            {
                w.WriteNumber("count", count);
            }
            else
            {
                w.WriteNull("count");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("outcomes");
        foreach (var o in plan.Outcomes)
        {
            w.WriteStringValue(o.Name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The files a finished sweep folder lists.</summary>
    internal static ImmutableArray<string> Files(bool withSensitivity) =>
        withSensitivity ? [RunsCsv.FileName, SensitivityCsv.FileName] : [RunsCsv.FileName];
}

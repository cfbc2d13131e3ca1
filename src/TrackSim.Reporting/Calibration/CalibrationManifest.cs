using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Files;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// calibration.json: what a calibration was asked (every input that shapes its particles, by
/// name, so <c>--resume</c> continues only the same calibration), whether it is complete, and every
/// file it wrote with its SHA-256. Written after each generation and last of all.
/// </summary>
public static class CalibrationManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "calibration.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the manifest into <paramref name="output"/>.</summary>
    /// <param name="output">The locked output folder.</param>
    /// <param name="inputs">Every input that shapes the particles, by name (each a list of strings).</param>
    /// <param name="commandLine">The command line, for the record.</param>
    /// <param name="toolVersion">The tool's version.</param>
    /// <param name="complete">Whether the calibration finished (false while generations are still being written).</param>
    /// <param name="message">Why the sampler stopped, or where it stands.</param>
    /// <param name="files">The files written, relative to the folder.</param>
    public static void Write(
        OutputFolder output, IReadOnlyDictionary<string, ImmutableArray<string>> inputs, string commandLine, string toolVersion, bool complete, string message, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(files);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool_version", toolVersion);
            w.WriteString("command_line", commandLine);
            w.WriteBoolean("complete", complete);
            w.WriteString("message", message);
            ManifestJson.WriteLists(w, "inputs", inputs.OrderBy(i => i.Key, StringComparer.Ordinal));
            ManifestJson.WriteFiles(w, files, output.Resolve);
            w.WriteEndObject();
        }

        byte[] bytes = [.. stream.ToArray(), (byte)'\n'];
        output.Write(FileName, s => s.Write(bytes));
    }

    /// <summary>The inputs and files recorded in the manifest of <paramref name="folder"/>, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The manifest is there but cannot be read.</exception>
    public static (ImmutableSortedDictionary<string, ImmutableArray<string>> Inputs, bool Complete, ImmutableArray<(string Path, string Sha256)> Files)? Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, FileName);
        if (FileKinds.Of(path) == FileKind.Missing)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = doc.RootElement;
            var inputs = root.GetProperty("inputs").EnumerateObject()
                .ToImmutableSortedDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToImmutableArray(), StringComparer.Ordinal);
            var files = root.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!)).ToImmutableArray();
            return (inputs, root.GetProperty("complete").GetBoolean(), files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path} is not a calibration manifest this version can read: {e.Message}", e);
        }
    }

    /// <summary>One line per input that differs between <paramref name="recorded"/> and <paramref name="now"/>, as a resumed sweep names them; empty when they are equal.</summary>
    public static ImmutableArray<string> Differences(IReadOnlyDictionary<string, ImmutableArray<string>> recorded, IReadOnlyDictionary<string, ImmutableArray<string>> now) =>
        SweepInputs.Differences(SweepInputs.FromValues(recorded), SweepInputs.FromValues(now), $"in {FileName}", "now");
}

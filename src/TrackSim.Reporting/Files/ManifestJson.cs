using System.Collections.Immutable;
using System.Text.Json;

namespace TrackSim.Reporting.Files;

/// <summary>The parts the sweep and calibration manifests write alike: named lists of inputs, and the files with their sizes and SHA-256.</summary>
public static class ManifestJson
{
    /// <summary>Writes <paramref name="lists"/> as the object <paramref name="name"/>, each entry an array of strings, in the order given.</summary>
    public static void WriteLists(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, ImmutableArray<string>>> lists)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lists);
        writer.WriteStartObject(name);
        foreach (var (key, values) in lists)
        {
            writer.WriteStartArray(key);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the array <c>files</c>: each file's path as given, its size and its SHA-256, read from <paramref name="fullPath"/> of the path.</summary>
    public static void WriteFiles(Utf8JsonWriter writer, IEnumerable<string> files, Func<string, string> fullPath)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(fullPath);
        writer.WriteStartArray("files");
        foreach (string file in files)
        {
            string path = fullPath(file);
            writer.WriteStartObject();
            writer.WriteString("path", file);
            writer.WriteNumber("bytes", new FileInfo(path).Length);
            writer.WriteString("sha256", FileHash.Sha256(path));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

using System.Globalization;
using System.Text;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// runs.csv: one row per run (<c>point,replicate,seed,&lt;parameters&gt;,&lt;outcomes&gt;</c>), in point
/// then replicate order, written append-only so a stopped sweep loses at most the point in progress.
/// </summary>
public static class RunsCsv
{
    /// <summary>File name in the sweep folder.</summary>
    public const string FileName = "runs.csv";

    /// <summary>One row's text without its newline.</summary>
    public static string Row(int point, int replicate, ulong seed, IReadOnlyList<double> values, IReadOnlyList<double> outcomes) =>
        string.Join(
            ',',
            new[] { point.ToString(CultureInfo.InvariantCulture), replicate.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) }
                .Concat(values.Select(SweepPlan.Format))
                .Concat(outcomes.Select(SweepPlan.Format)));

    /// <summary>The complete rows of a runs.csv after its header, with their point and replicate; a last line without its newline is left out.</summary>
    /// <exception cref="InvalidDataException">The header is not <paramref name="header"/> or a row is malformed.</exception>
    public static List<RunsRow> Read(string path, string header)
    {
        string text = File.ReadAllText(path, AtomicFile.Utf8NoBom);
        int end = text.LastIndexOf('\n');
        string[] lines = end < 0 ? [] : text[..end].Split('\n');
        if (lines.Length == 0 || lines[0] != header)
        {
            throw new InvalidDataException($"{path} was written by a different sweep (its header is not '{header}'); use another --out or --force to start again");
        }

        var rows = new List<RunsRow>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split(',');
            if (fields.Length != header.Split(',').Length
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int point)
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int replicate))
            {
                throw new InvalidDataException($"{path}:{i + 1}: not a row of this sweep");
            }

            rows.Add(new RunsRow(point, replicate, lines[i]));
        }

        return rows;
    }

    /// <summary>Writes the header and rows as one file, atomically.</summary>
    public static void WriteAll(string path, string header, IEnumerable<RunsRow> rows) =>
        AtomicFile.WriteText(path, w =>
        {
            w.Write(header);
            w.Write('\n');
            foreach (var row in rows)
            {
                w.Write(row.Text);
                w.Write('\n');
            }
        });

    /// <summary>The outcome columns of <paramref name="row"/>.</summary>
    public static double[] Outcomes(RunsRow row, int outcomes)
    {
        string[] fields = row.Text.Split(',');
        return [.. fields[^outcomes..].Select(f => double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture))];
    }

    /// <summary>Byte length of <paramref name="text"/> plus its newline, as written.</summary>
    public static long LineBytes(string text) => Encoding.UTF8.GetByteCount(text) + 1;
}

using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// A small results table as CSV: its header line, then one line per row, cells joined by commas,
/// each line ending in '\n'. The tables of effects, recovery and official outcomes are written
/// through it; each says only its header and how a row becomes cells.
/// </summary>
internal static class CsvTable
{
    /// <summary>Writes <paramref name="header"/> and a line of <paramref name="cells"/> for every row.</summary>
    public static void Write<T>(TextWriter writer, string header, IEnumerable<T> rows, Func<T, string[]> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cells);
        writer.Write(header);
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', cells(row)));
            writer.Write('\n');
        }
    }

    /// <summary>A number, or an empty cell when it is missing or not finite (never "NaN").</summary>
    public static string Cell(double? value) => value is { } x && double.IsFinite(x) ? CsvText.Number(x) : string.Empty;
}

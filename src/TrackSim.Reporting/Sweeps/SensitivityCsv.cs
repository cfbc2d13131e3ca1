using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Writes sensitivity.csv: one row per parameter, outcome and index; empty cells where a value is undefined.</summary>
public static class SensitivityCsv
{
    /// <summary>File name in the sweep folder.</summary>
    public const string FileName = "sensitivity.csv";

    /// <summary>The header line.</summary>
    public const string Header = "parameter,outcome,index,value,ci_low,ci_high";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<SensitivityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', CsvText.Field(r.Parameter), CsvText.Field(r.Outcome), r.Index, CsvTable.Cell(r.Value), CsvTable.Cell(r.Low), CsvTable.Cell(r.High)));
            writer.Write('\n');
        }
    }
}

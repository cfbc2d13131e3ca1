namespace TrackSim.Reporting.Report;

/// <summary>A small results table as a report shows it: the header of its CSV file and its rows as text, as the file holds them.</summary>
/// <param name="File">The CSV file's name in the results folder.</param>
/// <param name="Columns">The header's column names.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
public sealed record ReportTable(string File, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The cell of <paramref name="row"/> in the column <paramref name="column"/>.</summary>
    public string Cell(IReadOnlyList<string> row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return row[i];
            }
        }

        throw new ArgumentException($"{File} has no column {column}", nameof(column));
    }
}

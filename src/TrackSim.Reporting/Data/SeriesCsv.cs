using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>series.csv</c>: every recorded value of every run in tidy long form, one row per variant,
/// replicate, step, metric and subject, ordered in that way.
/// </summary>
public static class SeriesCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "series.csv";

    /// <summary>The header line (fixed).</summary>
    public const string Header = "variant,replicate,step,date,metric,subject,value";

    /// <summary>
    /// Writes every value of <paramref name="ensemble"/> whose metric <paramref name="keep"/> accepts
    /// (every value when null).
    /// </summary>
    public static void Write(TextWriter writer, EnsembleResult ensemble, Func<string, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ensemble);
        WriteRows(writer, ensemble, keep, string.Empty, cancellationToken);
    }

    /// <summary>
    /// Writes the values of <paramref name="ensemble"/>, the runs of one sweep point, as
    /// <see cref="Write"/> does
    /// with a leading column <c>point</c> holding <paramref name="point"/>.
    /// </summary>
    public static void WritePoint(TextWriter writer, int point, EnsembleResult ensemble, Func<string, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        WriteRows(writer, ensemble, keep, CsvText.Integer(point) + ",", cancellationToken);
    }

    // Every line starts with lead: empty, or a sweep point's "point," (then the header starts with "point,").
    private static void WriteRows(TextWriter writer, EnsembleResult ensemble, Func<string, bool>? keep, string lead, CancellationToken cancellationToken)
    {
        writer.Write(lead.Length == 0 ? Header : "point," + Header);
        writer.Write('\n');
        foreach (var run in ensemble.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string variant = CsvText.Field(run.Variant);
            string replicate = CsvText.Integer(run.Replicate);
            var series = run.Series.Where(s => keep?.Invoke(s.Key.Metric) ?? true).ToArray();
            var keys = series.Select(s => $"{CsvText.Field(s.Key.Metric)},{CsvText.Field(s.Key.Subject)},").ToArray();
            for (int t = 0; t < run.Dates.Length; t++)
            {
                string prefix = $"{lead}{variant},{replicate},{CsvText.Integer(t)},{CsvText.Date(run.Dates[t])},";
                for (int k = 0; k < series.Length; k++)
                {
                    writer.Write(prefix);
                    writer.Write(keys[k]);
                    writer.Write(CsvText.Number(series[k].Values[t]));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>
    /// Reads every row of a series file written by <see cref="Write"/>, in file order. Throws
    /// <see cref="InvalidDataException"/> naming the line of a row that is not as written.
    /// </summary>
    public static IReadOnlyList<SeriesRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<SeriesRow>();
        int line = 0;
        foreach (var fields in CsvText.Records(reader))
        {
            line++;
            if (line == 1)
            {
                if (string.Join(',', fields) != Header)
                {
                    throw new InvalidDataException($"line 1: expected the header {Header}");
                }

                continue;
            }

            try
            {
                rows.Add(new SeriesRow(fields[0], CsvText.ParseInteger(fields[1]), CsvText.ParseInteger(fields[2]), CsvText.ParseDate(fields[3]), fields[4], fields[5], CsvText.ParseNumber(fields[6])));
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"line {line}: not a row of a series file ({e.Message})", e);
            }
        }

        return rows;
    }
}

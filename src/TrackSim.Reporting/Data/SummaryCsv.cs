using System.Collections.Immutable;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>summary.csv</c>: mean, standard deviation and the 5th, 50th and 95th percentiles over
/// replicates, one row per variant, step, metric and subject, ordered in that way.
/// </summary>
public static class SummaryCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "summary.csv";

    /// <summary>The header line (fixed).</summary>
    public const string Header = "variant,step,date,metric,subject,mean,sd,p05,p50,p95";

    /// <summary>Writes <paramref name="table"/>.</summary>
    public static void Write(TextWriter writer, SummaryTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var group in table.Series.GroupBy(s => s.Variant, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var series = group.ToArray();
            string variant = CsvText.Field(group.Key);
            int points = series.Max(s => s.Dates.Length);
            for (int t = 0; t < points; t++)
            {
                foreach (var s in series.Where(s => t < s.Dates.Length))
                {
                    writer.Write($"{variant},{CsvText.Integer(t)},{CsvText.Date(s.Dates[t])},{CsvText.Field(s.Metric)},{CsvText.Field(s.Subject)},");
                    writer.Write($"{CsvText.Number(s.Mean[t])},{CsvText.Number(s.Sd[t])},{CsvText.Number(s.P05[t])},{CsvText.Number(s.P50[t])},{CsvText.Number(s.P95[t])}\n");
                }
            }
        }
    }

    /// <summary>
    /// Reads a table written by <see cref="Write"/>; <paramref name="replicates"/> is recorded in the
    /// manifest. Throws <see cref="InvalidDataException"/> naming the line of a malformed row.
    /// </summary>
    public static SummaryTable Read(TextReader reader, int replicates)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builders = new Dictionary<(string Variant, string Metric, string Subject), Builder>();
        var order = new List<(string, string, string)>();
        int line = 0;
        foreach (string[] fields in CsvText.Records(reader))
        {
            line++;
            if (line == 1)
            {
                if (string.Join(',', fields) != Header)
                {
                    throw new InvalidDataException($"{FileName}: line 1 should be the header {Header}");
                }

                continue;
            }

            if (fields.Length != 10)
            {
                throw new InvalidDataException($"{FileName}: line {line} has {fields.Length} fields; expected 10");
            }

            try
            {
                var key = (fields[0], fields[3], fields[4]);
                if (!builders.TryGetValue(key, out var builder))
                {
                    builders[key] = builder = new Builder();
                    order.Add(key);
                }

                int step = CsvText.ParseInteger(fields[1]);
                if (step != builder.Dates.Count)
                {
                    throw new InvalidDataException($"{FileName}: line {line}: step {step} out of order for {fields[0]} {fields[3]} {fields[4]}");
                }

                builder.Dates.Add(CsvText.ParseDate(fields[2]));
                builder.Mean.Add(CsvText.ParseNumber(fields[5]));
                builder.Sd.Add(CsvText.ParseNumber(fields[6]));
                builder.P05.Add(CsvText.ParseNumber(fields[7]));
                builder.P50.Add(CsvText.ParseNumber(fields[8]));
                builder.P95.Add(CsvText.ParseNumber(fields[9]));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{FileName}: line {line}: {e.Message}", e);
            }
        }

        if (line == 0)
        {
            throw new InvalidDataException($"{FileName} is empty");
        }

        return new SummaryTable(
            replicates,
            [.. order.Select(key =>
            {
                var b = builders[key];
                return new SummarySeries(key.Item1, key.Item2, key.Item3, [.. b.Dates], [.. b.Mean], [.. b.Sd], [.. b.P05], [.. b.P50], [.. b.P95]);
            })]);
    }

    private sealed class Builder
    {
        public List<DateOnly> Dates { get; } = [];

        public List<double> Mean { get; } = [];

        public List<double> Sd { get; } = [];

        public List<double> P05 { get; } = [];

        public List<double> P50 { get; } = [];

        public List<double> P95 { get; } = [];
    }
}

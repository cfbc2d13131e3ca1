using Parquet;
using Parquet.Schema;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Data;

namespace TrackSim.Tests.Examples;

/// <summary>One row of a results folder's series, as the examples print it.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Replicate">The replicate.</param>
/// <param name="Step">The step.</param>
/// <param name="Date">The date.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Value">The value.</param>
internal sealed record SeriesLine(string Variant, int Replicate, int Step, DateOnly Date, string Metric, string Subject, double Value)
{
    /// <summary>The header of series.csv, which the examples print too.</summary>
    public const string Header = "variant,replicate,step,date,metric,subject,value";

    /// <summary>The rows of a CSV text with <see cref="Header"/> (quoted fields allowed).</summary>
    public static IReadOnlyList<SeriesLine> Parse(string csv)
    {
        using var reader = new StringReader(csv);
        var records = CsvText.Records(reader).ToList();
        Assert.That(records, Is.Not.Empty, "no header");
        Assert.That(string.Join(',', records[0]), Is.EqualTo(Header));
        return
        [
            .. records.Skip(1).Select(f => new SeriesLine(
                f[0], CsvText.ParseInteger(f[1]), CsvText.ParseInteger(f[2]), CsvText.ParseDate(f[3]), f[4], f[5], CsvText.ParseNumber(f[6]))),
        ];
    }
}

/// <summary>
/// A small series written the way TrackSim's results writer writes <c>series.parquet</c> (the same
/// schema, required columns, dictionary encoding for all but <c>value</c>, one row group per
/// variant) and <c>series.csv</c>, with values that are hard to read back exactly.
/// </summary>
internal static class SeriesFixture
{
    // TrackSim's own schema, in its column order.
    private static readonly DataField<string> VariantField = (DataField<string>)SeriesParquet.Schema.DataFields[0];
    private static readonly DataField<int> ReplicateField = (DataField<int>)SeriesParquet.Schema.DataFields[1];
    private static readonly DataField<int> StepField = (DataField<int>)SeriesParquet.Schema.DataFields[2];
    private static readonly DataField<DateOnly> DateField = (DataField<DateOnly>)SeriesParquet.Schema.DataFields[3];
    private static readonly DataField<string> MetricField = (DataField<string>)SeriesParquet.Schema.DataFields[4];
    private static readonly DataField<string> SubjectField = (DataField<string>)SeriesParquet.Schema.DataFields[5];
    private static readonly DataField<double> ValueField = (DataField<double>)SeriesParquet.Schema.DataFields[6];

    /// <summary>
    /// Numbers as TrackSim writes them whose text R's own parser reads a unit in the last place
    /// off (the first four, found in a real run's series.csv), with 17 digits, with an exponent,
    /// negative, whole and zero.
    /// </summary>
    private static readonly double[] Awkward =
    [
        0.1414695281636245, 0.3289105602910046, 0.1309798252224081, 0.4655751563422382,
        0.20000000000000004, 2.8476619731297836E-17, -0.5, 1, 0, 123456.78901234567, 1E-300,
    ];

    /// <summary>
    /// The rows: two variants, three replicates, 40 monthly steps, three metrics and two subjects
    /// (1,440 rows), values from a seeded generator after <see cref="Awkward"/>.
    /// </summary>
    public static IReadOnlyList<SeriesLine> Rows()
    {
        var random = new Random(20261207);
        var rows = new List<SeriesLine>();
        foreach (string variant in new[] { "base", "no-crisis" })
        {
            for (int replicate = 0; replicate < 3; replicate++)
            {
                for (int step = 0; step < 40; step++)
                {
                    var date = new DateOnly(1999, 11, 1).AddMonths(step);
                    foreach (string metric in new[] { "tension", "public_trust", "dialogue_open" })
                    {
                        foreach (string subject in new[] { "AA", "BB" })
                        {
                            double value = rows.Count < Awkward.Length ? Awkward[rows.Count] : random.NextDouble();
                            rows.Add(new SeriesLine(variant, replicate, step, date, metric, subject, value));
                        }
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Writes <paramref name="rows"/> to <c>series.csv</c> in <paramref name="folder"/>, as TrackSim does.</summary>
    public static void WriteCsv(string folder, IReadOnlyList<SeriesLine> rows)
    {
        using var writer = new StreamWriter(Path.Combine(folder, "series.csv")) { NewLine = "\n" };
        writer.WriteLine(SeriesLine.Header);
        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(',', CsvText.Field(r.Variant), CsvText.Integer(r.Replicate), CsvText.Integer(r.Step),
                CsvText.Date(r.Date), CsvText.Field(r.Metric), CsvText.Field(r.Subject), CsvText.Number(r.Value)));
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> to <c>series.parquet</c> in <paramref name="folder"/>, one row
    /// group per variant, compressed with <paramref name="compression"/>.
    /// </summary>
    public static void WriteParquet(string folder, IReadOnlyList<SeriesLine> rows, CompressionMethod compression = CompressionMethod.Gzip) =>
        WriteParquetAsync(Path.Combine(folder, "series.parquet"), rows, compression).GetAwaiter().GetResult();

    private static async Task WriteParquetAsync(string path, IReadOnlyList<SeriesLine> rows, CompressionMethod compression)
    {
        // TrackSim's writer settings, with the compression the test asks for.
        var options = SeriesParquet.Options();
        options.CompressionMethod = compression;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(SeriesParquet.Schema, stream, options);
        foreach (var group in rows.GroupBy(r => r.Variant))
        {
            var part = group.ToArray();
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync(VariantField, part.Select(r => r.Variant).ToArray(), null);
            await rowGroup.WriteAsync<int>(ReplicateField, part.Select(r => r.Replicate).ToArray(), null, null, CancellationToken.None);
            await rowGroup.WriteAsync<int>(StepField, part.Select(r => r.Step).ToArray(), null, null, CancellationToken.None);
            await rowGroup.WriteAsync<DateOnly>(DateField, part.Select(r => r.Date).ToArray(), null, null, CancellationToken.None);
            await rowGroup.WriteAsync(MetricField, part.Select(r => r.Metric).ToArray(), null);
            await rowGroup.WriteAsync(SubjectField, part.Select(r => r.Subject).ToArray(), null);
            await rowGroup.WriteAsync<double>(ValueField, part.Select(r => r.Value).ToArray(), null, null, CancellationToken.None);
        }
    }
}

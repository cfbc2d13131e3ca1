using Parquet;
using Parquet.Schema;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>series.parquet</c>: the rows of <see cref="SeriesCsv"/> as a Parquet file with typed, required
/// columns <c>variant</c> (text), <c>replicate</c> and <c>step</c> (32-bit integers), <c>date</c>
/// (a date), <c>metric</c>, <c>subject</c> (text) and <c>value</c> (a double), in the same order.
/// Every column but <c>value</c> is dictionary-encoded, pages are GZIP-compressed (readable by every
/// Parquet reader, and by a few lines of code where none is installed), and row groups hold whole
/// runs of one variant, about a million rows at most, so writing needs bounded memory. A sweep's
/// point file (<see cref="WritePoint"/>) has the same columns after a leading <c>point</c> (a 32-bit
/// integer, the point's row in the sweep's runs.csv).
/// </summary>
public static class SeriesParquet
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "series.parquet";

    /// <summary>Rows a row group holds at most, unless one run alone has more.</summary>
    internal const int RowGroupRows = 1 << 20;

    private static readonly DataField<int> PointField = new("point", false);
    private static readonly DataField<string> VariantField = new("variant", false);
    private static readonly DataField<int> ReplicateField = new("replicate", false);
    private static readonly DataField<int> StepField = new("step", false);
    private static readonly DataField<DateOnly> DateField = new("date", false);
    private static readonly DataField<string> MetricField = new("metric", false);
    private static readonly DataField<string> SubjectField = new("subject", false);
    private static readonly DataField<double> ValueField = new("value", false);

    /// <summary>The file's schema, in column order.</summary>
    public static ParquetSchema Schema { get; } = new(VariantField, ReplicateField, StepField, DateField, MetricField, SubjectField, ValueField);

    /// <summary>The schema of a sweep's point file: <c>point</c>, then the columns of <see cref="Schema"/>.</summary>
    public static ParquetSchema PointSchema { get; } = new(PointField, VariantField, ReplicateField, StepField, DateField, MetricField, SubjectField, ValueField);

    /// <summary>
    /// Writes the series of <paramref name="ensemble"/> whose metric <paramref name="keep"/> accepts
    /// (every series when null) to <paramref name="stream"/>.
    /// </summary>
    public static void Write(Stream stream, EnsembleResult ensemble, Func<string, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(ensemble);
        // Parquet.Net only writes asynchronously; nothing here waits on a context, so blocking is safe.
        WriteAsync(stream, ensemble, keep ?? (_ => true), null, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes the series of <paramref name="ensemble"/>, the runs of one sweep point, as
    /// <see cref="Write"/> does with the leading column <c>point</c> holding <paramref name="point"/>.
    /// </summary>
    public static void WritePoint(Stream stream, int point, EnsembleResult ensemble, Func<string, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        WriteAsync(stream, ensemble, keep ?? (_ => true), point, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads every row of a series file written by <see cref="Write"/>, in file order. Throws
    /// <see cref="InvalidDataException"/> when <paramref name="stream"/> is not such a file.
    /// </summary>
    public static IReadOnlyList<SeriesRow> Read(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return [.. ReadRows(stream, Schema, cancellationToken).Select(r => r.Row)];
    }

    /// <summary>
    /// Reads every row of a sweep's point file written by <see cref="WritePoint"/>, with its point, in
    /// file order. Throws <see cref="InvalidDataException"/> when <paramref name="stream"/> is not such a file.
    /// </summary>
    public static IReadOnlyList<(int Point, SeriesRow Row)> ReadPoint(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadRows(stream, PointSchema, cancellationToken);
    }

    private static IReadOnlyList<(int Point, SeriesRow Row)> ReadRows(Stream stream, ParquetSchema schema, CancellationToken cancellationToken)
    {
        try
        {
            return ReadAsync(stream, schema, cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"not a Parquet file TrackSim can read: {e.Message}", e);
        }
    }

    private static async Task<IReadOnlyList<(int Point, SeriesRow Row)>> ReadAsync(Stream stream, ParquetSchema schema, CancellationToken cancellationToken)
    {
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var _ = reader.ConfigureAwait(false);
        var columns = reader.Schema.DataFields.Select(f => f.Name).ToArray();
        if (!columns.SequenceEqual(schema.DataFields.Select(f => f.Name)))
        {
            throw new InvalidDataException($"a TrackSim series file has the columns {string.Join(", ", schema.DataFields.Select(f => f.Name))}; this one has {string.Join(", ", columns)}");
        }

        bool withPoint = schema == PointSchema;
        var rows = new List<(int, SeriesRow)>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var point = new int[n];
            var variant = new string?[n];
            var replicate = new int[n];
            var step = new int[n];
            var date = new DateOnly[n];
            var metric = new string?[n];
            var subject = new string?[n];
            var value = new double[n];
            if (withPoint)
            {
                await group.ReadAsync<int>(PointField, point.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            }

            await group.ReadAsync(VariantField, variant.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<int>(ReplicateField, replicate.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<int>(StepField, step.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateOnly>(DateField, date.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(MetricField, metric.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(SubjectField, subject.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<double>(ValueField, value.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < n; i++)
            {
                rows.Add((point[i], new SeriesRow(Text(variant[i]), replicate[i], step[i], date[i], Text(metric[i]), Text(subject[i]), value[i])));
            }
        }

        return rows;
    }

    private static string Text(string? value) => value ?? throw new InvalidDataException("a text column of a TrackSim series file holds no empty cells");

    /// <summary>The writer's options: GZIP pages, every column but <c>value</c> dictionary-encoded.</summary>
    internal static ParquetOptions Options()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Gzip };
        foreach (var field in Schema.DataFields.Where(f => f.Name != ValueField.Name))
        {
            options.ColumnEncodingHints[field.Name] = EncodingHint.Dictionary;
        }

        return options;
    }

    // With a point, the file has the leading column of PointSchema (dictionary-encoded like the other keys).
    private static async Task WriteAsync(Stream stream, EnsembleResult ensemble, Func<string, bool> keep, int? point, CancellationToken cancellationToken)
    {
        var options = Options();
        if (point is not null)
        {
            options.ColumnEncodingHints[PointField.Name] = EncodingHint.Dictionary;
        }

        await using var writer = await ParquetWriter.CreateAsync(point is null ? Schema : PointSchema, stream, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var group = new List<RunResult>();
        long rows = 0;
        foreach (var run in ensemble.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long runRows = (long)run.Dates.Length * run.Series.Count(s => keep(s.Key.Metric));
            if (group.Count > 0 && (group[0].Variant != run.Variant || rows + runRows > RowGroupRows))
            {
                await WriteGroupAsync(writer, group, rows, keep, point, cancellationToken).ConfigureAwait(false);
                group.Clear();
                rows = 0;
            }

            group.Add(run);
            rows += runRows;
        }

        if (group.Count > 0)
        {
            await WriteGroupAsync(writer, group, rows, keep, point, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the rows of <paramref name="runs"/> (in <see cref="SeriesCsv"/>'s order) as one row group.</summary>
    private static async Task WriteGroupAsync(ParquetWriter writer, List<RunResult> runs, long count, Func<string, bool> keep, int? point, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        int n = checked((int)count);
        var variant = new string[n];
        var replicate = new int[n];
        var step = new int[n];
        var date = new DateOnly[n];
        var metric = new string[n];
        var subject = new string[n];
        var value = new double[n];
        int row = 0;
        foreach (var run in runs)
        {
            var series = run.Series.Where(s => keep(s.Key.Metric)).ToArray();
            for (int t = 0; t < run.Dates.Length; t++)
            {
                foreach (var s in series)
                {
                    variant[row] = run.Variant;
                    replicate[row] = run.Replicate;
                    step[row] = t;
                    date[row] = run.Dates[t];
                    metric[row] = s.Key.Metric;
                    subject[row] = s.Key.Subject;
                    value[row] = s.Values[t];
                    row++;
                }
            }
        }

        using var group = writer.CreateRowGroup();
        if (point is { } p)
        {
            var points = new int[n];
            Array.Fill(points, p);
            await group.WriteAsync<int>(PointField, points, null, null, cancellationToken).ConfigureAwait(false);
        }

        await group.WriteAsync(VariantField, variant, null).ConfigureAwait(false);
        await group.WriteAsync<int>(ReplicateField, replicate, null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(StepField, step, null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<DateOnly>(DateField, date, null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(MetricField, metric, null).ConfigureAwait(false);
        await group.WriteAsync(SubjectField, subject, null).ConfigureAwait(false);
        await group.WriteAsync<double>(ValueField, value, null, null, cancellationToken).ConfigureAwait(false);
    }
}

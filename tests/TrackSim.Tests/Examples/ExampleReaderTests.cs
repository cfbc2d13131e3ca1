using Parquet;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Examples;

/// <summary>
/// The series readers of <c>examples/python/tracksim_results.py</c> and
/// <c>examples/r/tracksim_results.R</c> on small files written as TrackSim writes them: their own
/// Parquet reader (<c>--builtin</c>, what runs where pyarrow or arrow is not installed) and their
/// CSV reader give every row, in order, with the very doubles written, in Python with pandas and
/// with the standard library only.
/// </summary>
[TestFixture]
public sealed class ExampleReaderTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [TestCase("python", CompressionMethod.Gzip)]
    [TestCase("python", CompressionMethod.None)]
    [TestCase("python-stdlib", CompressionMethod.Gzip)]
    [TestCase("r", CompressionMethod.Gzip)]
    [TestCase("r", CompressionMethod.None)]
    public void The_builtin_reader_reads_series_parquet_exactly(string language, CompressionMethod compression)
    {
        var rows = SeriesFixture.Rows();
        SeriesFixture.WriteParquet(_temp.Path, rows, compression);

        var run = ExampleTools.Example(language, "tracksim_results", _temp.Path, "--builtin");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        AssertSameRows(SeriesLine.Parse(run.Out), rows);
    }

    [TestCase("python")]
    [TestCase("python-stdlib")]
    [TestCase("r")]
    public void The_builtin_reader_reads_data_pages_v2_rle_runs_and_plain_text(string language)
    {
        var rows = SeriesFixture.Rows();
        PagesV2Parquet.Write(_temp.Path, rows);

        var run = ExampleTools.Example(language, "tracksim_results", _temp.Path, "--builtin");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        AssertSameRows(SeriesLine.Parse(run.Out), rows);
    }

    [Test]
    public void The_hand_written_pages_v2_file_is_parquet_that_Parquet_Net_reads_back()
    {
        var rows = SeriesFixture.Rows();
        PagesV2Parquet.Write(_temp.Path, rows);

        var (variants, values) = ReadWithParquetNet(_temp.File("series.parquet"), rows.Count).GetAwaiter().GetResult();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(variants, Is.EqualTo(rows.Select(r => r.Variant)));
            Assert.That(values, Is.EqualTo(rows.Select(r => r.Value)));
        }
    }

    [TestCase("python")]
    [TestCase("python-stdlib")]
    [TestCase("r")]
    public void Series_csv_reads_to_the_same_doubles(string language)
    {
        var rows = SeriesFixture.Rows();
        SeriesFixture.WriteCsv(_temp.Path, rows);

        var run = ExampleTools.Example(language, "tracksim_results", _temp.Path);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        AssertSameRows(SeriesLine.Parse(run.Out), rows);
    }

    [TestCase("python")]
    [TestCase("r")]
    public void A_compression_the_builtin_reader_does_not_read_is_named(string language)
    {
        SeriesFixture.WriteParquet(_temp.Path, SeriesFixture.Rows(), CompressionMethod.Snappy);

        var run = ExampleTools.Example(language, "tracksim_results", _temp.Path, "--builtin");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Not.Zero);
            Assert.That(run.Error, Does.Contain("column variant: compression SNAPPY is not read here (GZIP and none are)"));
        }
    }

    private static async Task<(string?[] Variants, double[] Values)> ReadWithParquetNet(string path, int count)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.That(reader.RowGroupCount, Is.EqualTo(1));
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.DataFields;
        var variants = new string?[count];
        var values = new double[count];
        await group.ReadAsync(fields.Single(f => f.Name == "variant"), variants.AsMemory(), null);
        await group.ReadAsync<double>(fields.Single(f => f.Name == "value"), values.AsMemory(), null);
        return (variants, values);
    }

    /// <summary>
    /// Every row equal, values as doubles (a unit in the last place apart is a difference), with
    /// the first difference in the message rather than a dump of every row.
    /// </summary>
    internal static void AssertSameRows(IReadOnlyList<SeriesLine> read, IReadOnlyList<SeriesLine> expected)
    {
        Assert.That(read, Has.Count.EqualTo(expected.Count));
        int first = Enumerable.Range(0, expected.Count).FirstOrDefault(i => read[i] != expected[i], -1);
        Assert.That(first, Is.EqualTo(-1), () => $"row {first + 1}: read {read[first]}, written {expected[first]}");
    }
}

using Parquet;
using Parquet.Schema;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Data;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Reporting;

/// <summary>
/// series.parquet holds exactly the rows of series.csv with typed columns, is the same bytes for the
/// same runs, keeps only the metrics asked for, and variants.csv gives each variant's parameters.
/// </summary>
[TestFixture]
public sealed class SeriesFileTests
{
    private static readonly string[] Columns = ["variant", "replicate", "step", "date", "metric", "subject", "value"];
    private static readonly Type[] NumberTypes = [typeof(int), typeof(int), typeof(DateOnly), typeof(double)];
    private static readonly string[] TwoMetrics = ["tension", "public_trust"];

    private EnsembleResult _ensemble = null!;

    [OneTimeSetUp]
    public void Run() => _ensemble = TinyScenario.Run();

    [Test]
    public void Parquet_holds_the_rows_of_the_csv_exactly_and_in_order()
    {
        var fromCsv = ReadCsv(_ensemble, keep: null);
        var fromParquet = SeriesParquet.Read(new MemoryStream(WriteParquet(_ensemble, keep: null)));

        int expected = _ensemble.Runs.Sum(r => r.Series.Length * r.Dates.Length);
        Assert.That(fromCsv, Has.Count.EqualTo(expected));
        // Records compare every field; doubles compare exactly, so a value that changed in its last bit fails.
        Assert.That(fromParquet, Is.EqualTo(fromCsv));
    }

    [Test]
    public async Task Parquet_columns_are_typed_required_and_row_groups_hold_one_variant_each()
    {
        // Dates read as DateOnly only when asked; read as DateTime otherwise, which is what tells a DATE column.
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(WriteParquet(_ensemble, keep: null)), new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.DataFields;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields.Select(f => f.Name), Is.EqualTo(Columns));
            // The text columns (variant, metric, subject) are byte arrays read as UTF-8, checked by the row comparison above.
            Assert.That(new[] { fields[1], fields[2], fields[3], fields[6] }.Select(f => f.ClrType), Is.EqualTo(NumberTypes));
            Assert.That(fields.All(f => !f.IsNullable), Is.True, "every column is required");
            Assert.That(reader.RowGroupCount, Is.EqualTo(_ensemble.Variants.Length), "the tiny runs fit one row group per variant");
        }

        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var variants = new string?[group.RowCount];
            await group.ReadAsync((DataField)fields[0], variants.AsMemory(), null);
            Assert.That(variants.Distinct(), Is.EqualTo(new[] { _ensemble.Variants[g] }));
        }
    }

    [Test]
    public void The_same_runs_give_the_same_bytes_whatever_the_threads()
    {
        byte[] two = WriteParquet(_ensemble, keep: null);
        byte[] one = WriteParquet(TinyScenario.Run(threads: 1), keep: null);
        Assert.That(one, Is.EqualTo(two));
    }

    [Test]
    public void Parquet_is_several_times_smaller_than_the_csv()
    {
        long csv = Encoding(_ensemble).Length;
        long parquet = WriteParquet(_ensemble, keep: null).Length;
        // India-Pakistan's 1.8 million rows take 117 MB as CSV and 6.9 MB as Parquet; on these few
        // thousand rows the fixed costs (dictionaries, footer) weigh more, but the file is still far smaller.
        Assert.That(parquet, Is.LessThan(csv / 4), $"csv {csv} bytes, parquet {parquet} bytes");
    }

    [Test]
    public void Only_the_metrics_asked_for_are_kept_in_both_formats()
    {
        var keep = new SeriesOutput(SeriesFormat.Parquet, ["tension", "public_trust"]);
        var fromParquet = SeriesParquet.Read(new MemoryStream(WriteParquet(_ensemble, keep.Keeps)));
        var fromCsv = ReadCsv(_ensemble, keep.Keeps);
        var all = ReadCsv(_ensemble, keep: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromParquet.Select(r => r.Metric).Distinct(), Is.EquivalentTo(TwoMetrics));
            Assert.That(fromParquet, Is.EqualTo(all.Where(r => r.Metric is "tension" or "public_trust").ToList()));
            Assert.That(fromCsv, Is.EqualTo(fromParquet));
        }
    }

    [Test]
    public void A_file_that_is_not_parquet_is_refused_with_a_message()
    {
        var e = Assert.Throws<InvalidDataException>(() => SeriesParquet.Read(new MemoryStream("variant,replicate\n"u8.ToArray())));
        Assert.That(e!.Message, Does.StartWith("not a Parquet file TrackSim can read"));
    }

    [Test]
    public void Variants_csv_gives_every_parameter_of_every_variant_with_per_state_columns()
    {
        const string yaml = """
            name: params
            calendar: { start: 2000-01, end: 2000-06, step: month }
            states:
              - { id: AA, name: Atlantis }
              - { id: BB, name: Borduria }
            citizens: { per_state: 50 }
            parameters:
              media: { sensitivity: { AA: 1.5 } }
            variants:
              - name: fearful
                description: "Fear, higher"
                parameters:
                  posture: { fear: 0.45 }
                  media: { sensitivity: { BB: 0.5 } }
                mechanisms: { spillover: false }
            ensemble: { replicates: 1, seed: 3 }
            """;
        var loaded = ScenarioLoader.LoadText(yaml, "params.yaml");
        Assert.That(loaded.Errors, Is.Empty);
        var ensemble = Ensemble.Run(loaded.Scenario!, new EnsembleOptions { Threads = 1 });
        var writer = new StringWriter();
        VariantsCsv.Write(writer, ensemble);
        var rows = CsvText.Records(new StringReader(writer.ToString())).ToList();
        var header = rows[0];
        string Cell(int row, string column) => rows[row][Array.IndexOf(header, column)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(header.Take(5), Is.EqualTo(VariantsCsv.FixedHeader.Split(',')));
            Assert.That(header, Does.Contain("media.sensitivity").And.Contain("media.sensitivity[AA]").And.Contain("media.sensitivity[BB]").And.Contain("posture.fear"));
            Assert.That(header.Length, Is.EqualTo(5 + VariantsCsv.ParameterColumns(ensemble.Scenario).Count));
            Assert.That(Cell(1, "variant"), Is.EqualTo("base"));
            Assert.That(Cell(1, "media.sensitivity[AA]"), Is.EqualTo("1.5"));
            Assert.That(Cell(1, "media.sensitivity[BB]"), Is.EqualTo("1"), "BB takes the value for every state, the default");
            Assert.That(Cell(2, "variant"), Is.EqualTo("fearful"));
            Assert.That(Cell(2, "description"), Is.EqualTo("Fear, higher"));
            Assert.That(Cell(2, "posture.fear"), Is.EqualTo("0.45"));
            Assert.That(Cell(1, "posture.fear"), Is.Not.EqualTo("0.45"));
            Assert.That(Cell(2, "media.sensitivity[AA]"), Is.EqualTo("1.5"), "the variant keeps the scenario's value");
            Assert.That(Cell(2, "media.sensitivity[BB]"), Is.EqualTo("0.5"));
            Assert.That(Cell(2, "mechanisms_off"), Is.EqualTo("spillover"));
            Assert.That(Cell(1, "mechanisms_off"), Is.Empty);
        }
    }

    private static byte[] WriteParquet(EnsembleResult ensemble, Func<string, bool>? keep)
    {
        using var stream = new MemoryStream();
        SeriesParquet.Write(stream, ensemble, keep);
        return stream.ToArray();
    }

    private static string Encoding(EnsembleResult ensemble)
    {
        var writer = new StringWriter();
        SeriesCsv.Write(writer, ensemble);
        return writer.ToString();
    }

    private static IReadOnlyList<SeriesRow> ReadCsv(EnsembleResult ensemble, Func<string, bool>? keep)
    {
        var writer = new StringWriter();
        SeriesCsv.Write(writer, ensemble, keep);
        return SeriesCsv.Read(new StringReader(writer.ToString()));
    }
}

using System.Globalization;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;

namespace TrackSim.Tests.Reporting;

/// <summary>The data files and manifest of a results folder, written once from the tiny scenario.</summary>
[TestFixture]
public sealed class ResultsFolderTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Variants = ["base", "no-crisis"];
    private static readonly string[] Overrides = ["citizens.per_state=100"];

    private TempFolder _temp = null!;
    private EnsembleResult _ensemble = null!;
    private ResultsReport _report = null!;
    private string _folder = string.Empty;
    private string _scenarioPath = string.Empty;

    [OneTimeSetUp]
    public void WriteResults()
    {
        _temp = new TempFolder();
        _scenarioPath = TinyScenario.WriteTo(_temp.Path);
        _ensemble = TinyScenario.Run();
        _folder = _temp.File("results");
        var provenance = RunProvenance.For(_scenarioPath, ["citizens.per_state=100"], 2, "tracksim run tiny.yaml", Start);
        _report = ResultsWriter.Write(_folder, _ensemble, provenance, ChartStyle.Default, new FixedClock(Start.AddMinutes(1)), new SeriesOutput(SeriesFormat.Csv, []));
    }

    [OneTimeTearDown]
    public void Delete() => _temp.Dispose();

    [Test]
    public void Data_files_start_with_their_fixed_headers()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FirstLine(SeriesCsv.FileName), Is.EqualTo("variant,replicate,step,date,metric,subject,value"));
            Assert.That(FirstLine(SummaryCsv.FileName), Is.EqualTo("variant,step,date,metric,subject,mean,sd,p05,p50,p95"));
            Assert.That(FirstLine(EventsCsv.FileName), Is.EqualTo("variant,replicate,step,date,rule,subject,detail"));
        }
    }

    [Test]
    public void Series_csv_holds_every_recorded_value_exactly()
    {
        var rows = Rows(SeriesCsv.FileName);
        var byKey = rows.ToDictionary(r => (r[0], int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture), r[4], r[5]));
        int expected = _ensemble.Runs.Sum(r => r.Series.Length * r.Dates.Length);

        Assert.That(rows, Has.Count.EqualTo(expected));
        foreach (var run in _ensemble.Runs)
        {
            foreach (var series in run.Series)
            {
                for (int t = 0; t < run.Dates.Length; t++)
                {
                    var row = byKey[(run.Variant, run.Replicate, t, series.Key.Metric, series.Key.Subject)];
                    Assert.That(row[3], Is.EqualTo(run.Dates[t].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

                    // Round-trip formatting: the very same double, not a close one.
                    Assert.That(double.Parse(row[6], CultureInfo.InvariantCulture), Is.EqualTo(series.Values[t]));
                }
            }
        }
    }

    [Test]
    public void Summary_csv_equals_statistics_recomputed_from_series_csv()
    {
        var groups = Rows(SeriesCsv.FileName)
            .GroupBy(r => (Variant: r[0], Step: r[2], Metric: r[4], Subject: r[5]))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => int.Parse(r[1], CultureInfo.InvariantCulture)).Select(r => double.Parse(r[6], CultureInfo.InvariantCulture)).ToArray());
        var summary = Rows(SummaryCsv.FileName);

        Assert.That(summary, Has.Count.EqualTo(groups.Count));
        foreach (var row in summary)
        {
            double[] values = groups[(row[0], row[1], row[3], row[4])];
            Assert.That(values, Has.Length.EqualTo(3));
            double mean = values.Average();
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            double[] sorted = [.. values.Order()];
            double[] stats = [.. row.Skip(5).Select(f => double.Parse(f, CultureInfo.InvariantCulture))];

            // 1e-12: the same formulas summed in another order may differ in the last bits.
            Assert.That(stats, Is.EqualTo(new[] { mean, sd, Type7(sorted, 0.05), Type7(sorted, 0.5), Type7(sorted, 0.95) }).Within(1e-12));
        }
    }

    [Test]
    public void Events_csv_logs_each_scenario_event_in_each_run_that_has_it()
    {
        var events = CsvText.Records(new StringReader(File.ReadAllText(Path.Combine(_folder, EventsCsv.FileName)))).Skip(1).ToList();
        var crisis = events.Where(e => e[4] == "EVENT" && e[5] == "crisis").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(crisis.Select(e => (e[0], e[1])), Is.EquivalentTo(new[] { ("base", "0"), ("base", "1"), ("base", "2") }));
            Assert.That(crisis.Select(e => e[3]), Is.All.EqualTo("2001-03-01"));
            Assert.That(events.Where(e => e[4] == "EVENT" && e[5] == "summit"), Has.Exactly(6).Items);
            Assert.That(events.Select(e => e.Length), Is.All.EqualTo(7));
        }
    }

    [Test]
    public void Manifest_lists_every_file_with_its_size_and_sha256()
    {
        var manifest = ResultsWriter.TryReadManifest(_folder)!;
        var onDisk = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != Manifest.FileName && f != OutputFolder.LockFileName);

        Assert.That(manifest.Files.Select(f => f.Path), Is.EquivalentTo(onDisk));
        foreach (var file in manifest.Files)
        {
            string path = Path.Combine(_folder, file.Path);
            Assert.That(file.Sha256, Is.EqualTo(FileHash.Sha256(path)), file.Path);
            Assert.That(file.Bytes, Is.EqualTo(new FileInfo(path).Length), file.Path);
        }
    }

    [Test]
    public void Manifest_records_how_the_run_was_made()
    {
        var manifest = ResultsWriter.TryReadManifest(_folder)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest, Is.EqualTo(_report.Manifest).Using<Manifest>(SameRecord));
            Assert.That(manifest.Version, Is.EqualTo(RunProvenance.LibraryVersion));
            Assert.That(manifest.ScenarioName, Is.EqualTo("tiny"));
            Assert.That(manifest.ScenarioPath, Is.EqualTo(_scenarioPath));
            Assert.That(manifest.ScenarioSha256, Is.EqualTo(FileHash.Sha256(_scenarioPath)));
            Assert.That(manifest.Seed, Is.EqualTo(7UL));
            Assert.That(manifest.Replicates, Is.EqualTo(3));
            Assert.That(manifest.Variants, Is.EqualTo(Variants));
            Assert.That(manifest.Overrides, Is.EqualTo(Overrides));
            Assert.That(manifest.Threads, Is.EqualTo(2));
            Assert.That(manifest.CommandLine, Is.EqualTo("tracksim run tiny.yaml"));
            Assert.That(manifest.StartedUtc, Is.EqualTo(Start));
            Assert.That(manifest.FinishedUtc, Is.EqualTo(Start.AddMinutes(1)));
            Assert.That(File.ReadAllText(Path.Combine(_folder, Manifest.FileName)), Does.Contain("\"started_utc\": \"2024-05-01T12:00:00.000Z\""));
        }
    }

    [Test]
    public void Files_are_utf8_without_bom_with_lf_line_ends()
    {
        foreach (string name in new[] { SeriesCsv.FileName, SummaryCsv.FileName, EventsCsv.FileName, ChartInputs.FileName, Manifest.FileName })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(_folder, name));
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), name);
            Assert.That(bytes, Does.Not.Contain((byte)'\r'), name);
            Assert.That(bytes[^1], Is.EqualTo((byte)'\n'), name);
        }
    }

    [Test]
    public void Summary_read_back_from_csv_equals_the_one_computed_from_the_runs()
    {
        var computed = SummaryTable.FromEnsemble(_ensemble);
        using var reader = new StreamReader(Path.Combine(_folder, SummaryCsv.FileName));

        var read = SummaryCsv.Read(reader, 3);

        Assert.That(read.Series, Has.Length.EqualTo(computed.Series.Length));
        for (int i = 0; i < read.Series.Length; i++)
        {
            var (a, b) = (read.Series[i], computed.Series[i]);
            Assert.That((a.Variant, a.Metric, a.Subject), Is.EqualTo((b.Variant, b.Metric, b.Subject)));
            Assert.That(a.Dates, Is.EqualTo(b.Dates));
            Assert.That(a.Mean.Concat(a.Sd).Concat(a.P05).Concat(a.P50).Concat(a.P95), Is.EqualTo(b.Mean.Concat(b.Sd).Concat(b.P05).Concat(b.P50).Concat(b.P95)));
        }
    }

    [Test]
    public void Chart_inputs_read_back_to_what_was_written()
    {
        var written = ChartInputs.FromEnsemble(_ensemble, ChartStyle.Default);

        var read = ResultsJson.ReadChartInputs(File.ReadAllText(Path.Combine(_folder, ChartInputs.FileName)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Events, Is.EqualTo(written.Events));
            Assert.That(read.Subjects, Is.EqualTo(written.Subjects));
            Assert.That(read.Variants, Is.EqualTo(written.Variants));
            Assert.That(read.Charts, Is.EqualTo(written.Charts));
            Assert.That(read.Style.Formats, Is.EqualTo(written.Style.Formats));
            Assert.That(read.Style with { Formats = [] }, Is.EqualTo(written.Style with { Formats = [] }));
            Assert.That(read.Subjects.Single(s => s.Id == "AA-BB").Name, Is.EqualTo("Atlantis–Borduria"));
            Assert.That(read.Subjects.Single(s => s.Id == "talks").Start, Is.EqualTo(new DateOnly(2000, 6, 1)));
            Assert.That(read.Events.Single(e => e.Id == "summit").IsSpan, Is.True);
        }
    }

    private static bool SameRecord(Manifest a, Manifest b) =>
        ResultsJson.Write(a) == ResultsJson.Write(b);

    private static double Type7(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }

    private string FirstLine(string file) => File.ReadLines(Path.Combine(_folder, file)).First();

    private List<string[]> Rows(string file) =>
        [.. File.ReadLines(Path.Combine(_folder, file)).Skip(1).Select(l => l.Split(','))];
}

using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Distributions;
using TrackSim.Reporting.Networks;
using TrackSim.Reporting.Results;

// CA1861: expected lists read best inline, next to what they check; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Reporting.Distributions;

/// <summary>distributions.csv, the files under networks/ and their charts in a results folder.</summary>
[TestFixture]
public sealed class DistributionOutputTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private TempFolder _temp = null!;
    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void WriteResults()
    {
        _temp = new TempFolder();
        _folder = Write(_temp.File("results"));
    }

    [OneTimeTearDown]
    public void Delete() => _temp.Dispose();

    private string Write(string folder)
    {
        string scenario = TinyScenario.WriteTo(_temp.Path);
        var provenance = RunProvenance.For(scenario, [], 2, "tracksim run tiny.yaml", Start);
        ResultsWriter.Write(folder, TinyScenario.Run(), provenance, ChartStyle.Default, new FixedClock(Start));
        return folder;
    }

    private List<string[]> Rows(string file)
    {
        using var reader = new StreamReader(Path.Combine(_folder, file));
        return [.. CsvText.Records(reader).Skip(1)];
    }

    [Test]
    public void Distributions_csv_holds_every_bin_of_every_public_at_every_recorded_point_of_every_run()
    {
        var rows = Rows(DistributionsCsv.FileName);

        // 2 variants x 3 replicates x 2 publics x points 0, 12, 24, 36 x 20 bins.
        Assert.That(rows, Has.Count.EqualTo(2 * 3 * 2 * 4 * 20));
        Assert.That(rows.Select(r => r[2]).Distinct(), Is.EqualTo(new[] { "0", "12", "24", "36" }));
        foreach (var point in rows.GroupBy(r => string.Join(',', r[..5])))
        {
            Assert.That(point.Count(), Is.EqualTo(20));
            Assert.That(point.Sum(r => CsvText.ParseNumber(r[8])), Is.EqualTo(1).Within(1e-9), $"shares of {point.Key}");
            Assert.That(point.Sum(r => CsvText.ParseInteger(r[7])), Is.EqualTo(100), "every citizen of the public in some bin");
            Assert.That(point.Select(r => r[9]).Distinct().Count(), Is.EqualTo(1), "one cluster count per distribution");
            Assert.That(CsvText.ParseInteger(point.First()[9]), Is.GreaterThanOrEqualTo(1));
        }

        Assert.That(rows[0][5..7], Is.EqualTo(new[] { "0", "0.05" }));
        Assert.That(rows[19][5..7], Is.EqualTo(new[] { "0.95", "1" }));
    }

    [Test]
    public void The_track2_files_list_exactly_the_participants_of_the_scenario()
    {
        var nodes = Rows($"{NetworkFiles.FolderName}/track2-nodes-2003-01-01.csv");
        var replicate0 = nodes.Where(r => r[0] == "base" && r[1] == "0").ToList();

        // The talks: 3 former diplomats of AA and 3 journalists of BB.
        Assert.That(replicate0.Select(r => r[2]), Is.EqualTo(new[] { "talks:0", "talks:1", "talks:2", "talks:3", "talks:4", "talks:5" }));
        Assert.That(replicate0.Select(r => r[5]), Is.EqualTo(new[] { "AA", "AA", "AA", "BB", "BB", "BB" }));
        Assert.That(replicate0.Select(r => r[6]).Distinct(), Is.EqualTo(new[] { "former_diplomat", "journalist" }));
        Assert.That(nodes.Select(r => r[1]).Distinct(), Is.EqualTo(new[] { "0", "1", "2" }), "every replicate of the base scenario");
        Assert.That(nodes.Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "base" }));

        var edges = Rows($"{NetworkFiles.FolderName}/track2-edges-2003-01-01.csv");
        var ids = replicate0.Select(r => r[2]).ToHashSet();
        Assert.That(edges, Is.Not.Empty, "the talks met from mid-2000");
        Assert.That(edges.All(e => ids.Contains(e[2]) && ids.Contains(e[3])), "edges join listed participants");
        Assert.That(edges.All(e => CsvText.ParseInteger(e[5]) >= 1));
        var attended = replicate0.ToDictionary(r => r[2], r => CsvText.ParseInteger(r[9]));
        Assert.That(
            edges.Where(e => e[1] == "0").All(e => CsvText.ParseInteger(e[5]) <= Math.Min(attended[e[2]], attended[e[3]])),
            "two participants meet together at most as often as either attends");
    }

    [Test]
    public void The_citizen_tie_files_count_the_ties_across_the_border_and_sample_them()
    {
        var ties = Rows($"{NetworkFiles.FolderName}/citizen-ties-2003-01-01.csv");
        Assert.That(ties, Has.Count.EqualTo(3), "one pair of states in each replicate of the base scenario");
        Assert.That(ties.All(t => t[2] == "AA" && t[3] == "BB"));
        var sample = Rows($"{NetworkFiles.FolderName}/citizen-tie-sample-2003-01-01.csv");
        foreach (var replicate in sample.GroupBy(s => s[1]))
        {
            long total = CsvText.ParseInteger(ties.Single(t => t[1] == replicate.Key)[4]);
            int stride = CsvText.ParseInteger(replicate.First()[2]);
            Assert.That(replicate.Count(), Is.EqualTo((total + stride - 1) / stride), "every stride-th tie");
            Assert.That(replicate.All(s => s[4] == "AA" && s[7] == "BB" && CsvText.ParseInteger(s[3]) < 100 && CsvText.ParseInteger(s[6]) >= 100));
        }
    }

    [Test]
    public void The_charts_are_written_and_the_same_in_a_second_run()
    {
        string charts = Path.Combine(_folder, ChartWriter.FolderName);
        string[] expected =
        [
            "distribution-AA", "distribution-BB", "track2-network-2003-01-01", "citizen-ties-2003-01-01",
        ];
        foreach (string stem in expected)
        {
            Assert.That(File.Exists(Path.Combine(charts, stem + ".png")), stem);
            Assert.That(File.Exists(Path.Combine(charts, stem + ".svg")), stem);
        }

        string again = Write(_temp.File("again"));
        foreach (string file in expected.SelectMany(s => new[] { s + ".png", s + ".svg" }))
        {
            Assert.That(
                File.ReadAllBytes(Path.Combine(again, ChartWriter.FolderName, file)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(charts, file))),
                file);
        }

        Assert.That(
            File.ReadAllBytes(Path.Combine(again, DistributionsCsv.FileName)),
            Is.EqualTo(File.ReadAllBytes(Path.Combine(_folder, DistributionsCsv.FileName))));
    }

    [Test]
    public void The_manifest_lists_the_new_files()
    {
        var manifest = ResultsWriter.TryReadManifest(_folder)!;
        var paths = manifest.Files.Select(f => f.Path).ToList();
        Assert.That(paths, Does.Contain(DistributionsCsv.FileName));
        Assert.That(paths, Does.Contain($"{NetworkFiles.FolderName}/track2-edges-2003-01-01.csv"));
        Assert.That(paths, Does.Contain($"{ChartWriter.FolderName}/distribution-AA.png"));
        Assert.That(ResultsFolder.Refusal(_folder, "tiny"), Is.Null, "a later run may write over the folder");
    }
}

using System.Globalization;
using System.Text;
using TrackSim.Experiments.Calibration;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The tables of docs/VALIDATION.md made from the India-Pakistan calibrations that
/// scripts/calibrate-india-pakistan.sh runs and copies into the repository (docs/validation/ and
/// data/targets/india-pakistan-posterior.csv): the posterior of the whole period and of 1984-2007,
/// and the fit of each on the targets after 2007. Run the tests with UPDATE_DOCS=1 to rewrite them
/// after running the script.
/// </summary>
public sealed class CalibrationTablesTests
{
    private const string DocFile = "docs/VALIDATION.md";

    [Test]
    public void The_posterior_table_is_that_of_the_calibrations() =>
        CheckBlock("posterior table", PosteriorTable());

    [Test]
    public void The_held_out_table_is_that_of_the_calibrations() =>
        CheckBlock("held-out table", HeldOutTable());

    [Test]
    public void The_held_out_calibration_fitted_only_targets_that_end_by_2007()
    {
        var targets = TargetsFile.Read(RepositoryFiles.PathOf("data/targets/india-pakistan-1984-2021.csv")).ToDictionary(t => t.Id);
        foreach (var row in Rows("docs/validation/fit-until-2007.csv"))
        {
            bool early = targets[row["target"]].LastDay is { } last && last <= new DateOnly(2007, 12, 1);
            Assert.That(row["used"], Is.EqualTo(early ? "fitted" : "held_out"), row["target"]);
        }
    }

    [Test]
    public void The_scenario_uses_the_central_values_of_the_posterior()
    {
        var loaded = TrackSim.Scenarios.Loading.ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/india-pakistan-1984-2021.yaml"));
        Assert.That(loaded.Errors, Is.Empty);
        var scenario = loaded.Scenario!;
        var rows = Rows("data/targets/india-pakistan-posterior.csv").Where(r => r["parameter"].StartsWith("parameters.", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(8));
        foreach (var row in rows)
        {
            string key = row["parameter"]["parameters.".Length..];
            double median = double.Parse(row["median"], CultureInfo.InvariantCulture);

            // Three significant figures: within half a unit of the third.
            double unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(median))) - 2);
            Assert.That(scenario.Parameters[key], Is.EqualTo(median).Within(unit / 2), row["parameter"]);
        }
    }

    private static string PosteriorTable()
    {
        var whole = Rows("data/targets/india-pakistan-posterior.csv");
        var early = Rows("docs/validation/posterior-until-2007.csv").ToDictionary(r => r["parameter"]);
        var table = new StringBuilder("| parameter | prior | whole period: median (5-95 %) | fitted on 1984-2007: median (5-95 %) |\n|---|---|---|---|\n");
        foreach (var r in whole)
        {
            var e = early[r["parameter"]];
            table.Append(CultureInfo.InvariantCulture, $"| `{r["parameter"]}` | {N(r["prior_low"])}-{N(r["prior_high"])} | {N(r["median"])} ({N(r["q05"])}-{N(r["q95"])}) | {N(e["median"])} ({N(e["q05"])}-{N(e["q95"])}) |\n");
        }

        return table.ToString();
    }

    private static string HeldOutTable()
    {
        var targets = TargetsFile.Read(RepositoryFiles.PathOf("data/targets/india-pakistan-1984-2021.csv")).ToDictionary(t => t.Id);
        var whole = Rows("docs/validation/fit-whole.csv");
        var early = Rows("docs/validation/fit-until-2007.csv");
        var late = early.Where(r => r["used"] == "held_out").Select(r => r["target"]).ToHashSet();
        string Family(string id) => targets[id].Kind switch
        {
            TargetKind.Favourable or TargetKind.Unfavourable => "survey levels",
            TargetKind.Level => "dialogue states",
            TargetKind.Agreement => "agreement dates",
            TargetKind.Resumption => "dialogue resumptions",
            TargetKind.Peak => "tension peaks",
            _ => "directions",
        };
        double Met(IEnumerable<Dictionary<string, string>> rows, string runs, IEnumerable<string> ids) =>
            rows.Where(r => r["runs"] == runs && ids.Contains(r["target"])).Average(r => double.Parse(r["met_share"], CultureInfo.InvariantCulture));
        var table = new StringBuilder("| targets after 2007 | count | fitted on 1984-2007: posterior draws | central values | fitted on the whole period: posterior draws | central values |\n|---|---|---|---|---|---|\n");
        var groups = late.GroupBy(Family).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Ids: g.ToList())).ToList();
        groups.Add(("all", [.. late]));
        foreach (var (family, ids) in groups)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {family} | {ids.Count} | {Met(early, "posterior", ids):0.00} | {Met(early, "central", ids):0.00} | {Met(whole, "posterior", ids):0.00} | {Met(whole, "central", ids):0.00} |\n");
        }

        return table.ToString();
    }

    private static string N(string text) => double.Parse(text, CultureInfo.InvariantCulture).ToString("G3", CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = RepositoryFiles.Read(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second))];
    }

    private static void CheckBlock(string name, string table) =>
        GeneratedDocBlock.Check(DocFile, name, "tests/TrackSim.Tests/Validation/CalibrationTablesTests.cs", table);
}

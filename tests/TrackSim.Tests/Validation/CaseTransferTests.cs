using System.Globalization;
using System.Text;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Outcomes;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// One parameter set for every case, the strongest claim the model can make: the shipped cases
/// run with the model parameters calibrated on India-Pakistan (the central values of
/// data/targets/india-pakistan-posterior.csv, set over each case's own values), against the same
/// cases as they ship. The test makes the table of docs/VALIDATION.md ("Held out: the other
/// cases"); run it with UPDATE_DOCS=1 to rewrite it.
/// </summary>
public sealed class CaseTransferTests
{
    private const string DocFile = "docs/VALIDATION.md";
    private const string PosteriorFile = "data/targets/india-pakistan-posterior.csv";

    /// <summary>The model parameters of the India-Pakistan posterior as --set overrides of their central values.</summary>
    internal static IReadOnlyList<Override> PosteriorOverrides() =>
        [.. RepositoryFiles.Read(PosteriorFile).Split('\n').Skip(1).Where(l => l.StartsWith("parameters.", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .Select(f => new Override(f[0], f[6]))];

    [Test]
    public void The_case_transfer_table_in_VALIDATION_md_is_that_of_the_runs()
    {
        var overrides = PosteriorOverrides();
        Assert.That(overrides, Is.Not.Empty, $"{PosteriorFile} holds model parameters");
        var table = new StringBuilder("| case | targets | met as shipped | met with the India-Pakistan posterior | targets met (shipped → India-Pakistan posterior) |\n|---|---|---|---|---|\n");
        foreach (string file in Directory.GetFiles(RepositoryFiles.PathOf("scenarios/cases"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var shipped = Shares(file, []);
            var transferred = Shares(file, overrides);
            string Met(IEnumerable<(string Key, double Share)> rows) => string.Join(", ", rows.Where(r => r.Share >= 0.5).Select(r => r.Key)) is { Length: > 0 } met ? met : "none";
            table.Append(CultureInfo.InvariantCulture, $"| `{Path.GetFileNameWithoutExtension(file)}` | {shipped.Count} | {shipped.Average(r => r.Share):0.00} | {transferred.Average(r => r.Share):0.00} | {Met(shipped)} → {Met(transferred)} |\n");
        }

        GeneratedDocBlock.Check(DocFile, "case transfer table", "tests/TrackSim.Tests/Validation/CaseTransferTests.cs", table.ToString());
    }

    /// <summary>Each agreement target of the case (agreement and date) with the share of its base runs within 12 months of it.</summary>
    private static List<(string Key, double Share)> Shares(string file, IReadOnlyList<Override> overrides)
    {
        var loaded = ScenarioLoader.LoadFile(file, overrides);
        Assert.That(loaded.Errors, Is.Empty, $"{file} with the India-Pakistan posterior");
        var ensemble = Ensemble.Run(loaded.Scenario!, new EnsembleOptions { Threads = 2, Variants = [TrackSim.Core.Domain.Scenario.BaseVariant] });
        return [.. AgreementTable.Targets(ensemble).Select(r => ($"{r.Agreement} {r.Target:yyyy-MM}", r.WithinShare))];
    }
}

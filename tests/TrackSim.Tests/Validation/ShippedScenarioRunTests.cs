using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>Every shipped scenario runs: a short ensemble of every variant, with every value finite.</summary>
public sealed class ShippedScenarioRunTests
{
    private static IEnumerable<string> Scenarios() =>
        RepositoryFiles.ShippedScenarios().Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'));

    [TestCaseSource(nameof(Scenarios))]
    public void Shipped_scenario_runs_every_variant_with_finite_values(string relativePath)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf(relativePath));
        Assert.That(loaded.Errors, Is.Empty);

        // A small public keeps the test short; the shipped size is exercised by the calibration tests.
        var scenario = loaded.Scenario! with { Citizens = loaded.Scenario!.Citizens with { PerState = Math.Min(loaded.Scenario.Citizens.PerState, 200) } };
        var result = Ensemble.Run(scenario, new EnsembleOptions { Threads = 2, Replicates = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Runs, Has.Length.EqualTo(2 * scenario.VariantNames.Count()));
            Assert.That(result.Runs.SelectMany(r => r.Series).SelectMany(s => s.Values).All(double.IsFinite), Is.True);
            Assert.That(result.Runs.All(r => r.Dates.Length == scenario.Calendar.StepCount + 1), Is.True);
        });
    }
}

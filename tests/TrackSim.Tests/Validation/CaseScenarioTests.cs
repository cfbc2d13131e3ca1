using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>The historical cases in scenarios/cases: every what-if variant changes something, so none is the base under another name.</summary>
public sealed class CaseScenarioTests
{
    private static IEnumerable<string> Cases() =>
        Directory.GetFiles(RepositoryFiles.PathOf("scenarios/cases"), "*.yaml").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Cases))]
    public void Every_variant_of_a_case_differs_from_its_base(string file)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf($"scenarios/cases/{file}"));
        Assert.That(loaded.Errors, Is.Empty);
        var scenario = loaded.Scenario! with { Citizens = loaded.Scenario!.Citizens with { PerState = 300 } };
        var result = Ensemble.Run(scenario, new EnsembleOptions { Threads = 2, Replicates = 2 });

        // Replicate r of every variant shares its random streams with the base's (common random
        // numbers), so a variant that changes nothing gives the base's values exactly.
        var runs = result.Runs.ToLookup(r => r.Variant);
        var base_ = runs[TrackSim.Core.Domain.Scenario.BaseVariant].ToArray();
        foreach (string variant in scenario.Variants.Select(v => v.Name))
        {
            bool differs = runs[variant].Zip(base_).Any(pair => pair.First.Series.Zip(pair.Second.Series).Any(s => !s.First.Values.SequenceEqual(s.Second.Values)));
            Assert.That(differs, Is.True, $"{file}: the variant {variant} runs exactly as the base");
        }
    }
}

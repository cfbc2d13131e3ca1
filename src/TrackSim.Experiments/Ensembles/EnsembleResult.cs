using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;

namespace TrackSim.Experiments.Ensembles;

/// <summary>The runs of an ensemble, ordered by variant (in the order run) and then replicate.</summary>
/// <param name="Scenario">The base scenario.</param>
/// <param name="Variants">Variant names in order (<c>base</c> first when run).</param>
/// <param name="Replicates">Replicates per variant.</param>
/// <param name="Seed">Master seed used.</param>
/// <param name="Runs">Every run, variant-major.</param>
public sealed record EnsembleResult(
    Scenario Scenario,
    ImmutableArray<string> Variants,
    int Replicates,
    ulong Seed,
    ImmutableArray<RunResult> Runs)
{
    /// <summary>The runs of one variant, by replicate.</summary>
    public IEnumerable<RunResult> RunsOf(string variant) => Runs.Where(r => r.Variant == variant);
}

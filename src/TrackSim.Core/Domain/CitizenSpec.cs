using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>The citizen layer: a sample of each state's public on a social network.</summary>
/// <param name="PerState">Number of simulated citizens per state.</param>
/// <param name="InitialTrust">Initial trust distribution per state id; states not named use <see cref="TrustDistribution.Default"/>.</param>
/// <param name="Network">The social network.</param>
/// <param name="SharedLanguage">Share of the initial population speaking a language shared across the border, in [0,1].</param>
/// <param name="Cohorts">Generational turnover.</param>
public sealed record CitizenSpec(
    int PerState,
    ImmutableSortedDictionary<string, TrustDistribution> InitialTrust,
    NetworkSpec Network,
    double SharedLanguage,
    CohortSpec Cohorts)
{
    /// <summary>The initial trust distribution of a state.</summary>
    public TrustDistribution TrustOf(string stateId) =>
        InitialTrust.TryGetValue(stateId, out var distribution) ? distribution : TrustDistribution.Default;
}

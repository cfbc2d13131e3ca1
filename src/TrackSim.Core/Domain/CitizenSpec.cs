using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>The citizen layer: a sample of each state's public on a social network.</summary>
/// <param name="PerState">Number of simulated citizens per state.</param>
/// <param name="InitialTrust">Initial trust distribution by state id (toward every actor the state relates to) or by directed pair <c>US&gt;CN</c> (the trust of one state's citizens toward one actor); those not named use <see cref="TrustDistribution.Default"/>.</param>
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
    /// <summary>The character that joins a directed pair: <c>US&gt;CN</c> is the trust of Americans toward China.</summary>
    public const char Toward = '>';

    /// <summary>The key of a directed pair: the holder's id, <see cref="Toward"/>, the target's id.</summary>
    public static string PairKey(string holder, string target) => $"{holder}{Toward}{target}";

    /// <summary>The initial trust distribution a state names for all its citizens' trust.</summary>
    public TrustDistribution TrustOf(string stateId) =>
        InitialTrust.TryGetValue(stateId, out var distribution) ? distribution : TrustDistribution.Default;

    /// <summary>
    /// The initial trust distribution of one state's citizens toward one actor: the directed
    /// pair's when the scenario names it, else the state's.
    /// </summary>
    public TrustDistribution TrustOf(string stateId, string targetId) =>
        InitialTrust.TryGetValue(PairKey(stateId, targetId), out var distribution) ? distribution : TrustOf(stateId);
}

namespace TrackSim.Core.Metrics;

/// <summary>
/// Every metric the engine records, at step 0 and after every step, in the order of the data
/// files. Names are fixed. Each metric is recorded by exactly one rule, which declares how to
/// read it from the world (see the rule files); this list is what the outputs know of it.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Tension between the two states.</summary>
    public static MetricDefinition Tension { get; } = new("tension", MetricLevel.Dyad, "0-1", "Tension", "Tension between the two states, from both postures and recent incidents.");

    /// <summary>Trust between the two governments.</summary>
    public static MetricDefinition OfficialTrust { get; } = new("official_trust", MetricLevel.Dyad, "0-1", "Official trust", "Trust between the two governments.");

    /// <summary>Whether the official dialogue is open.</summary>
    public static MetricDefinition DialogueOpen { get; } = new("dialogue_open", MetricLevel.Dyad, "0 or 1", "Official dialogue open", "1 while the official dialogue is open, 0 while suspended.");

    /// <summary>The lower of the two governments' readiness for talks.</summary>
    public static MetricDefinition Readiness { get; } = new("readiness", MetricLevel.Dyad, "0-1", "Readiness", "The lower of the two governments' readiness to negotiate (motivation times optimism).");

    /// <summary>Official agreements in force.</summary>
    public static MetricDefinition AgreementsInForce { get; } = new("agreements_in_force", MetricLevel.Dyad, "count", "Agreements in force", "Official agreements reached and not collapsed.");

    /// <summary>Incidents of the step.</summary>
    public static MetricDefinition Incidents { get; } = new("incidents", MetricLevel.Dyad, "count per step", "Incidents", "Endogenous incidents (ceasefire-violation-like) drawn in the step.");

    /// <summary>Stock of confidence-building measures.</summary>
    public static MetricDefinition CbmStock { get; } = new("cbm_stock", MetricLevel.Dyad, "CBM units", "Confidence-building measures", "Stock of confidence-building measures.");

    /// <summary>Functional links active.</summary>
    public static MetricDefinition FunctionalLinksActive { get; } = new("functional_links_active", MetricLevel.Dyad, "count", "Active functional links", "Functional links that exist and are not suspended.");

    /// <summary>Mean citizen trust.</summary>
    public static MetricDefinition PublicTrust { get; } = new("public_trust", MetricLevel.PublicPair, "0-1", "Public trust", "Mean citizen trust toward another actor: subject US>CN for Americans' trust in China, subject US for their trust toward every actor they relate to (the mean over those actors).");

    /// <summary>SD of citizen trust.</summary>
    public static MetricDefinition Polarization { get; } = new("polarization", MetricLevel.Public, "0-0.5", "Polarization", "Standard deviation of citizen trust (the mean over the actors the state relates to).");

    /// <summary>Share of hostile citizens.</summary>
    public static MetricDefinition HostileShare { get; } = new("hostile_share", MetricLevel.Public, "0-1", "Hostile share", "Share of citizens with trust below 0.25 (the mean over the actors the state relates to).");

    /// <summary>Hostile posture of a state.</summary>
    public static MetricDefinition Posture { get; } = new("posture", MetricLevel.State, "posture units", "Hostile posture", "The state's Richardson hostile posture.");

    /// <summary>A government's motivation to end the conflict.</summary>
    public static MetricDefinition Motivation { get; } = new("motivation", MetricLevel.State, "0-1", "Motivation", "The government's motivation to end the conflict (cost of conflict, hurting stalemate, a peace constituency), mean over its dyads.");

    /// <summary>A government's optimism about an agreement.</summary>
    public static MetricDefinition Optimism { get; } = new("optimism", MetricLevel.State, "0-1", "Optimism", "The government's optimism that an acceptable agreement exists (official trust, working trust through Track II), mean over its dyads.");

    /// <summary>Cross-side trust among participants.</summary>
    public static MetricDefinition Track2Trust { get; } = new("track2_trust", MetricLevel.Initiative, "0-1", "Track II trust", "Mean cross-side interpersonal trust among participants.");

    /// <summary>Share of topics agreed.</summary>
    public static MetricDefinition Track2Agreement { get; } = new("track2_agreement", MetricLevel.Initiative, "0-1", "Track II agreement", "Share of topics on which the sides agree.");

    /// <summary>Meetings held so far.</summary>
    public static MetricDefinition MeetingsHeld { get; } = new("meetings_held", MetricLevel.Initiative, "cumulative count", "Meetings held", "Meetings held so far.");

    /// <summary>Recommendations adopted so far.</summary>
    public static MetricDefinition RecommendationsAdopted { get; } = new("recommendations_adopted", MetricLevel.Initiative, "cumulative count", "Recommendations adopted", "Joint recommendations adopted by Track I so far.");

    /// <summary>The sides' trust in a third party.</summary>
    public static MetricDefinition ThirdPartyTrust { get; } = new("third_party_trust", MetricLevel.ThirdParty, "0-1", "Trust in third parties", "Trust of the sides' governments and participants in a third party: subject NO is the states' mean trust in third party NO, subject CO>NO the trust of state CO in it.");

    /// <summary>All metrics in the order of the data files and the docs.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Tension, OfficialTrust, DialogueOpen, Readiness, AgreementsInForce, Incidents, CbmStock, FunctionalLinksActive,
        PublicTrust, Polarization, HostileShare, Posture, Motivation, Optimism,
        Track2Trust, Track2Agreement, MeetingsHeld, RecommendationsAdopted,
        ThirdPartyTrust,
    ];

    /// <summary>The metric with the given name, or null.</summary>
    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}

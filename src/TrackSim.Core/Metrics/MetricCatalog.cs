namespace TrackSim.Core.Metrics;

/// <summary>Every metric the engine records, at step 0 and after every step. Names are fixed.</summary>
public static class MetricCatalog
{
    /// <summary>All metrics in documentation order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("tension", MetricLevel.Dyad, "0-1", "Tension", "Tension between the two states, from both postures and recent incidents."),
        new("official_trust", MetricLevel.Dyad, "0-1", "Official trust", "Trust between the two governments."),
        new("dialogue_open", MetricLevel.Dyad, "0 or 1", "Official dialogue open", "1 while the official dialogue is open, 0 while suspended."),
        new("incidents", MetricLevel.Dyad, "count per step", "Incidents", "Endogenous incidents (ceasefire-violation-like) drawn in the step."),
        new("cbm_stock", MetricLevel.Dyad, "CBM units", "Confidence-building measures", "Stock of confidence-building measures."),
        new("functional_links_active", MetricLevel.Dyad, "count", "Active functional links", "Functional links that exist and are not suspended."),
        new("public_trust", MetricLevel.State, "0-1", "Public trust", "Mean citizen trust in the other state (in the others' mean where there are several)."),
        new("polarization", MetricLevel.State, "0-0.5", "Polarization", "Standard deviation of citizen trust."),
        new("hostile_share", MetricLevel.State, "0-1", "Hostile share", "Share of citizens with trust below 0.25."),
        new("posture", MetricLevel.State, "posture units", "Hostile posture", "The state's Richardson hostile posture."),
        new("track2_trust", MetricLevel.Initiative, "0-1", "Track II trust", "Mean cross-side interpersonal trust among participants."),
        new("track2_agreement", MetricLevel.Initiative, "0-1", "Track II agreement", "Share of topics on which the sides agree."),
        new("meetings_held", MetricLevel.Initiative, "cumulative count", "Meetings held", "Meetings held so far."),
        new("recommendations_adopted", MetricLevel.Initiative, "cumulative count", "Recommendations adopted", "Joint recommendations adopted by Track I so far."),
    ];

    /// <summary>The metric with the given name, or null.</summary>
    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}

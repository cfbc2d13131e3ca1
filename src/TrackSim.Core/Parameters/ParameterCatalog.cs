using System.Collections.Frozen;

namespace TrackSim.Core.Parameters;

/// <summary>
/// Every model parameter, grouped by mechanism. This list is the single source for defaults,
/// ranges and units: the scenario schema, the validation and the docs are built from it.
/// Rates are per year and converted to the scenario's step length by the engine.
/// </summary>
public static class ParameterCatalog
{
    /// <summary>All parameter definitions in documentation order.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        // ST-POSTURE: Richardson arms-race dynamics of hostile posture.
        new("posture", "fear", 0.3, 0, 5, "1/year", "Growth of a state's posture per unit of the other's posture (Richardson's a, b)."),
        new("posture", "restraint", 0.8, 0, 5, "1/year", "Decay of a state's own posture (Richardson's m, n)."),
        new("posture", "grievance", 0.05, 0, 5, "posture/year", "Standing grievance that pushes posture up (Richardson's r, s)."),
        new("posture", "event_grievance", 1.0, 0, 10, "posture/year per severity", "Grievance added by a hostile event of severity 1 against the state."),
        new("posture", "grievance_half_life", 1.0, 0.05, 50, "years", "Half-life of the memory of event grievances."),
        new("posture", "audience_pressure", 0.3, 0, 5, "posture/year", "Domestic audience pressure from a fully hostile public, scaled by sensitivity and hawkishness."),
        new("posture", "cbm_restraint", 0.3, 0, 5, "1/year per CBM", "Restraint added per unit of confidence-building-measure stock."),
        new("posture", "interdependence_restraint", 0.3, 0, 5, "1/year per link strength", "Restraint added per unit of active functional-link strength."),
        new("posture", "dialogue_restraint", 0.3, 0, 5, "1/year", "Restraint added by an open official dialogue, scaled by official trust."),
        new("posture", "max", 10, 0.1, 1000, "posture", "Saturation level of posture (runaway arms races stop here)."),

        // ST-TENSION: tension from postures and recent incidents.
        new("tension", "posture_scale", 1.0, 0.01, 100, "posture", "Combined posture at which the posture part of tension reaches 1 - 1/e."),
        new("tension", "incident_weight", 0.005, 0, 1, "tension per incident", "Tension added per remembered incident."),
        new("tension", "incident_half_life", 0.25, 0.01, 10, "years", "Half-life of the memory of incidents in tension."),

        // ST-INCIDENTS: endogenous incidents (ceasefire violations).
        new("incidents", "base_rate", 1.0, 0, 1000, "incidents/year", "Incident rate at zero tension."),
        new("incidents", "tension_rate", 20, 0, 10000, "incidents/year", "Additional incident rate at tension 1."),
        new("incidents", "tension_exponent", 2.0, 0.1, 10, "1", "Curvature of the incident rate in tension."),
        new("incidents", "grievance", 0.002, 0, 1, "posture/year per incident", "Grievance each incident adds to both states' grievance toward the other."),

        // ST-TRUST: official trust.
        new("trust", "dialogue_gain", 0.1, 0, 5, "1/year", "Growth of official trust toward 1 while the dialogue is open."),
        new("trust", "decay", 0.05, 0, 5, "1/year", "Drift of official trust toward its baseline, at all times (an open dialogue adds its own growth)."),
        new("trust", "baseline", 0.2, 0, 1, "trust", "Official trust level without dialogue or crises."),
        new("trust", "crisis_loss", 0.3, 0, 1, "trust per severity", "Share of official trust lost to a hostile event of severity 1."),
        new("trust", "cooperation_gain", 0.1, 0, 1, "trust per severity", "Share of the gap to 1 closed by a cooperative event of severity 1."),
        new("trust", "track2_gain", 0.03, 0, 1, "trust per recommendation", "Share of the gap to 1 closed by an adopted Track II recommendation."),

        // ST-DIALOGUE: suspension and resumption of official dialogue.
        new("dialogue", "suspend_severity", 0.7, 0, 1, "severity", "Hostile events at least this severe suspend the dialogue of their actors."),
        new("dialogue", "resume_tension", 0.5, 0, 1, "tension", "Tension below which the dialogue can resume."),
        new("dialogue", "resume_delay", 1.5, 0, 50, "years", "Time tension must stay below the resumption level before the dialogue resumes."),
        new("dialogue", "preparation_effect", 0.5, 0, 1, "1", "Largest share of the resumption delay that Track II preparation removes."),
        new("dialogue", "preparation_per_meeting", 0.3, 0, 5, "1 per meeting", "Preparation added by each Track II meeting held while the dialogue is suspended (preparation = 1 - exp(-this x meetings))."),

        // CIT-INFLUENCE: bounded-confidence social influence (Deffuant).
        new("influence", "rate", 2, 0, 365, "interactions/year", "Interactions of each citizen with a neighbour per year."),
        new("influence", "noise", 0.1, 0, 1, "trust/sqrt(year)", "Spread of idiosyncratic changes in a citizen's trust: the SD of a year's noise (per step, this times the square root of the step in years)."),
        new("influence", "convergence", 0.3, 0, 0.5, "1", "Share of the opinion gap closed in an interaction within the confidence bound (Deffuant's mu)."),

        // CIT-MEDIA: media effect of events with a negativity bias.
        new("media", "effect", 0.1, 0, 1, "trust per severity", "Trust change of a fully exposed citizen from a cooperative event of severity 1."),
        new("media", "negativity_bias", 2.0, 1, 10, "1", "How much more a hostile event moves trust than a cooperative one of equal severity."),
        new("media", "exposure", 0.6, 0, 1, "1", "Mean media exposure of citizens."),
        new("media", "half_life", 2.0, 0.05, 1000, "years", "Half-life of a media shock: the coverage of an event fades and its effect on trust with it (a large value makes shocks permanent)."),

        // CIT-CONTACT: contact hypothesis (Allport; Pettigrew and Tropp).
        new("contact", "rate", 0.5, 0, 365, "contacts/year", "Cross-border contacts per year per unit of active functional-link strength or per cross-border tie."),
        new("contact", "effect", 0.02, 0, 1, "trust per contact", "Trust gained from one positive contact under ideal conditions."),
        new("contact", "negative_share", 0.15, 0, 1, "1", "Share of contacts that are negative and lower trust."),
        new("contact", "equal_status", 0.6, 0, 1, "1", "Allport's condition: equal status in the contact situation."),
        new("contact", "common_goals", 0.6, 0, 1, "1", "Allport's condition: common goals."),
        new("contact", "cooperation", 0.6, 0, 1, "1", "Allport's condition: intergroup cooperation."),
        new("contact", "institutional_support", 0.6, 0, 1, "1", "Allport's condition: support of authorities, law or custom."),

        // T2-OUTREACH: participants with public reach move citizens.
        new("outreach", "effect", 0.05, 0, 1, "trust per year", "Yearly trust change of a citizen who hears a participant of full reach and full trust."),

        // T2-MEET: meetings of Track II initiatives.
        new("track2", "tension_sensitivity", 3.0, 0, 20, "1", "How fast the chance of a meeting falls with tension."),
        new("track2", "suspension_penalty", 0.6, 0, 1, "1", "Drop in the chance of a meeting while official dialogue is suspended."),
        new("track2", "initial_trust", 0.2, 0, 1, "trust", "Cross-side interpersonal trust among participants before their first meeting."),
        new("track2", "contact_gain", 0.15, 0, 1, "trust per meeting", "Share of the gap to 1 in cross-side interpersonal trust closed by one meeting."),
        new("track2", "trust_decay", 0.1, 0, 5, "1/year", "Drift of interpersonal trust back toward its initial level between meetings."),
        new("track2", "convergence", 0.3, 0, 0.5, "1", "Share of the position gap closed per meeting within the bound."),
        new("track2", "position_bound", 0.5, 0, 1, "position", "Position gap across which a participant still listens to another; interpersonal trust t widens it to bound x (1 + t) and weights the pull."),
        new("track2", "agreement_distance", 0.1, 0, 1, "position", "Gap between the sides' mean positions below which a topic yields a joint recommendation."),
        new("track2", "alignment_scale", 1.0, 0, 2, "1", "Multiplier on every participant's alignment (capped at 1)."),
        new("track2", "anchor_strength", 0.1, 0, 1, "1 per meeting", "Weight of the own government's position on a core topic after a meeting, per unit of alignment (Friedkin-Johnsen stubbornness = alignment x this)."),

        // T2-TRANSFER: recommendations reaching Track I.
        new("transfer", "base", 0.5, 0, 1, "probability", "Chance that a recommendation from participants of full access reaches a fully receptive government."),
        new("transfer", "tension_penalty", 0.8, 0, 1, "1", "Drop in receptivity at tension 1."),
        new("transfer", "hostility_penalty", 0.5, 0, 1, "1", "Drop in receptivity with a fully hostile public."),
        new("transfer", "cbm_per_adoption", 0.2, 0, 5, "CBM", "Confidence-building-measure stock added per adopted recommendation."),
        new("transfer", "cbm_half_life", 5.0, 0.1, 100, "years", "Half-life of the confidence-building-measure stock."),

        // FN-GROWTH, FN-SPILLOVER, FN-SUSPEND: functional links.
        new("functional", "growth", 0.05, 0, 5, "1/year", "Growth of an active link's strength toward 1."),
        new("functional", "spillover", 0.05, 0, 5, "links/year per strength", "Rate at which an active link creates a link in a neighbouring sector."),
        new("functional", "spillover_threshold", 0.6, 0, 1, "tension", "Suspension threshold of links created by spillover."),
        new("functional", "spillover_strength", 0.1, 0, 1, "strength", "Initial strength of links created by spillover."),
        new("functional", "resume_margin", 0.05, 0, 0.5, "tension", "A suspended link resumes when tension falls this far below its threshold."),

        // CIT-TURNOVER is configured under citizens.cohorts; the engine scales it per step.
    ];

    private static readonly FrozenDictionary<string, ParameterDefinition> ByKey =
        All.ToFrozenDictionary(p => p.Key, StringComparer.Ordinal);

    /// <summary>The group names in documentation order.</summary>
    public static IReadOnlyList<string> Groups { get; } = All.Select(p => p.Group).Distinct().ToArray();

    /// <summary>The definition with the dotted key <c>group.name</c>, or null.</summary>
    public static ParameterDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The definitions of one group, in documentation order.</summary>
    public static IEnumerable<ParameterDefinition> InGroup(string group) => All.Where(p => p.Group == group);
}

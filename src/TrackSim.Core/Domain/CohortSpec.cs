namespace TrackSim.Core.Domain;

/// <summary>Generational turnover: who the new cohorts are (the rate is the parameter <c>turnover.rate</c>).</summary>
/// <param name="SharedLanguage">Share of a new cohort that speaks a language shared across the border, in [0,1].</param>
/// <param name="CrossBorderTies">Cross-border ties of a new citizen relative to the one replaced, in [0,1].</param>
public sealed record CohortSpec(double SharedLanguage, double CrossBorderTies);

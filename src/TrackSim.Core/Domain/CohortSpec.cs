namespace TrackSim.Core.Domain;

/// <summary>Generational turnover: new cohorts replace citizens at a yearly rate.</summary>
/// <param name="Turnover">Share of citizens replaced by a new cohort per year, in [0,0.2].</param>
/// <param name="SharedLanguage">Share of a new cohort that speaks a language shared across the border, in [0,1].</param>
/// <param name="CrossBorderTies">Cross-border ties of a new citizen relative to the one replaced, in [0,1].</param>
public sealed record CohortSpec(double Turnover, double SharedLanguage, double CrossBorderTies);

namespace TrackSim.Core.Domain;

/// <summary>A functional (technical) cooperation link between two states, in Mitrany's sense.</summary>
/// <param name="Id">Unique id among all links of the scenario.</param>
/// <param name="Sector">Sector the link belongs to; spillover reaches neighbouring sectors.</param>
/// <param name="Strength">Initial strength in [0,1].</param>
/// <param name="Threshold">Tension in [0,1] above which the link is suspended.</param>
/// <param name="ActiveFrom">Date from which the link exists; null means from the start of the run.</param>
public sealed record FunctionalLinkSpec(
    string Id,
    Sector Sector,
    double Strength,
    double Threshold,
    DateOnly? ActiveFrom);

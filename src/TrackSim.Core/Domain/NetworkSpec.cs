namespace TrackSim.Core.Domain;

/// <summary>Parameters of the generated social network of citizens.</summary>
/// <param name="Kind">How the network is generated.</param>
/// <param name="MeanDegree">Mean number of ties per citizen (even for small worlds).</param>
/// <param name="Rewiring">Watts-Strogatz rewiring probability in [0,1].</param>
/// <param name="CrossBorderShare">Share of each citizen's ties that cross the border, in [0,1].</param>
public sealed record NetworkSpec(NetworkKind Kind, int MeanDegree, double Rewiring, double CrossBorderShare);

namespace TrackSim.Core.Domain;

/// <summary>How many replicates to run and from which master seed.</summary>
/// <param name="Replicates">Number of replicates per variant, at least 1.</param>
/// <param name="Seed">Master seed; every random stream derives from it.</param>
public sealed record EnsembleSpec(int Replicates, ulong Seed);

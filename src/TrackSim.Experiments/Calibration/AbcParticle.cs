using System.Collections.Immutable;

namespace TrackSim.Experiments.Calibration;

/// <summary>One accepted particle of an ABC-SMC generation.</summary>
/// <param name="Proposal">The index of the proposal that produced it in its generation (its randomness is keyed by it).</param>
/// <param name="Parameters">Its values, in the order of the priors.</param>
/// <param name="Weight">Its importance weight, normalised so a generation's weights sum to 1.</param>
/// <param name="Distance">The distance its simulation returned, at most the generation's tolerance.</param>
public sealed record AbcParticle(long Proposal, ImmutableArray<double> Parameters, double Weight, double Distance);

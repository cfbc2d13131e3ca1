namespace TrackSim.Experiments.Calibration;

/// <summary>How the generation under way stands, reported after each batch of simulations.</summary>
/// <param name="Generation">The generation's index (0 for the draws from the prior).</param>
/// <param name="Tolerance">Its tolerance.</param>
/// <param name="Accepted">Particles accepted so far.</param>
/// <param name="Population">Particles it needs.</param>
/// <param name="Simulations">Simulations it has run.</param>
public readonly record struct AbcProgress(int Generation, double Tolerance, int Accepted, int Population, long Simulations);

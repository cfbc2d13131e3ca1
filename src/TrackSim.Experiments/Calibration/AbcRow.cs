namespace TrackSim.Experiments.Calibration;

/// <summary>One value of one particle, the unit of a tidy table of an ABC-SMC run (one row per generation, particle and parameter).</summary>
/// <param name="Generation">The generation.</param>
/// <param name="Particle">The particle's position in its generation.</param>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Value">The particle's value of it.</param>
/// <param name="Weight">The particle's normalised weight.</param>
/// <param name="Distance">The particle's distance.</param>
/// <param name="Tolerance">The generation's tolerance.</param>
public sealed record AbcRow(int Generation, int Particle, string Parameter, double Value, double Weight, double Distance, double Tolerance);

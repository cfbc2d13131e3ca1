namespace TrackSim.Experiments.Calibration;

/// <summary>
/// The model as ABC sees it: simulates with <paramref name="parameters"/> (in the order of the
/// priors) and the randomness of <paramref name="seed"/>, and returns the distance of the
/// simulated data to the observed data. The same arguments must give the same distance, and the
/// delegate must be safe to call from several threads at once when the sampler runs with more
/// than one. A distance of <see cref="double.PositiveInfinity"/> is a simulation that matches
/// nothing (it is never accepted); NaN and negative distances are refused.
/// </summary>
/// <param name="parameters">The proposed values, one per prior; the array is the callee's to keep.</param>
/// <param name="seed">The seed of this simulation's randomness.</param>
public delegate double AbcSimulator(double[] parameters, ulong seed);

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// The first- and total-order Sobol' indices of one parameter with 95 % percentile bootstrap
/// intervals. Estimates are reported as computed: sampling error can put an index slightly
/// below 0 or above 1, and clipping it would hide how uncertain it is.
/// </summary>
/// <param name="Path">The parameter's scenario path.</param>
/// <param name="S1">The first-order index: the share of the output variance the parameter explains alone (Saltelli et al. 2010 estimator).</param>
/// <param name="S1Low">The lower end of the 95 % interval of <see cref="S1"/>.</param>
/// <param name="S1High">The upper end of the 95 % interval of <see cref="S1"/>.</param>
/// <param name="ST">The total-order index: the share including every interaction the parameter takes part in (Jansen 1999 estimator).</param>
/// <param name="STLow">The lower end of the 95 % interval of <see cref="ST"/>.</param>
/// <param name="STHigh">The upper end of the 95 % interval of <see cref="ST"/>.</param>
public sealed record SobolResult(
    string Path,
    double S1,
    double S1Low,
    double S1High,
    double ST,
    double STLow,
    double STHigh);

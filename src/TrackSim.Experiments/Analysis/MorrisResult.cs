namespace TrackSim.Experiments.Analysis;

/// <summary>
/// The Morris screening measures of one parameter. Elementary effects are scaled to the
/// parameter's range: an effect is the change in the output per full range of the parameter
/// (<c>(y(x + delta e_i) - y(x)) / delta</c> with delta a share of the range), so the measures of
/// parameters with different units compare directly; a linear output <c>y = b x_i</c> gives
/// <c>mu* = |b| (High - Low)</c>.
/// </summary>
/// <param name="Path">The parameter's scenario path.</param>
/// <param name="Mu">The mean elementary effect (Morris 1991); effects of opposite signs cancel in it.</param>
/// <param name="MuStar">The mean absolute elementary effect (Campolongo, Cariboni and Saltelli 2007): the overall importance.</param>
/// <param name="MuStarLow">The lower end of a 95 % percentile bootstrap interval of <see cref="MuStar"/>, resampling trajectories.</param>
/// <param name="MuStarHigh">The upper end of that interval.</param>
/// <param name="Sigma">The standard deviation of the elementary effects (n - 1 denominator; Morris 1991): non-linearity or interaction with other parameters.</param>
/// <param name="Trajectories">The number of elementary effects the measures rest on (one per trajectory).</param>
public sealed record MorrisResult(
    string Path,
    double Mu,
    double MuStar,
    double MuStarLow,
    double MuStarHigh,
    double Sigma,
    int Trajectories);

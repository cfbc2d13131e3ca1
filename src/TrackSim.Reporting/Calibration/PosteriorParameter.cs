using System.Collections.Immutable;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// One calibrated parameter of a weighted posterior sample (the final generation of an ABC-SMC
/// run): its uniform prior's range and the value of every particle. Particle i has the value
/// <c>Values[i]</c> of every parameter of a sample and the weight <c>weights[i]</c> shared by them.
/// </summary>
/// <param name="Key">The parameter's name (its path as for <c>--set</c>), the panel's title.</param>
/// <param name="Unit">Its unit (for example <c>1/year</c>, <c>0–1</c>), or empty for none.</param>
/// <param name="PriorLow">The low bound of its uniform prior: the left end of its axis.</param>
/// <param name="PriorHigh">The high bound of its uniform prior, above <paramref name="PriorLow"/>: the right end of its axis.</param>
/// <param name="Values">The particles' values, each within the prior's range.</param>
public sealed record PosteriorParameter(string Key, string Unit, double PriorLow, double PriorHigh, ImmutableArray<double> Values)
{
    /// <summary>The axis label: the key and, when there is one, the unit in brackets.</summary>
    public string Label => Unit.Length == 0 ? Key : $"{Key} ({Unit})";

    /// <summary>The prior's density on its range, 1 / (high - low).</summary>
    public double PriorDensity => 1 / (PriorHigh - PriorLow);
}

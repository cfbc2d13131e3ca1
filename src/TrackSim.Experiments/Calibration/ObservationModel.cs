using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// How a survey answer is read off the model's citizens. A citizen answers "unfavourable" when
/// their trust toward the other actor is below <see cref="UnfavourableCut"/> and "favourable" when
/// it is above <see cref="FavourableCut"/> (the unfavourable cut plus <see cref="NeutralBand"/>);
/// in between they answer neither (Pew's "don't know" and neutral answers). The model records the
/// mean μ and the standard deviation σ of its citizens' trust, and the shares are those of a normal
/// distribution with that mean and spread: unfavourable Φ((u - μ) / σ), favourable
/// 1 - Φ((u + b - μ) / σ). Both cuts are parameters of the observation, not of the model: they are
/// calibrated with it (as <c>observation.unfavourable_cut</c> and <c>observation.neutral_band</c>)
/// and never change a run.
/// </summary>
/// <param name="UnfavourableCut">The trust below which a citizen answers unfavourable.</param>
/// <param name="NeutralBand">The width of the band of trust above it in which a citizen answers neither.</param>
public sealed record ObservationModel(double UnfavourableCut, double NeutralBand)
{
    /// <summary>The prefix of the observation parameters' names.</summary>
    public const string Prefix = "observation.";

    /// <summary>The unfavourable cut's name as a calibrated parameter.</summary>
    public const string UnfavourableCutName = Prefix + "unfavourable_cut";

    /// <summary>The neutral band's name as a calibrated parameter.</summary>
    public const string NeutralBandName = Prefix + "neutral_band";

    /// <summary>
    /// The values used when the cuts are not calibrated: 0.25, the model's own line for a hostile
    /// citizen (the metric hostile_share), and a band of 0.25, so favourable means trust above one half.
    /// </summary>
    public static ObservationModel Default { get; } = new(0.25, 0.25);

    /// <summary>The observation parameters with the widest ranges they may take (the priors a calibration draws from unless told otherwise).</summary>
    public static ImmutableArray<UniformPrior> Ranges { get; } =
    [
        new(UnfavourableCutName, 0.05, 0.6),
        new(NeutralBandName, 0, 0.4),
    ];

    /// <summary>The trust above which a citizen answers favourable.</summary>
    public double FavourableCut => UnfavourableCut + NeutralBand;

    /// <summary>Whether <paramref name="name"/> is an observation parameter.</summary>
    public static bool IsObservation(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>This model with the parameter <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No observation parameter of that name.</exception>
    public ObservationModel With(string name, double value) => name switch
    {
        UnfavourableCutName => this with { UnfavourableCut = value },
        NeutralBandName => this with { NeutralBand = value },
        _ => throw new ArgumentException($"There is no observation parameter '{name}'; there are {string.Join(" and ", Ranges.Select(r => r.Name))}.", nameof(name)),
    };

    /// <summary>The share answering favourable when trust has mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    public double Favourable(double mean, double sd) => 1 - Below(FavourableCut, mean, sd);

    /// <summary>The share answering unfavourable when trust has mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    public double Unfavourable(double mean, double sd) => Below(UnfavourableCut, mean, sd);

    // With no spread every citizen holds the mean: all of them are below the cut or none is.
    private static double Below(double cut, double mean, double sd) =>
        sd > 0 ? Normal.CDF(mean, sd, cut) : mean < cut ? 1 : 0;
}

namespace TrackSim.Core.Domain;

/// <summary>
/// Initial distribution of citizens' trust in the other nation: a Beta distribution on [0,1]
/// given by its mean and standard deviation (the SD must be below <c>sqrt(mean (1 - mean))</c>).
/// </summary>
/// <param name="Mean">Mean trust in (0,1).</param>
/// <param name="Sd">Standard deviation, greater than 0.</param>
public sealed record TrustDistribution(double Mean, double Sd)
{
    /// <summary>The distribution used for a state the scenario does not name.</summary>
    public static TrustDistribution Default { get; } = new(0.5, 0.15);

    /// <summary>Largest standard deviation a Beta distribution with this mean can have.</summary>
    public static double MaxSd(double mean) => Math.Sqrt(mean * (1 - mean));

    /// <summary>The Beta shape parameters (alpha, beta) with this mean and SD.</summary>
    public (double Alpha, double Beta) BetaShape()
    {
        double common = (Mean * (1 - Mean) / (Sd * Sd)) - 1;
        return (Mean * common, (1 - Mean) * common);
    }
}

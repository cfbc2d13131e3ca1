using TrackSim.Core.Domain;

namespace TrackSim.Core.Citizens;

/// <summary>
/// Draws from a Beta distribution given by its mean and standard deviation, without
/// allocating: <c>X / (X + Y)</c> with <c>X ~ Gamma(alpha)</c>, <c>Y ~ Gamma(beta)</c>, each from
/// the Marsaglia and Tsang (2000) squeeze method. The gammas are kept as logarithms, so very
/// small shapes (a standard deviation close to the largest a Beta allows) give values near 0
/// or 1 instead of 0/0.
/// </summary>
internal static class BetaSampler
{
    /// <summary>Means are kept this far inside (0, 1), so a state whose public is all at one end still has a proper distribution.</summary>
    public const double MeanMargin = 1e-4;

    /// <summary>Standard deviations are capped at this share of the largest a Beta with the mean allows.</summary>
    public const double MaxSdShare = 0.99;

    /// <summary>A draw with the given mean and SD; the mean is kept inside (0,1) and the SD capped (see the constants).</summary>
    public static double Sample(ref CounterStream stream, double mean, double sd)
    {
        var (alpha, beta) = Shape(mean, sd);
        if (double.IsPositiveInfinity(alpha))
        {
            return Math.Clamp(mean, 0.0, 1.0);
        }

        double logX = LogGamma(ref stream, alpha);
        double logY = LogGamma(ref stream, beta);
        return 1.0 / (1.0 + Math.Exp(logY - logX));
    }

    /// <summary>
    /// The Beta shapes for a mean and SD after clamping; infinite shapes when the SD is (nearly)
    /// zero, meaning every draw is the mean.
    /// </summary>
    public static (double Alpha, double Beta) Shape(double mean, double sd)
    {
        double m = Math.Clamp(double.IsNaN(mean) ? 0.5 : mean, MeanMargin, 1 - MeanMargin);
        double s = Math.Min(double.IsNaN(sd) ? 0.0 : sd, MaxSdShare * TrustDistribution.MaxSd(m));
        if (s <= 1e-9)
        {
            return (double.PositiveInfinity, double.PositiveInfinity);
        }

        // The same shapes as TrustDistribution.BetaShape, without creating a record per draw.
        double common = (m * (1 - m) / (s * s)) - 1;
        return (m * common, (1 - m) * common);
    }

    /// <summary>The logarithm of a Gamma(shape, 1) draw.</summary>
    private static double LogGamma(ref CounterStream stream, double shape)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) * U^(1/a) (Marsaglia and Tsang, section 6).
            return LogGamma(ref stream, shape + 1) + (Math.Log(stream.NextOpenDouble()) / shape);
        }

        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = stream.NextNormal();
            double v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = stream.NextOpenDouble();
            double x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return Math.Log(d * v);
            }
        }
    }
}

using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-NOISE: idiosyncratic experience. Each step every citizen's trust moves by an independent
/// uniform draw with mean 0 and standard deviation <c>sigma · 2 sqrt(x (1 - x))</c>, clamped to
/// [0,1]: full <c>sigma</c> at 0.5, vanishing at 0 and 1, so the noise spreads opinions without
/// pushing the mean toward one half (noise of fixed size on a bounded scale would, through the clamp). Without it, bounded
/// confidence drives a public to a handful of tight clusters within a few years; with it,
/// opinions keep the spread that surveys show (Pineda, Toral and Hernández-García 2009, "Noisy
/// continuous-opinion dynamics", Journal of Statistical Mechanics P08001).
/// </summary>
/// <remarks>
/// The draw for citizen <c>i</c> in step <c>k</c> is <c>(2 u - 1) sqrt(3) sigma</c> with
/// <c>u = ToUnit(Combine(Combine(seed, k), i))</c>, times <c>2 sqrt(x (1 - x))</c>: uniform with the requested SD, one hash per
/// citizen (a normal deviate would cost a logarithm and a cosine each), and independent of the
/// order in which citizens are visited.
/// </remarks>
public static class OpinionNoise
{
    /// <summary>Adds this step's noise to every citizen's trust.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="sigma">Standard deviation of the step's change, at least 0.</param>
    /// <param name="seed">Seed of the noise stream.</param>
    /// <param name="step">The step number.</param>
    public static void Apply(CitizenPopulation population, double sigma, ulong seed, int step)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequireNonNegative(sigma, nameof(sigma));
        if (sigma == 0)
        {
            return;
        }

        float[] trust = population.Trust;
        ulong key = StableHash.Combine(seed, (ulong)step);
        double width = 2 * Math.Sqrt(3) * sigma;
        for (int i = 0; i < trust.Length && i < population.Count; i++)
        {
            double u = StableHash.ToUnit(StableHash.Combine(key, (ulong)i));
            float x = trust[i];
            trust[i] = Math.Clamp(x + (float)((u - 0.5) * width * 2 * Math.Sqrt(x * (1 - x))), 0f, 1f);
        }
    }
}

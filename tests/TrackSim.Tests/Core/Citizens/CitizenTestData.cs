using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>Small helpers to set up citizens for the rule tests.</summary>
internal static class CitizenTestData
{
    /// <summary>A population with the given trust values (in order) and no flags, exposure 1.</summary>
    public static CitizenPopulation WithTrust(int perState, params float[] trust)
    {
        var population = new CitizenPopulation(perState, trust.Length / perState);
        trust.CopyTo(population.Trust, 0);
        population.Exposure.AsSpan().Fill(1f);
        return population;
    }

    /// <summary>A population with uniform trust in [0,1).</summary>
    public static CitizenPopulation Uniform(int perState, int stateCount, ulong seed)
    {
        var population = new CitizenPopulation(perState, stateCount);
        var rng = new Xoshiro256(seed);
        for (int i = 0; i < population.Count; i++)
        {
            population.Trust[i] = (float)rng.NextDouble();
        }

        return population;
    }

    /// <summary>Sets or clears a trait.</summary>
    public static void Set(this CitizenPopulation population, int citizen, CitizenTraits trait, bool on = true)
    {
        population.Flags[citizen] = on
            ? (byte)(population.Flags[citizen] | (byte)trait)
            : (byte)(population.Flags[citizen] & ~(byte)trait);
    }

    /// <summary>
    /// Groups of opinions separated by gaps wider than <paramref name="gap"/>, as (centre, size),
    /// from the lowest opinion up.
    /// </summary>
    public static List<(double Centre, int Size)> Clusters(float[] opinions, double gap)
    {
        float[] sorted = (float[])opinions.Clone();
        Array.Sort(sorted);
        var clusters = new List<(double, int)>();
        int start = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] - sorted[i - 1] > gap)
            {
                double sum = 0;
                for (int k = start; k < i; k++)
                {
                    sum += sorted[k];
                }

                clusters.Add((sum / (i - start), i - start));
                start = i;
            }
        }

        return clusters;
    }
}

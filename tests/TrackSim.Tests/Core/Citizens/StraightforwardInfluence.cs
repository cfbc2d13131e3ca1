using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// CIT-INFLUENCE written straight from the model description (docs/MODEL.md, section 7.8), with
/// none of the optimised rule's shortcuts: every hash is the full
/// <c>Combine(Combine(Combine(seed, step), round), i)</c>, the partner's slot is the exact
/// 128-bit product, the state of a citizen is a division, and the move is an if. The optimised
/// rule must match it to the bit. With a bound and a number of rounds per state, a citizen listens
/// with its state's bound, and only in its state's rounds.
/// </summary>
internal static class StraightforwardInfluence
{
    public static void Step(CitizenPopulation population, SocialNetwork network, double epsilon, double mu, int rounds, ulong seed, int step) =>
        Step(population, network, [.. Enumerable.Repeat(epsilon, population.StateCount)], mu, [.. Enumerable.Repeat(rounds, population.StateCount)], seed, step);

    public static void Step(CitizenPopulation population, SocialNetwork network, double[] epsilon, double mu, int[] rounds, ulong seed, int step)
    {
        int n = population.Count;
        float[] x = (float[])population.Trust.Clone();
        for (int round = 0; round < rounds.Max(); round++)
        {
            float[] next = new float[n];
            for (int i = 0; i < n; i++)
            {
                next[i] = x[i];
                if (round >= rounds[population.StateOf(i)])
                {
                    continue;
                }

                ulong h = StableHash.Combine(StableHash.Combine(StableHash.Combine(seed, (ulong)step), (ulong)round), (ulong)i);
                int j;
                if (network.IsWellMixed)
                {
                    j = Pick(h, n - 1);
                    if (j >= i)
                    {
                        j++;
                    }
                }
                else
                {
                    var ties = network.Neighbours(i);
                    if (ties.Length == 0)
                    {
                        continue;
                    }

                    j = ties[Pick(h, ties.Length)];
                }

                bool abroad = population.StateOf(i) != population.StateOf(j);
                bool dormant = population.Has(i, CitizenTraits.CrossBorderDormant) || population.Has(j, CitizenTraits.CrossBorderDormant);
                if (abroad && dormant)
                {
                    continue;
                }

                double gap = (double)x[j] - x[i];
                if (Math.Abs(gap) < epsilon[population.StateOf(i)])
                {
                    next[i] = (float)(x[i] + (mu * gap));
                }
            }

            x = next;
        }

        x.CopyTo(population.Trust, 0);
    }

    /// <summary>floor(h * n / 2^64), the high half of the exact product.</summary>
    private static int Pick(ulong h, int n) => (int)(((UInt128)h * (ulong)n) >> 64);
}

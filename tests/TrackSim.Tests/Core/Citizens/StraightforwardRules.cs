using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// CIT-MEDIA, CIT-CONTACT, CIT-NOISE, T2-OUTREACH on citizens and the per-state metrics written as plain
/// loops, one citizen at a time, as the rules' equations read, with each citizen's state's values. The optimised rules, which work
/// on several citizens at a time and sum two states side by side, must match them to the bit (the
/// metrics for states of at most one chunk; larger states are summed chunk by chunk, see ChunkedCitizenRulesTests).
/// </summary>
internal static class StraightforwardRules
{
    public static void Media(CitizenPopulation population, double[] deltaPerState)
    {
        for (int i = 0; i < population.Count; i++)
        {
            float delta = (float)deltaPerState[population.StateOf(i)];
            if (delta != 0)
            {
                population.Trust[i] = Math.Clamp(population.Trust[i] + (delta * population.Exposure[i]), 0f, 1f);
            }
        }
    }

    public static void Contact(CitizenPopulation population, double[] links, double contactsPerYear, double dt, double effect, double negativeShare, double allport) =>
        Contact(population, links, [.. Enumerable.Repeat(contactsPerYear, population.StateCount)], dt, [.. Enumerable.Repeat(effect, population.StateCount)], negativeShare, allport);

    public static void Contact(CitizenPopulation population, double[] links, double[] contactsPerYear, double dt, double[] effect, double negativeShare, double allport)
    {
        for (int i = 0; i < population.Count; i++)
        {
            int s = population.StateOf(i);
            double perContact = dt * contactsPerYear[s] * effect[s];
            double weight = Math.Min(perContact * (links[population.StateOf(i)] + population.ActiveCrossBorderTies[i]), 1.0) * allport;
            double x = population.Trust[i];
            population.Trust[i] = (float)Math.Clamp(x + (weight * ((1 - negativeShare) - x)), 0.0, 1.0);
        }
    }

    public static void Noise(CitizenPopulation population, double sigma, ulong seed, int step) =>
        Noise(population, [.. Enumerable.Repeat(sigma, population.StateCount)], seed, step);

    public static void Noise(CitizenPopulation population, double[] sigmaPerState, ulong seed, int step)
    {
        for (int i = 0; i < population.Count; i++)
        {
            double sigma = sigmaPerState[population.StateOf(i)];
            if (sigma == 0)
            {
                continue;
            }

            double u = StableHash.ToUnit(StableHash.Combine(StableHash.Combine(seed, (ulong)step), (ulong)i));
            float x = population.Trust[i];
            double width = 2 * Math.Sqrt(3) * sigma;
            population.Trust[i] = Math.Clamp(x + (float)((u - 0.5) * width * 2 * Math.Sqrt(x * (1 - x))), 0f, 1f);
        }
    }

    public static void Outreach(CitizenPopulation population, double[] pushPerState)
    {
        for (int i = 0; i < population.Count; i++)
        {
            double push = pushPerState[population.StateOf(i)];
            if (push != 0 && population.Has(i, CitizenTraits.SharedLanguage))
            {
                float gain = (float)Math.Abs(push);
                float goal = push > 0 ? 1f : 0f;
                float x = population.Trust[i];
                population.Trust[i] = Math.Clamp(x + (gain * (goal - x)), 0f, 1f);
            }
        }
    }

    public static void Metrics(CitizenPopulation population, double[] mean, double[] sd, double[] hostile)
    {
        for (int s = 0; s < population.StateCount; s++)
        {
            double sum = 0;
            int below = 0;
            for (int i = s * population.PerState; i < (s + 1) * population.PerState; i++)
            {
                sum += population.Trust[i];
                below += population.Trust[i] < CitizenMetrics.HostileThreshold ? 1 : 0;
            }

            mean[s] = sum / population.PerState;
            double squares = 0;
            for (int i = s * population.PerState; i < (s + 1) * population.PerState; i++)
            {
                double d = population.Trust[i] - mean[s];
                squares += d * d;
            }

            sd[s] = Math.Sqrt(squares / population.PerState);
            hostile[s] = (double)below / population.PerState;
        }
    }
}

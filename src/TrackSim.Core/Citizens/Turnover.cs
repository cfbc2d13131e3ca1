using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-TURNOVER: generational replacement (Mannheim 1928, "The problem of generations"; for
/// opinion change by cohort replacement, Firebaugh 1989, "Methods for estimating cohort
/// replacement effects", Sociological Methodology 19). Each citizen is replaced in a step with
/// probability <c>p</c>. The newcomer takes the place and the ties of the one replaced; its
/// trust is drawn from a Beta distribution around the state's current mean with the given SD
/// (people grow up in the climate of their time); it speaks the shared language with the
/// cohort's probability; and its cross-border ties are dormant with probability
/// <c>1 - cohorts.CrossBorderTies</c>. Media exposure stays with the place.
/// </summary>
/// <remarks>
/// The replaced citizens are found by skipping ahead geometric gaps,
/// <c>floor(ln U / ln(1 - p))</c>, which picks every citizen independently with probability
/// <c>p</c> in time proportional to the number replaced rather than the population. All
/// draws come from a stack-held SplitMix64 stream keyed by <c>Combine(seed, step)</c>, so the
/// rule allocates nothing and a step's replacements do not depend on other rules' draws.
/// </remarks>
public static class Turnover
{
    /// <summary>Replaces citizens with probability <paramref name="replaceProbabilityPerStep"/> each.</summary>
    /// <param name="population">The citizens; trust, flags and active cross-border tie counts are updated.</param>
    /// <param name="network">The social network of the same citizens, for the tie counts.</param>
    /// <param name="replaceProbabilityPerStep">Chance that a citizen is replaced in this step, in [0,1].</param>
    /// <param name="cohorts">The new cohorts' shared language and cross-border ties.</param>
    /// <param name="stateMeanTrust">Current mean trust per state and trust layer (layer-major: layer k of state s at k * StateCount + s; with one layer, per state).</param>
    /// <param name="stateSd">SD of the newcomers' trust per state and trust layer (as the means), capped at what a Beta distribution with the mean allows.</param>
    /// <param name="seed">Seed of the citizens' turnover stream.</param>
    /// <param name="step">The step number, at least 0.</param>
    /// <returns>How many citizens were replaced.</returns>
    public static int Apply(
        CitizenPopulation population,
        SocialNetwork network,
        double replaceProbabilityPerStep,
        CohortSpec cohorts,
        ReadOnlySpan<double> stateMeanTrust,
        ReadOnlySpan<double> stateSd,
        ulong seed,
        int step)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequireProbability(replaceProbabilityPerStep, nameof(replaceProbabilityPerStep));
        Span<double> each = population.StateCount <= 64 ? stackalloc double[population.StateCount] : new double[population.StateCount];
        each.Fill(replaceProbabilityPerStep);
        return Apply(population, network, each, cohorts, stateMeanTrust, stateSd, seed, step);
    }

    /// <summary>
    /// Replaces each citizen of state s with probability <c>replaceProbabilityPerStep[s]</c>
    /// (a generation that turns over faster in one state than in another).
    /// </summary>
    /// <remarks>
    /// The geometric skips run on across the border into a state with the same probability, so
    /// with one probability for every state the draws are those of one population. A skip that would cross into a state with another
    /// probability is cut at the border (no citizen of the state left is replaced, which is what
    /// the skip drew for them) and a new skip is drawn from the next state's first citizen with
    /// its probability: skips are memoryless, so every citizen is still replaced independently
    /// with its state's probability.
    /// </remarks>
    /// <param name="population">The citizens; trust, flags and active cross-border tie counts are updated.</param>
    /// <param name="network">The social network of the same citizens, for the tie counts.</param>
    /// <param name="replaceProbabilityPerStep">Chance that a citizen of each state is replaced in this step, one per state, each in [0,1].</param>
    /// <param name="cohorts">The new cohorts' shared language and cross-border ties.</param>
    /// <param name="stateMeanTrust">Current mean trust per state and trust layer (layer-major: layer k of state s at k * StateCount + s; with one layer, per state).</param>
    /// <param name="stateSd">SD of the newcomers' trust per state and trust layer (as the means), capped at what a Beta distribution with the mean allows.</param>
    /// <param name="seed">Seed of the citizens' turnover stream.</param>
    /// <param name="step">The step number, at least 0.</param>
    /// <returns>How many citizens were replaced.</returns>
    public static int Apply(
        CitizenPopulation population,
        SocialNetwork network,
        ReadOnlySpan<double> replaceProbabilityPerStep,
        CohortSpec cohorts,
        ReadOnlySpan<double> stateMeanTrust,
        ReadOnlySpan<double> stateSd,
        ulong seed,
        int step)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(cohorts);
        population.RequireMatching(network);
        RuleGuards.RequirePerState(population, replaceProbabilityPerStep.Length, nameof(replaceProbabilityPerStep));
        RequirePerLayer(population, stateMeanTrust.Length, nameof(stateMeanTrust));
        RequirePerLayer(population, stateSd.Length, nameof(stateSd));
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        bool any = false;
        foreach (double p in replaceProbabilityPerStep)
        {
            RuleGuards.RequireProbability(p, nameof(replaceProbabilityPerStep));
            any |= p != 0;
        }

        if (!any)
        {
            return 0;
        }

        var stream = new CounterStream(StableHash.Combine(seed, (ulong)step));
        int perState = population.PerState;
        int replaced = 0;
        int state = 0;
        while (state < population.StateCount)
        {
            // A fresh skip from the first citizen of the state (states that replace nobody are passed over).
            double p = replaceProbabilityPerStep[state];
            if (p == 0)
            {
                state++;
                continue;
            }

            double logStay = Math.Log(1 - p);
            long i = ((long)state * perState) + NextGap(ref stream, logStay);
            while (true)
            {
                long end = (long)(state + 1) * perState;
                if (i < end)
                {
                    Replace(population, network, (int)i, cohorts, stateMeanTrust, stateSd, ref stream);
                    replaced++;
                    i += 1 + NextGap(ref stream, logStay);
                    continue;
                }

                // The skip leaves the state: it runs on into a state with the same chance,
                // else the next state starts afresh.
                state++;
                if (state >= population.StateCount || replaceProbabilityPerStep[state] != p)
                {
                    break;
                }
            }
        }

        return replaced;
    }

    /// <summary>Throws unless a span holds one value per state and trust layer (layer-major: layer k of state s at <c>k * StateCount + s</c>).</summary>
    private static void RequirePerLayer(CitizenPopulation population, int length, string name)
    {
        if (length != population.StateCount * population.Layers)
        {
            throw new ArgumentException($"Expected one value per state and trust layer ({population.StateCount} x {population.Layers}), got {length}.", name);
        }
    }

    /// <summary>Citizens passed over before the next replacement; zero when everyone is replaced.</summary>
    private static long NextGap(ref CounterStream stream, double logStay)
    {
        if (double.IsNegativeInfinity(logStay))
        {
            return 0;
        }

        double gap = Math.Floor(Math.Log(stream.NextOpenDouble()) / logStay);
        return gap < int.MaxValue ? (long)gap : int.MaxValue;
    }

    private static void Replace(
        CitizenPopulation population,
        SocialNetwork network,
        int i,
        CohortSpec cohorts,
        ReadOnlySpan<double> stateMeanTrust,
        ReadOnlySpan<double> stateSd,
        ref CounterStream stream)
    {
        const byte dormant = (byte)CitizenTraits.CrossBorderDormant;
        int state = population.StateOf(i);
        population.Trust[i] = (float)BetaSampler.Sample(ref stream, stateMeanTrust[state], stateSd[state]);

        bool wasDormant = (population.Flags[i] & dormant) != 0;
        bool isDormant = stream.NextDouble() >= cohorts.CrossBorderTies;
        byte flags = stream.NextDouble() < cohorts.SharedLanguage ? (byte)CitizenTraits.SharedLanguage : (byte)0;
        population.Flags[i] = (byte)(flags | (isDormant ? dormant : 0));

        // The other layers' trust (toward the other actors the state relates to), drawn after
        // the first layer's draws so that a population of one layer draws as it always did.
        int states = population.StateCount;
        for (int k = 1; k < population.Layers; k++)
        {
            int at = (k * states) + state;
            population.TrustIn(k)[i] = (float)BetaSampler.Sample(ref stream, stateMeanTrust[at], stateSd[at]);
        }

        if (wasDormant == isDormant || network.IsWellMixed)
        {
            return;
        }

        // The tie to each active neighbour abroad wakes up or falls dormant at both ends, in the
        // layer of the other end's state on each side.
        int blockStart = state * population.PerState;
        foreach (int j in network.Neighbours(i))
        {
            if ((uint)(j - blockStart) >= (uint)population.PerState && (population.Flags[j] & dormant) == 0)
            {
                int layer = population.LayerOf(population.StateOf(j), state);
                if (layer >= 0)
                {
                    ushort[] active = population.ActiveTiesIn(layer);
                    active[j] = isDormant ? (ushort)Math.Max(active[j] - 1, 0) : (ushort)Math.Min(active[j] + 1, ushort.MaxValue);
                }
            }
        }

        population.CountActiveCrossBorderTies(network, i);
    }
}

using System.Collections.Immutable;

namespace TrackSim.Experiments.Calibration;

/// <summary>The outcome of an ABC-SMC run: every generation, the last one being the posterior sample.</summary>
/// <param name="Priors">The priors, in the order of each particle's values.</param>
/// <param name="Options">The settings it ran with.</param>
/// <param name="Seed">The seed it ran with.</param>
/// <param name="Generations">The completed generations, at least generation 0.</param>
/// <param name="Stop">Why it stopped.</param>
/// <param name="Message">The reason in a sentence, for a log or a report.</param>
public sealed record AbcResult(
    ImmutableArray<UniformPrior> Priors,
    AbcSmcOptions Options,
    ulong Seed,
    ImmutableArray<AbcGeneration> Generations,
    AbcStop Stop,
    string Message)
{
    /// <summary>The last generation: the weighted sample of the ABC posterior at its tolerance.</summary>
    public AbcGeneration Posterior => Generations[^1];

    /// <summary>Every value of every particle of every generation, as rows of a tidy table, in generation, particle and prior order.</summary>
    public IEnumerable<AbcRow> Rows()
    {
        foreach (var generation in Generations)
        {
            for (int p = 0; p < generation.Particles.Length; p++)
            {
                var particle = generation.Particles[p];
                for (int k = 0; k < Priors.Length; k++)
                {
                    yield return new AbcRow(generation.Index, p, Priors[k].Name, particle.Parameters[k], particle.Weight, particle.Distance, generation.Tolerance);
                }
            }
        }
    }
}

using System.Collections.Immutable;
using TrackSim.Experiments.Calibration;

namespace TrackSim.Reporting.Calibration;

/// <summary>A weighted posterior sample as the posterior charts take it: the parameters, each with every particle's value, and the particles' weights.</summary>
/// <param name="Parameters">The parameters, in the priors' order.</param>
/// <param name="Weights">The particles' normalised weights; particle i has <c>Values[i]</c> of every parameter.</param>
public sealed record PosteriorSample(ImmutableArray<PosteriorParameter> Parameters, ImmutableArray<double> Weights)
{
    /// <summary>
    /// The particles of <paramref name="generation"/> (for the posterior, <see cref="AbcResult.Posterior"/>)
    /// with their <paramref name="priors"/>' ranges, each parameter's unit given by <paramref name="unitOf"/>
    /// (empty for none when it is null).
    /// </summary>
    public static PosteriorSample From(AbcGeneration generation, IReadOnlyList<UniformPrior> priors, Func<string, string>? unitOf = null)
    {
        ArgumentNullException.ThrowIfNull(generation);
        ArgumentNullException.ThrowIfNull(priors);
        var particles = generation.Particles;
        foreach (var particle in particles.Where(p => p.Parameters.Length != priors.Count))
        {
            throw new ArgumentException($"A particle of generation {generation.Index} has {particle.Parameters.Length} values for {priors.Count} priors.", nameof(priors));
        }

        var parameters = priors
            .Select((prior, k) => new PosteriorParameter(prior.Name, unitOf?.Invoke(prior.Name) ?? string.Empty, prior.Low, prior.High, [.. particles.Select(p => p.Parameters[k])]))
            .ToImmutableArray();
        return new PosteriorSample(parameters, [.. particles.Select(p => p.Weight)]);
    }
}

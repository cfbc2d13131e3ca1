namespace TrackSim.Experiments.Analysis;

/// <summary>Where the base sample of a Saltelli design comes from.</summary>
public enum SaltelliSampler
{
    /// <summary>
    /// A digitally shifted Sobol' sequence in 2k dimensions, A from the first k and B from the
    /// last k (Saltelli et al. 2010, section 3): the estimates converge faster than with
    /// pseudo-random points, most of all when the base sample size is a power of two.
    /// </summary>
    Sobol,

    /// <summary>
    /// Independent uniform pseudo-random points (xoshiro256**), for more parameters than the
    /// Sobol' table covers, or when the bootstrap's assumption of independent rows should hold exactly.
    /// </summary>
    PseudoRandom,
}

namespace TrackSim.Experiments.Calibration;

/// <summary>The settings of one ABC-SMC run (<see cref="AbcSmc"/>).</summary>
public sealed record AbcSmcOptions
{
    /// <summary>The number of particles N in each generation, at least 2.</summary>
    public int Population { get; init; } = 500;

    /// <summary>
    /// The most generations to run, counting generation 0 (drawn from the prior); null for no
    /// limit other than <see cref="FinalTolerance"/>. At least one of the two must be given.
    /// </summary>
    public int? Generations { get; init; }

    /// <summary>
    /// The tolerance to reach: the run stops after the first generation whose tolerance is at most
    /// this (the schedule's quantile is raised to it, so the last generation's tolerance is exactly
    /// this unless the quantile fell below it). Null to stop by <see cref="Generations"/> only.
    /// </summary>
    public double? FinalTolerance { get; init; }

    /// <summary>
    /// The quantile of the previous generation's distances that becomes the next tolerance, in
    /// (0, 1); 0.5 (the median) by default, as in Beaumont, Cornuet, Marin and Robert (2009).
    /// </summary>
    public double Quantile { get; init; } = 0.5;

    /// <summary>The tolerance of generation 0; infinite by default (every draw from the prior is accepted).</summary>
    public double InitialTolerance { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// The most simulations one generation may run before the sampler gives up on it; null for
    /// 1000 N. Proposals outside the prior are not simulated and do not count.
    /// </summary>
    public long? MaxSimulationsPerGeneration { get; init; }

    /// <summary>Simulations run at a time; the result does not depend on it.</summary>
    public int Threads { get; init; } = 1;
}

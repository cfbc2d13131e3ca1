using TrackSim.Core.Model;

namespace TrackSim.Experiments.Ensembles;

/// <summary>How to run an ensemble; every setting left null comes from the scenario.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Replicates per variant; null uses the scenario's.</summary>
    public int? Replicates { get; init; }

    /// <summary>Master seed; null uses the scenario's.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Runs at a time, at least 1 (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Variants to run (<c>base</c> included by name); null runs the base and every variant.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>
    /// Whether runs record the distributions of citizens' trust and the network snapshots their
    /// scenario's outputs ask for (the default). Sweeps, calibrations and the classroom page keep
    /// only the series and turn them off; nothing else a run records depends on it.
    /// </summary>
    public bool Snapshots { get; init; } = true;

    /// <summary>
    /// Networks kept across ensembles (the points of a sweep, the particles of a calibration),
    /// whose runs draw the same networks when they share a seed; null gives the ensemble a cache
    /// of its own, shared by its variants only. Results do not depend on it.
    /// </summary>
    internal NetworkCache? Networks { get; init; }
}

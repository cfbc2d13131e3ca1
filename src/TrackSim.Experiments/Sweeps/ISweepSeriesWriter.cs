using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// Writes and finds the per-step series file of a sweep's point (the file formats live with the
/// other result files; <see cref="SweepRunner"/> only says when).
/// </summary>
public interface ISweepSeriesWriter
{
    /// <summary>Whether the sweep folder holds the series file of <paramref name="point"/>.</summary>
    bool Exists(int point);

    /// <summary>Writes the series file of <paramref name="point"/>, whose runs are <paramref name="ensemble"/>, into the sweep folder atomically.</summary>
    void Write(int point, EnsembleResult ensemble, CancellationToken cancellationToken);
}

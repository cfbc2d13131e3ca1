namespace TrackSim.Experiments.Sweeps;

/// <summary>How a sweep chooses its points in parameter space.</summary>
public enum SweepDesign
{
    /// <summary>Full factorial grid (COUNT levels per parameter, default 5).</summary>
    Grid,

    /// <summary>Latin hypercube with <c>samples</c> points.</summary>
    Lhs,

    /// <summary>Morris elementary effects with <c>samples</c> trajectories.</summary>
    Morris,

    /// <summary>Saltelli sampling for Sobol' indices with <c>samples</c> base samples.</summary>
    Sobol,
}

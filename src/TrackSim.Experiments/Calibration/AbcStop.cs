namespace TrackSim.Experiments.Calibration;

/// <summary>Why an ABC-SMC run stopped.</summary>
public enum AbcStop
{
    /// <summary>It ran the number of generations asked for.</summary>
    Generations,

    /// <summary>Its last generation reached the final tolerance.</summary>
    FinalTolerance,

    /// <summary>A generation reached the simulation cap before it had N particles; the run keeps the generations before it.</summary>
    SimulationCap,

    /// <summary>The quantile of the last distances was not below the last tolerance (ties, or a distance the model cannot go below).</summary>
    ToleranceStalled,

    /// <summary>A parameter took one value in every particle, so the perturbation kernel has no width.</summary>
    Collapsed,
}

namespace TrackSim.Experiments.Calibration;

/// <summary>How one run did on one target.</summary>
/// <param name="Target">The target.</param>
/// <param name="Model">
/// The model's number: the level or change for numeric targets; for timings, the model's date
/// minus the observed one in months (positive when the model is late), NaN when the model never
/// gets there in the period or the observation is "none".
/// </param>
/// <param name="ModelDate">The model's date for timings (null when it never gets there in the period).</param>
/// <param name="Discrepancy">How far the model misses, in tolerances: at most 1 meets the target.</param>
public sealed record TargetFit(CalibrationTarget Target, double Model, DateOnly? ModelDate, double Discrepancy)
{
    /// <summary>Whether the run meets the target (a discrepancy of at most one tolerance).</summary>
    public bool Met => Discrepancy <= 1;
}

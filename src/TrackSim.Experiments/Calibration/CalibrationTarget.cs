namespace TrackSim.Experiments.Calibration;

/// <summary>
/// One row of a targets file: what the model must reproduce, how far it may miss, and why the
/// target is there. Levels and changes compare numbers in the metric's unit (shares for the
/// survey kinds); timings compare dates, with the tolerance in months.
/// </summary>
/// <param name="Id">A unique name, used in the outputs.</param>
/// <param name="Kind">What is compared.</param>
/// <param name="Metric">The metric read (implied for the survey kinds, agreements and resumptions).</param>
/// <param name="Subject">The metric's subject, the agreement's id, or the dyad of a resumption.</param>
/// <param name="Period">The months compared or searched (inclusive), or null for the whole run.</param>
/// <param name="Baseline">The months the period is compared with (changes only).</param>
/// <param name="Observed">The observed number (levels, changes); NaN for timings.</param>
/// <param name="ObservedDate">The observed date (timings); null for numbers, and for a resumption that had not happened by the period's end.</param>
/// <param name="Tolerance">How far the model may miss and still meet the target: in the metric's unit, or in months for timings.</param>
/// <param name="Weight">The target's weight in the distance.</param>
/// <param name="Source">Where the observation comes from.</param>
/// <param name="Why">What the target measures and why it is there.</param>
/// <param name="Line">The line of the targets file it was read from (0 when built in code).</param>
public sealed record CalibrationTarget(
    string Id,
    TargetKind Kind,
    string Metric,
    string Subject,
    TargetPeriod? Period,
    TargetPeriod? Baseline,
    double Observed,
    DateOnly? ObservedDate,
    double Tolerance,
    double Weight,
    string Source,
    string Why,
    int Line = 0)
{
    /// <summary>Whether the target compares dates.</summary>
    public bool IsTiming => Kind is TargetKind.Peak or TargetKind.Agreement or TargetKind.Resumption;

    /// <summary>The last day the target looks at: the end of its period, or of its observed date for a timing without one; null for the whole run.</summary>
    public DateOnly? LastDay => Period?.Last ?? ObservedDate;
}

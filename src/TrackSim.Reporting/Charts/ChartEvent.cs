namespace TrackSim.Reporting.Charts;

/// <summary>A scenario event as charts mark it.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Label">Short label for the marker.</param>
/// <param name="Date">Day it happens or starts.</param>
/// <param name="End">Last day of a multi-day event, else null.</param>
/// <param name="Kind">Kind in the scenario's notation (<c>war</c>, <c>summit</c>...).</param>
/// <param name="Valence"><c>hostile</c>, <c>neutral</c> or <c>cooperative</c>.</param>
/// <param name="Severity">Severity in [0,1]; the most severe are labelled when the scenario does not choose.</param>
public sealed record ChartEvent(string Id, string Label, DateOnly Date, DateOnly? End, string Kind, string Valence, double Severity)
{
    /// <summary>Whether the event covers more than one day and is drawn as a shaded span.</summary>
    public bool IsSpan => End is { } end && end > Date;
}

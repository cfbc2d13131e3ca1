namespace TrackSim.Experiments.Analysis;

/// <summary>Measures the time to recovery after an event in one recorded series, for <see cref="RecoverySummary.Of"/>.</summary>
public static class Recovery
{
    /// <summary>
    /// The number of steps from <paramref name="eventStep"/> to the first later step whose value
    /// satisfies <paramref name="recovered"/>, or null when no step up to the end of the series
    /// does (the replicate is censored at the end of the run).
    /// </summary>
    /// <param name="series">The recorded values, one per step.</param>
    /// <param name="eventStep">The step of the event, inside the series.</param>
    /// <param name="recovered">Whether a value counts as recovered, for example <c>v =&gt; v &lt; preEventTension</c> or <c>v =&gt; v == 1</c> for an open dialogue.</param>
    public static int? StepsUntil(IReadOnlyList<double> series, int eventStep, Func<double, bool> recovered)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(recovered);
        ArgumentOutOfRangeException.ThrowIfNegative(eventStep);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(eventStep, series.Count);
        for (int k = eventStep + 1; k < series.Count; k++)
        {
            if (recovered(series[k]))
            {
                return k - eventStep;
            }
        }

        return null;
    }
}

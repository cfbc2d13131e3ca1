namespace TrackSim.Experiments.Analysis;

/// <summary>
/// The time to recovery after an event over replicates, with the replicates that never recovered
/// within the run counted (right-censored) rather than dropped. Dropping them would make recovery
/// look faster exactly when it is slowest.
/// </summary>
/// <param name="N">The number of replicates.</param>
/// <param name="Recovered">The number that recovered within the run.</param>
/// <param name="Censored">The number that had not recovered when the run ended.</param>
/// <param name="MedianAmongRecovered">The type-7 median of the recovery times of those that recovered; null when none did. Biased low when any are censored: read it with <see cref="Censored"/>.</param>
/// <param name="KaplanMeierMedian">
/// The median of the Kaplan and Meier (1958) estimate of the recovery-time distribution, censored
/// replicates counted as at risk until after every observed recovery: the first time by which at
/// least half have recovered. Where the estimate is exactly one half between two recovery times,
/// their midpoint, so without censoring it equals the ordinary median. Null when fewer than half
/// recovered within the run: the median is then not reached, and any number would be invented.
/// </param>
public sealed record RecoverySummary(
    int N,
    int Recovered,
    int Censored,
    double? MedianAmongRecovered,
    double? KaplanMeierMedian)
{
    /// <summary>
    /// Summarises per-replicate recovery times, each the number of steps until recovery or null for
    /// a replicate that had not recovered when the run ended. All replicates are assumed to be
    /// followed over the same horizon, so every censored one is censored after the last recovery.
    /// </summary>
    /// <param name="steps">Steps to recovery per replicate (non-negative), or null for never.</param>
    public static RecoverySummary Of(IReadOnlyList<int?> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("At least one replicate is needed.", nameof(steps));
        }

        var times = new List<double>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i] is { } t)
            {
                if (t < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(steps), t, $"The recovery time at index {i} is negative.");
                }

                times.Add(t);
            }
        }

        times.Sort();
        int n = steps.Count;
        int censored = n - times.Count;
        double? median = times.Count == 0 ? null : Quantiles.Type7(times, 0.5);
        return new RecoverySummary(n, times.Count, censored, median, KaplanMeier(times, n));
    }

    /// <summary>The Kaplan-Meier median for sorted event times when every other replicate is censored after the last one.</summary>
    private static double? KaplanMeier(List<double> times, int n)
    {
        // With all censoring after the last event, the number at risk just before the i-th
        // distinct time is n minus the events before it, and the product-limit estimate reduces
        // to S(t) = (n - events up to t) / n. It is computed in counts, not as a product, so the
        // comparison with one half is exact.
        int i = 0;
        while (i < times.Count)
        {
            int j = i;
            while (j < times.Count && times[j] == times[i])
            {
                j++;
            }

            // j events up to and including times[i]; S = (n - j) / n.
            int remaining = n - j;
            if (2 * remaining < n)
            {
                return times[i];
            }

            if (2 * remaining == n)
            {
                // Flat at exactly one half until the next recovery, if any.
                return j < times.Count ? (times[i] + times[j]) / 2 : times[i];
            }

            i = j;
        }

        return null;
    }
}

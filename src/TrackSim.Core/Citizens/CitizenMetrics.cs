namespace TrackSim.Core.Citizens;

/// <summary>Per-state summaries of citizens' trust: mean, SD and the share who are hostile.</summary>
public static class CitizenMetrics
{
    /// <summary>Citizens whose trust is below this count as hostile.</summary>
    public const float HostileThreshold = 0.25f;

    /// <summary>
    /// Writes, for each state, the mean trust, the population SD of trust (two passes, so a
    /// narrow distribution keeps its precision) and the share of citizens with trust below
    /// <see cref="HostileThreshold"/>.
    /// </summary>
    public static void Compute(CitizenPopulation population, Span<double> meanTrust, Span<double> sdTrust, Span<double> hostileShare)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, meanTrust.Length, nameof(meanTrust));
        RuleGuards.RequirePerState(population, sdTrust.Length, nameof(sdTrust));
        RuleGuards.RequirePerState(population, hostileShare.Length, nameof(hostileShare));
        for (int s = 0; s < population.StateCount; s++)
        {
            var trust = population.Trust.AsSpan(s * population.PerState, population.PerState);
            double sum = 0;
            int hostile = 0;
            foreach (float x in trust)
            {
                sum += x;
                hostile += x < HostileThreshold ? 1 : 0;
            }

            double mean = sum / trust.Length;
            double squares = 0;
            foreach (float x in trust)
            {
                double d = x - mean;
                squares += d * d;
            }

            meanTrust[s] = mean;
            sdTrust[s] = Math.Sqrt(squares / trust.Length);
            hostileShare[s] = (double)hostile / trust.Length;
        }
    }
}

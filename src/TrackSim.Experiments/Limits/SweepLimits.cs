using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Sweeps;

namespace TrackSim.Experiments.Limits;

/// <summary>The memory check of a sweep, before its design is built or any point run.</summary>
public static class SweepLimits
{
    /// <summary>
    /// Null when the sweep's <see cref="MemoryEstimate"/> fits in the memory available; otherwise the
    /// refusal. The estimate uses the larger of <paramref name="scenario"/> and the scenario at the
    /// high end of every range (from <paramref name="scenarioAt"/>, when that point is valid), since a
    /// range may vary the number of citizens or ties.
    /// </summary>
    public static string? Refusal(SweepPlan plan, SweepShard shard, int threads, Scenario scenario, Func<ImmutableArray<double>, Scenario> scenarioAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioAt);
        var estimate = MemoryEstimate.ForSweep(scenario, plan, shard, threads);
        try
        {
            var high = MemoryEstimate.ForSweep(scenarioAt([.. plan.Ranges.Select(r => r.High)]), plan, shard, threads);
            estimate = high.Bytes > estimate.Bytes ? high : estimate;
        }
        catch (InvalidDataException)
        {
            // The high corner is not a valid scenario; the sweep will report the points it refuses.
        }

        return estimate.Refusal(HostLimits.AvailableMemoryBytes);
    }
}

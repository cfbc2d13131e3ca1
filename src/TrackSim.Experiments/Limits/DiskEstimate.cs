using System.Globalization;
using TrackSim.Core.Domain;

namespace TrackSim.Experiments.Limits;

/// <summary>
/// A lower bound of the disk space a run's series.csv takes (one row per recorded value, at least
/// <see cref="BytesPerValue"/> bytes each; rows average about 50), to refuse a run that clearly cannot
/// fit before any work. The other files and charts are smaller and not counted.
/// </summary>
public static class DiskEstimate
{
    /// <summary>Fewest bytes one row of series.csv takes (variant, replicate, step, date, metric, subject and value).</summary>
    public const int BytesPerValue = 32;

    /// <summary>Values a run records: series x (steps + 1) of every variant, times the replicates.</summary>
    public static long RecordedValues(Scenario scenario, IReadOnlyCollection<string> variants, int replicates)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Select(scenario.ForVariant).Sum(s => MemoryEstimate.SeriesPerRun(s) * (s.Calendar.StepCount + 1L)) * replicates;
    }

    /// <summary>
    /// Null when series.csv can fit on the file system of <paramref name="folder"/> (or its free space
    /// cannot be told); otherwise the refusal, with both sizes and the knobs to turn.
    /// </summary>
    public static string? Refusal(Scenario scenario, IReadOnlyCollection<string> variants, int replicates, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        long values = RecordedValues(scenario, variants, replicates);
        long needed = values * BytesPerValue;
        if (HostLimits.FreeDiskBytes(folder) is not { } free || needed <= free)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"series.csv would take at least {MemoryEstimate.Size(needed)} ({values:N0} values), but the file system holding {folder} has {MemoryEstimate.Size(free)} free; use fewer replicates (--replicates, now {replicates}) or variants (--variant), a longer step, or an --out on a larger disk");
    }
}

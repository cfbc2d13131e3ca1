using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Limits;

/// <summary>
/// A lower bound of the disk space a run's series file takes (series.csv: one row per recorded value,
/// at least <see cref="BytesPerValue"/> bytes each, rows average about 65; series.parquet: at least
/// <see cref="ParquetBytesPerValue"/>, about 4 on India-Pakistan), to refuse a run that clearly cannot
/// fit before any work. The other files and charts are smaller and not counted.
/// </summary>
public static class DiskEstimate
{
    /// <summary>Fewest bytes one row of series.csv takes (variant, replicate, step, date, metric, subject and value).</summary>
    public const int BytesPerValue = 32;

    /// <summary>Fewest bytes a value takes in series.parquet (compressed; a value alone is 8 bytes before compression).</summary>
    public const int ParquetBytesPerValue = 1;

    /// <summary>
    /// Values a run records: series x (steps + 1) of every variant, times the replicates; only the
    /// series of the metrics <paramref name="keep"/> accepts when it is given.
    /// </summary>
    public static long RecordedValues(Scenario scenario, IReadOnlyCollection<string> variants, int replicates, Func<string, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Select(scenario.ForVariant).Sum(s => SeriesPerRun(s, keep) * (s.Calendar.StepCount + 1L)) * replicates;
    }

    private static long SeriesPerRun(Scenario scenario, Func<string, bool>? keep) => keep is null
        ? MemoryEstimate.SeriesPerRun(scenario)
        : MetricCatalog.All.Where(m => keep(m.Name)).Sum(m => (long)MetricSubjects.Of(m, scenario).Count);

    /// <summary>
    /// Null when the series file in <paramref name="format"/> can fit on the file system of
    /// <paramref name="folder"/> (or its free space cannot be told); otherwise the refusal, with both
    /// sizes and the knobs to turn; only the metrics <paramref name="keep"/> accepts are counted when it is given.
    /// </summary>
    public static string? Refusal(Scenario scenario, IReadOnlyCollection<string> variants, int replicates, string folder, SeriesFormat format = SeriesFormat.Csv, Func<string, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        long values = RecordedValues(scenario, variants, replicates, keep);
        long needed = values * BytesPer(format);
        if (HostLimits.FreeDiskBytes(folder) is not { } free || needed <= free)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(format == SeriesFormat.Csv ? "series.csv" : "series.parquet")} would take at least {MemoryEstimate.Size(needed)} ({values:N0} values), but the file system holding {folder} has {MemoryEstimate.Size(free)} free; use fewer replicates (--replicates, now {replicates}) or variants (--variant), fewer metrics in the series (--metrics) or none (--series none), a longer step, or an --out on a larger disk");
    }

    /// <summary>
    /// Null when the series files of <paramref name="runs"/> runs of the base of <paramref name="scenario"/>
    /// (a sweep's points, a calibration's predictive runs) in <paramref name="format"/> can fit on the
    /// file system of <paramref name="folder"/> (or its free space cannot be told, or no series are
    /// written); otherwise the refusal naming <paramref name="files"/>, both sizes and the knobs to turn,
    /// <paramref name="fewer"/> first.
    /// </summary>
    public static string? SeriesRefusal(Scenario scenario, long runs, string folder, SeriesFormat format, Func<string, bool>? keep, string files, string fewer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(folder);
        long values = RecordedValues(scenario, [Scenario.BaseVariant], 1, keep) * runs;
        long needed = values * BytesPer(format);
        if (needed == 0 || HostLimits.FreeDiskBytes(folder) is not { } free || needed <= free)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{files} (--series {format.ToString().ToLowerInvariant()}) would take at least {MemoryEstimate.Size(needed)} ({values:N0} values in {runs:N0} runs), but the file system holding {folder} has {MemoryEstimate.Size(free)} free; use {fewer}, fewer metrics in the series (--metrics) or none (--series none, the default), a longer step, or an --out on a larger disk");
    }

    // Fewest bytes a recorded value takes in a series file of the format.
    private static long BytesPer(SeriesFormat format) => format switch
    {
        SeriesFormat.Csv => BytesPerValue,
        SeriesFormat.Parquet => ParquetBytesPerValue,
        _ => 0,
    };
}

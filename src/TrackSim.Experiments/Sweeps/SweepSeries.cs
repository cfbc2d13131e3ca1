using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// What a sweep keeps of its runs' per-step series: nothing (the default, since a sweep of thousands
/// of points would write gigabytes), or one file per point, <c>series/point-NNNNNN.parquet</c> or
/// <c>.csv</c>, holding every replicate's rows of that point in the columns of a run's series file
/// after a leading <c>point</c>; only the metrics in <see cref="Metrics"/> when it is not empty.
/// </summary>
/// <param name="Format">Parquet, CSV or none.</param>
/// <param name="Metrics">Metric names kept, distinct and in ordinal order; empty keeps every metric.</param>
public sealed partial record SweepSeries(SeriesFormat Format, ImmutableArray<string> Metrics)
{
    /// <summary>The sub-folder of a sweep folder holding the point files.</summary>
    public const string FolderName = "series";

    /// <summary>No series files (the default of a sweep).</summary>
    public static SweepSeries None { get; } = new(SeriesFormat.None, []);

    /// <summary>The series in <paramref name="format"/> of <paramref name="metrics"/> (every metric when empty), in canonical order.</summary>
    public static SweepSeries Of(SeriesFormat format, IEnumerable<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new SweepSeries(format, [.. metrics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The name of the format as given to <c>--series</c> and recorded in sweep.json.</summary>
    public string FormatName => Format.ToString().ToLowerInvariant();

    /// <summary>Whether the series of <paramref name="metric"/> are kept.</summary>
    public bool Keeps(string metric) => Metrics.IsDefaultOrEmpty || Metrics.Contains(metric);

    /// <summary>
    /// The point file of <paramref name="point"/> relative to the sweep folder
    /// (<c>series/point-000012.parquet</c>: at least six digits), or null when no series are kept.
    /// </summary>
    public string? FileOf(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        return Format switch
        {
            SeriesFormat.Parquet => string.Create(CultureInfo.InvariantCulture, $"{FolderName}/point-{point:D6}.parquet"),
            SeriesFormat.Csv => string.Create(CultureInfo.InvariantCulture, $"{FolderName}/point-{point:D6}.csv"),
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="fileName"/> (a name in the series folder) is named as a point file, in either format.</summary>
    public static bool IsPointFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return PointFilePattern().IsMatch(fileName);
    }

    [GeneratedRegex(@"^point-[0-9]{6,}\.(parquet|csv)$", RegexOptions.CultureInvariant)]
    private static partial Regex PointFilePattern();
}

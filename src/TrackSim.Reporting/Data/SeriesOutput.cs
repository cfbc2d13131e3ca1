using System.Collections.Immutable;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// What a results folder keeps of the per-run series: the file's format and, when not empty, the
/// only metrics it holds (the summary and charts always use every metric).
/// </summary>
/// <param name="Format">Parquet (the default), CSV, or no series file.</param>
/// <param name="Metrics">Metric names to keep; empty keeps every metric.</param>
public sealed record SeriesOutput(SeriesFormat Format, ImmutableArray<string> Metrics)
{
    /// <summary>Every metric, in Parquet.</summary>
    public static SeriesOutput Default { get; } = new(SeriesFormat.Parquet, []);

    /// <summary>The name of the series file in a results folder, or null when none is written.</summary>
    public string? FileName => Format switch
    {
        SeriesFormat.Parquet => SeriesParquet.FileName,
        SeriesFormat.Csv => SeriesCsv.FileName,
        _ => null,
    };

    /// <summary>Whether the series of <paramref name="metric"/> are kept.</summary>
    public bool Keeps(string metric) => Metrics.IsDefaultOrEmpty || Metrics.Contains(metric);
}

namespace TrackSim.Experiments.Files;

/// <summary>How a results folder holds the per-run series (every recorded value of every run).</summary>
public enum SeriesFormat
{
    /// <summary><c>series.parquet</c>: typed columns, compressed (the default).</summary>
    Parquet,

    /// <summary><c>series.csv</c>: plain text, about fifteen times larger.</summary>
    Csv,

    /// <summary>No series file: the summary, events and other tables only.</summary>
    None,
}

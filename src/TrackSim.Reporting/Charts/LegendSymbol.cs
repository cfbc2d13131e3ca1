namespace TrackSim.Reporting.Charts;

/// <summary>The mark before a legend entry's text.</summary>
internal enum LegendSymbol
{
    /// <summary>A short line in the entry's colour and pattern.</summary>
    Line,

    /// <summary>A shaded box, for a band.</summary>
    Band,

    /// <summary>A dot, for points.</summary>
    Dot,

    /// <summary>No mark: a caption.</summary>
    None,
}

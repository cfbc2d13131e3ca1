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

    /// <summary>A shaded box with the centre line through it: lines with their 5-95% band, told apart from an event span.</summary>
    BandWithLine,

    /// <summary>A thin event line in the entry's colour and pattern, its dashes in points as drawn on the plot.</summary>
    EventLine,

    /// <summary>A box in the entry's colour as it is (opacity included): an event that lasts months.</summary>
    Span,
}

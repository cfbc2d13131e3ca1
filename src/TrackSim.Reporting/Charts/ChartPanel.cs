namespace TrackSim.Reporting.Charts;

/// <summary>One plot area of a chart; a chart with a panel per subject stacks them on a shared time axis.</summary>
/// <param name="Header">Subject name shown above the panel when there are several, else null.</param>
/// <param name="Lines">Lines in drawing order.</param>
internal sealed record ChartPanel(string? Header, IReadOnlyList<ChartLine> Lines);

using ScottPlot;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Reporting.Charts;

/// <summary>One line of a chart panel: a series drawn as its median (or mean) with its band.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Series">The statistics to draw.</param>
/// <param name="Color">Line and band colour.</param>
/// <param name="Pattern">Line pattern.</param>
/// <param name="Start">First date drawn (an initiative's start), or null for the whole run.</param>
/// <param name="IsReference">Whether this is the base line of a comparison, drawn first and wider.</param>
internal sealed record ChartLine(string Label, SummarySeries Series, Color Color, LinePattern Pattern, DateOnly? Start, bool IsReference = false);

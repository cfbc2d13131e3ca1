using TrackSim.Core.Metrics;

namespace TrackSim.Reporting.Charts;

/// <summary>What one chart file shows.</summary>
/// <param name="FileStem">File name without extension (<c>tension</c>, <c>compare-tension</c>).</param>
/// <param name="Metric">The metric charted.</param>
/// <param name="Title">Title line.</param>
/// <param name="ShortTitle">Title used when <paramref name="Title"/> does not fit the width.</param>
/// <param name="Panels">Panels from top to bottom.</param>
/// <param name="UsesMean">
/// Whether lines are means rather than medians: for 0/1 metrics the mean is the share of runs,
/// and for small counts per step the median jumps between whole numbers while the mean shows the rate.
/// </param>
/// <param name="ShowsBand">Whether the 5-95% band is drawn (not for 0/1 metrics, whose band is all or nothing).</param>
/// <param name="IsComparison">Whether lines stand for variants (and the legend must name each).</param>
/// <param name="IsDifference">
/// Whether lines are paired differences, variant minus base: the y axis then spans the data and
/// zero whatever the metric's own range (differences can be negative), a zero line is drawn, and
/// the axis label and legend say what is differenced.
/// </param>
internal sealed record ChartDefinition(
    string FileStem,
    MetricDefinition Metric,
    string Title,
    string ShortTitle,
    IReadOnlyList<ChartPanel> Panels,
    bool UsesMean,
    bool ShowsBand,
    bool IsComparison,
    bool IsDifference = false)
{
    /// <summary>
    /// Whether each panel has its own y range, stated by its own tick labels (the difference
    /// charts' small multiples, where one large effect would flatten the others onto zero).
    /// </summary>
    public bool OwnScales { get; init; }

    /// <summary>
    /// Whether the lines are sums over the past 12 months of a monthly count (its mean over runs),
    /// drawn without a band: the summary's quantiles are per month, and a sum of quantiles is not
    /// a quantile of the sums.
    /// </summary>
    public bool RollingYear { get; init; }

    /// <summary>Whether the lines are shares of runs (0/1 metrics), drawn without a band on 0-1.</summary>
    public bool IsShare => !ShowsBand && !RollingYear;

    /// <summary>The lines of the legend: one per distinct label, in order.</summary>
    public IEnumerable<ChartLine> LegendLines => Panels.SelectMany(p => p.Lines).DistinctBy(l => l.Label);
}

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TrackSim.Benchmarks;

/// <summary>
/// Citizen updates per second: the benchmark's <c>Citizens</c> parameter divided by the median
/// time of one operation, in millions. For the citizen step one operation is one round, so this
/// is the number of citizens that listen to a partner per second.
/// </summary>
internal sealed class UpdatesPerSecondColumn : IColumn
{
    public string Id => nameof(UpdatesPerSecondColumn);

    public string ColumnName => "Updates/s (M)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Millions of citizen updates per second: citizens divided by the median time of one step";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || benchmarkCase.Parameters["Citizens"] is not int citizens)
        {
            return "-";
        }

        double perSecond = citizens / (statistics.Median * 1e-9);
        return (perSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}

using System.Text;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Calibration;

/// <summary>The text of the tidy CSV files a calibration writes besides its particles.</summary>
public static class CalibrationTables
{
    /// <summary>The predictive bands' file name.</summary>
    public const string PredictiveFileName = "predictive.csv";

    /// <summary>The header of predictive.csv.</summary>
    public const string PredictiveHeader = "kind,metric,subject,date,median,q05,q95,noise_q05,noise_q95";

    /// <summary>posterior-summary.csv: one row per calibrated parameter.</summary>
    public static string Summary(IEnumerable<PosteriorSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(PosteriorSummary.Header).Append('\n');
        foreach (var r in rows)
        {
            text.AppendJoin(',', CsvText.Field(r.Parameter), N(r.PriorLow), N(r.PriorHigh), N(r.Mean), N(r.StandardDeviation), N(r.Q05), N(r.Median), N(r.Q95)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>fit.csv: one row per target and set of runs; <paramref name="fitted"/> says which targets the distance used.</summary>
    public static string Fit(IEnumerable<TargetFitRow> rows, Func<CalibrationTarget, bool> fitted)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fitted);
        var text = new StringBuilder(TargetFitRow.Header).Append(",used\n");
        foreach (var r in rows)
        {
            var t = r.Target;
            string observed = t.IsTiming ? (t.ObservedDate is { } d ? CsvText.Date(d) : "none") : N(t.Observed);
            text.AppendJoin(
                ',',
                CsvText.Field(t.Id),
                TargetsFile.NameOf(t.Kind),
                CsvText.Field(t.Subject),
                observed,
                N(t.Tolerance),
                CsvText.Field(r.Runs),
                CsvText.Integer(r.Count),
                N(r.MetShare),
                N(r.Q05),
                N(r.Median),
                N(r.Q95),
                CsvText.Integer(r.Missing),
                N(r.MedianDiscrepancy),
                fitted(t) ? "fitted" : "held_out").Append('\n');
        }

        return text.ToString();
    }

    /// <summary>predictive.csv: the bands of each series, one row per date.</summary>
    public static string Predictive(IEnumerable<PredictiveSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var text = new StringBuilder(PredictiveHeader).Append('\n');
        foreach (var s in series)
        {
            for (int k = 0; k < s.Dates.Length; k++)
            {
                text.AppendJoin(',', TargetsFile.NameOf(s.Kind), s.Metric, CsvText.Field(s.Subject), CsvText.Date(s.Dates[k]), N(s.Median[k]), N(s.Low[k]), N(s.High[k]), N(s.NoiseLow[k]), N(s.NoiseHigh[k])).Append('\n');
            }
        }

        return text.ToString();
    }

    // Empty for a number a run set does not have (no run reached the agreement).
    private static string N(double value) => double.IsNaN(value) ? string.Empty : CsvText.Number(value);
}

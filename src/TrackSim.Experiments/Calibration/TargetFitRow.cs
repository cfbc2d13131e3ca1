using TrackSim.Experiments.Analysis;

namespace TrackSim.Experiments.Calibration;

/// <summary>How a set of runs does on one target (a row of fit.csv).</summary>
/// <param name="Target">The target.</param>
/// <param name="Runs">Which runs: <c>posterior</c> (drawn particles) or <c>central</c> (the central values), or a variant's name.</param>
/// <param name="Count">How many runs.</param>
/// <param name="MetShare">The share of the runs that meet the target.</param>
/// <param name="Q05">The 5 % quantile of the runs' model numbers (NaN where no run has one).</param>
/// <param name="Median">Their median.</param>
/// <param name="Q95">Their 95 % quantile.</param>
/// <param name="Missing">How many runs have no number (never reached, never reopened).</param>
/// <param name="MedianDiscrepancy">The median discrepancy, in tolerances.</param>
public sealed record TargetFitRow(CalibrationTarget Target, string Runs, int Count, double MetShare, double Q05, double Median, double Q95, int Missing, double MedianDiscrepancy)
{
    /// <summary>The header of fit.csv.</summary>
    public const string Header = "target,kind,subject,observed,tolerance,runs,count,met_share,model_q05,model_median,model_q95,model_missing,median_discrepancy";

    /// <summary>The file name of the fit table.</summary>
    public const string FileName = "fit.csv";

    /// <summary>The row of <paramref name="fits"/> (the same target in each) for <paramref name="runs"/>.</summary>
    public static TargetFitRow Of(CalibrationTarget target, string runs, IReadOnlyList<TargetFit> fits)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fits);
        var numbers = fits.Select(f => f.Model).Where(double.IsFinite).Order().ToArray();
        return new TargetFitRow(
            target,
            runs,
            fits.Count,
            fits.Count(f => f.Met) / (double)fits.Count,
            numbers.Length == 0 ? double.NaN : Quantiles.Type7(numbers, 0.05),
            numbers.Length == 0 ? double.NaN : Quantiles.Type7(numbers, 0.5),
            numbers.Length == 0 ? double.NaN : Quantiles.Type7(numbers, 0.95),
            fits.Count - numbers.Length,
            Quantiles.Type7Unsorted(fits.Select(f => f.Discrepancy), 0.5));
    }
}

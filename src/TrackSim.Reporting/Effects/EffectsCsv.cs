using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Effects;

/// <summary>Writes effects.csv: one row per variant, metric, subject and window; empty cells where a value is undefined.</summary>
public static class EffectsCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "effects.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,metric,subject,window,n,mean_base,mean_variant,mean_difference,ci_low,ci_high,fraction_higher";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<EffectRow> rows) =>
        CsvTable.Write(writer, Header, rows, r =>
        [
            CsvText.Field(r.Variant),
            CsvText.Field(r.Metric),
            CsvText.Field(r.Subject),
            CsvText.Field(r.Window),
            CsvText.Integer(r.N),
            CsvTable.Cell(r.MeanBase),
            CsvTable.Cell(r.MeanVariant),
            CsvTable.Cell(r.MeanDifference),
            CsvTable.Cell(r.Low),
            CsvTable.Cell(r.High),
            CsvTable.Cell(r.FractionHigher),
        ]);
}

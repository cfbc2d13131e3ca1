using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Effects;

/// <summary>Writes effects.csv: one row per variant, metric, subject and window; empty cells where a value is undefined.</summary>
public static class EffectsCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "effects.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,metric,subject,window,n,mean_base,mean_variant,mean_difference,ci_low,ci_high,fraction_higher";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<EffectRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var r in rows)
        {
            writer.Write(string.Join(
                ',',
                CsvText.Field(r.Variant),
                CsvText.Field(r.Metric),
                CsvText.Field(r.Subject),
                CsvText.Field(r.Window),
                CsvText.Integer(r.N),
                Cell(r.MeanBase),
                Cell(r.MeanVariant),
                Cell(r.MeanDifference),
                Cell(r.Low),
                Cell(r.High),
                Cell(r.FractionHigher)));
            writer.Write('\n');
        }
    }

    /// <summary>A number, or an empty cell when it is missing or not finite (never "NaN").</summary>
    internal static string Cell(double? value) => value is { } x && double.IsFinite(x) ? CsvText.Number(x) : string.Empty;
}

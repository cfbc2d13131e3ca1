using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Effects;

/// <summary>Writes recovery.csv: time to recovery after each labelled hostile event, in steps.</summary>
public static class RecoveryCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "recovery.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,event,measure,n,recovered,censored,median_recovered,km_median";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<RecoveryRow> rows)
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
                CsvText.Field(r.Event),
                CsvText.Field(r.Measure),
                CsvText.Integer(r.N),
                CsvText.Integer(r.Recovered),
                CsvText.Integer(r.Censored),
                EffectsCsv.Cell(r.MedianRecovered),
                EffectsCsv.Cell(r.KaplanMeierMedian)));
            writer.Write('\n');
        }
    }
}

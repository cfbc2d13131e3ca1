using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Effects;

/// <summary>Writes recovery.csv: time to recovery after each labelled hostile event, in steps.</summary>
public static class RecoveryCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "recovery.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,event,measure,n,recovered,censored,median_recovered,km_median";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<RecoveryRow> rows) =>
        CsvTable.Write(writer, Header, rows, r =>
        [
            CsvText.Field(r.Variant),
            CsvText.Field(r.Event),
            CsvText.Field(r.Measure),
            CsvText.Integer(r.N),
            CsvText.Integer(r.Recovered),
            CsvText.Integer(r.Censored),
            CsvTable.Cell(r.MedianRecovered),
            CsvTable.Cell(r.KaplanMeierMedian),
        ]);
}

using TrackSim.Experiments.Files;
using TrackSim.Experiments.Outcomes;
using TrackSim.Reporting.Effects;

using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Outcomes;

/// <summary>Writes agreement-targets.csv: per variant, agreement and historical date, the share of runs that reached it within 12 months of that date.</summary>
public static class AgreementTargetsCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "agreement-targets.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,agreement,target,replicates,within_12_months_share,reached,offset_months_p05,offset_months_p50,offset_months_p95";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<AgreementTargetRow> rows) =>
        CsvTable.Write(writer, Header, rows, r =>
        [
            CsvText.Field(r.Variant),
            CsvText.Field(r.Agreement),
            CsvText.Date(r.Target),
            CsvText.Integer(r.Replicates),
            CsvTable.Cell(r.WithinShare),
            CsvText.Integer(r.Reached),
            CsvTable.Cell(r.OffsetP05),
            CsvTable.Cell(r.OffsetP50),
            CsvTable.Cell(r.OffsetP95),
        ]);
}

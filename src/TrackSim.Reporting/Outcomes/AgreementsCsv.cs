using TrackSim.Experiments.Files;
using TrackSim.Experiments.Outcomes;
using TrackSim.Reporting.Effects;

using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Outcomes;

/// <summary>Writes agreements.csv: per variant and agreement, whether and when the runs reached it; empty cells where a value is undefined.</summary>
public static class AgreementsCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "agreements.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,agreement,name,historical,replicates,reached_share,first_reached_p05,first_reached_p50,first_reached_p95,mean_times_reached,collapsed_share,in_force_at_end_share,scripted_share";

    /// <summary>Writes <paramref name="rows"/> with the header; the historical dates in one cell, separated by semicolons.</summary>
    public static void Write(TextWriter writer, IEnumerable<AgreementRow> rows) =>
        CsvTable.Write(writer, Header, rows, r =>
        [
            CsvText.Field(r.Variant),
            CsvText.Field(r.Agreement),
            CsvText.Field(r.Name),
            CsvText.Field(string.Join(';', r.Historical.Select(CsvText.Date))),
            CsvText.Integer(r.Replicates),
            CsvTable.Cell(r.ReachedShare),
            Date(r.FirstReachedP05),
            Date(r.FirstReachedP50),
            Date(r.FirstReachedP95),
            CsvTable.Cell(r.MeanTimesReached),
            CsvTable.Cell(r.CollapsedShare),
            CsvTable.Cell(r.InForceAtEndShare),
            CsvTable.Cell(r.ScriptedShare),
        ]);

    /// <summary>A date, or an empty cell when there is none.</summary>
    internal static string Date(DateOnly? date) => date is { } d ? CsvText.Date(d) : string.Empty;
}

using TrackSim.Experiments.Files;
using TrackSim.Experiments.Outcomes;
using TrackSim.Reporting.Effects;

using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Outcomes;

/// <summary>Writes dialogue.csv: per variant and dyad, the suspensions and resumptions of the official dialogue and the months to resume.</summary>
public static class DialogueCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "dialogue.csv";

    /// <summary>The header line.</summary>
    public const string Header = "variant,dyad,replicates,mean_suspensions,mean_lapses,mean_resumptions,suspensions,resumed,months_to_resume_p05,months_to_resume_p50,months_to_resume_p95";

    /// <summary>Writes <paramref name="rows"/> with the header.</summary>
    public static void Write(TextWriter writer, IEnumerable<DialogueRow> rows) =>
        CsvTable.Write(writer, Header, rows, r =>
        [
            CsvText.Field(r.Variant),
            CsvText.Field(r.Dyad),
            CsvText.Integer(r.Replicates),
            CsvTable.Cell(r.MeanSuspensions),
            CsvTable.Cell(r.MeanLapses),
            CsvTable.Cell(r.MeanResumptions),
            CsvText.Integer(r.Suspensions),
            CsvText.Integer(r.Resumed),
            CsvTable.Cell(r.MonthsToResumeP05),
            CsvTable.Cell(r.MonthsToResumeP50),
            CsvTable.Cell(r.MonthsToResumeP95),
        ]);
}

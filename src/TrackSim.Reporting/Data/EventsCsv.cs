using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>events.csv</c>: the event log of every run: scenario events as they were applied (rule
/// <c>EVENT</c>) and every rule that changed the world, with the step and date it happened.
/// </summary>
public static class EventsCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "events.csv";

    /// <summary>The header line (fixed).</summary>
    public const string Header = "variant,replicate,step,date,rule,subject,detail";

    /// <summary>Writes the log of every run of <paramref name="ensemble"/>.</summary>
    public static void Write(TextWriter writer, EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ensemble);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var run in ensemble.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string prefix = $"{CsvText.Field(run.Variant)},{CsvText.Integer(run.Replicate)},";
            foreach (var entry in run.Log)
            {
                writer.Write(prefix);
                writer.Write($"{CsvText.Integer(entry.Step)},{CsvText.Date(entry.Date)},{CsvText.Field(entry.Rule)},{CsvText.Field(entry.Subject)},{CsvText.Field(entry.Detail)}\n");
            }
        }
    }
}

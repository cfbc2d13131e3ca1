using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>series.csv</c>: every recorded value of every run in tidy long form, one row per variant,
/// replicate, step, metric and subject, ordered in that way.
/// </summary>
public static class SeriesCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "series.csv";

    /// <summary>The header line (fixed).</summary>
    public const string Header = "variant,replicate,step,date,metric,subject,value";

    /// <summary>Writes every value of <paramref name="ensemble"/>.</summary>
    public static void Write(TextWriter writer, EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ensemble);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var run in ensemble.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string variant = CsvText.Field(run.Variant);
            string replicate = CsvText.Integer(run.Replicate);
            var keys = run.Series.Select(s => $"{CsvText.Field(s.Key.Metric)},{CsvText.Field(s.Key.Subject)},").ToArray();
            for (int t = 0; t < run.Dates.Length; t++)
            {
                string prefix = $"{variant},{replicate},{CsvText.Integer(t)},{CsvText.Date(run.Dates[t])},";
                for (int k = 0; k < run.Series.Length; k++)
                {
                    writer.Write(prefix);
                    writer.Write(keys[k]);
                    writer.Write(CsvText.Number(run.Series[k].Values[t]));
                    writer.Write('\n');
                }
            }
        }
    }
}

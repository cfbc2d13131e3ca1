using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Distributions;

/// <summary>
/// <c>distributions.csv</c>: the histogram of every public's trust at the points
/// <c>outputs.distributions</c> chooses, in every run: one row per bin, with the number and
/// share of the public in it and the cluster count of the whole distribution.
/// </summary>
public static class DistributionsCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "distributions.csv";

    /// <summary>The header line (fixed).</summary>
    public const string Header = "variant,replicate,step,date,subject,bin_low,bin_high,count,share,clusters";

    /// <summary>Whether any run of <paramref name="ensemble"/> recorded a distribution.</summary>
    public static bool HasAny(EnsembleResult ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        return ensemble.Runs.Any(r => !r.Distributions.IsDefaultOrEmpty);
    }

    /// <summary>Writes the distributions of every run of <paramref name="ensemble"/>, by variant, replicate, point and subject.</summary>
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
            foreach (var snapshot in run.Distributions)
            {
                string point = $"{prefix}{CsvText.Integer(snapshot.Step)},{CsvText.Date(snapshot.Date)},{CsvText.Field(snapshot.Subject)},";
                string clusters = CsvText.Integer(snapshot.Clusters);
                int bins = snapshot.Counts.Length;
                for (int b = 0; b < bins; b++)
                {
                    writer.Write(point);
                    writer.Write($"{CsvText.Number(Edge(b, bins))},{CsvText.Number(Edge(b + 1, bins))},{CsvText.Integer(snapshot.Counts[b])},{CsvText.Number(snapshot.Share(b))},{clusters}\n");
                }
            }
        }
    }

    /// <summary>
    /// Reads a file <see cref="Write"/> wrote back into its distributions, with the variant and
    /// replicate of each; throws <see cref="InvalidDataException"/> on a file it did not write.
    /// </summary>
    public static List<(string Variant, int Replicate, DistributionSnapshot Snapshot)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<(string, int, DistributionSnapshot)>();
        string? key = null;
        var counts = new List<int>();
        string[]? last = null;
        bool header = true;
        try
        {
            foreach (string[] row in CsvText.Records(reader))
            {
                if (header)
                {
                    header = false;
                    if (string.Join(',', row) != Header)
                    {
                        throw new InvalidDataException($"{FileName} does not start with the header {Header}");
                    }

                    continue;
                }

                if (row.Length != 10)
                {
                    throw new InvalidDataException($"{FileName}: a row has {row.Length} fields, not 10");
                }

                string rowKey = string.Join(',', row[..5]);
                if (rowKey != key)
                {
                    Flush();
                    key = rowKey;
                }

                counts.Add(CsvText.ParseInteger(row[7]));
                last = row;
            }
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{FileName}: {e.Message}", e);
        }

        Flush();
        return result;

        void Flush()
        {
            if (last is null)
            {
                return;
            }

            var snapshot = new DistributionSnapshot(CsvText.ParseInteger(last[2]), CsvText.ParseDate(last[3]), last[4], [.. counts], CsvText.ParseInteger(last[9]));
            result.Add((last[0], CsvText.ParseInteger(last[1]), snapshot));
            counts.Clear();
            last = null;
        }
    }

    /// <summary>The lower edge of bin <paramref name="bin"/> of <paramref name="bins"/> equal bins of [0,1] (1 for <paramref name="bin"/> = <paramref name="bins"/>).</summary>
    public static double Edge(int bin, int bins) => (double)bin / bins;
}

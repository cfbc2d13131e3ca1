using System.Text.RegularExpressions;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Outcomes;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Report;

/// <summary>
/// Reads what a report needs from a results folder: <c>manifest.json</c>, <c>chart-inputs.json</c>,
/// <c>summary.csv</c> and <c>events.csv</c> (all required), and <c>effects.csv</c>,
/// <c>recovery.csv</c> and <c>agreements.csv</c> where the run wrote them. Throws
/// <see cref="InvalidDataException"/> with one sentence naming the file and what is wrong.
/// </summary>
public static class ReportReader
{
    /// <summary>Reads the results folder <paramref name="folder"/>.</summary>
    public static ReportContent Read(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var manifest = ReadManifest(folder);
        var inputs = Parse(folder, ChartInputs.FileName, path => ResultsJson.ReadChartInputs(File.ReadAllText(path)));
        var summary = Parse(folder, SummaryCsv.FileName, path =>
        {
            using var reader = new StreamReader(path);
            return SummaryCsv.Read(reader, manifest.Replicates);
        });
        cancellationToken.ThrowIfCancellationRequested();
        // The log of every run can be large; the first run's entries come first and are all the timeline needs.
        var log = Parse(folder, EventsCsv.FileName, path => ReadTable(path, EventsCsv.FileName, EventsCsv.Header, FirstRun));
        var events = inputs.Events.Select(e => new ReportEvent(e, EffectsOf(e.Id, log))).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return new ReportContent(
            manifest,
            inputs,
            summary,
            events,
            Optional(folder, EffectsCsv.FileName, EffectsCsv.Header),
            Optional(folder, RecoveryCsv.FileName, RecoveryCsv.Header),
            Optional(folder, AgreementsCsv.FileName, AgreementsCsv.Header));
    }

    /// <summary>
    /// The manifest of <paramref name="folder"/>; throws <see cref="InvalidDataException"/> when the
    /// folder has none (it is not a complete TrackSim results folder) or it cannot be read.
    /// </summary>
    public static Manifest ReadManifest(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, Manifest.FileName);
        if (FileKinds.Of(path) != FileKind.Regular)
        {
            throw new InvalidDataException($"{folder} is not a complete TrackSim results folder (it has no {Manifest.FileName}); run 'tracksim run' first");
        }

        try
        {
            return ResultsJson.ReadManifest(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{folder}: {e.Message}; it was edited or not written by this version of TrackSim", e);
        }
    }

    /// <summary>
    /// Reads a CSV file of a results folder whose first line must be <paramref name="header"/>;
    /// every row must have as many cells as the header. With <paramref name="takeWhile"/>, reading
    /// stops at the first row it refuses (given the first row and the row).
    /// </summary>
    internal static ReportTable ReadTable(string path, string file, string header, Func<string[], string[], bool>? takeWhile = null)
    {
        using var reader = new StreamReader(path);
        var rows = new List<IReadOnlyList<string>>();
        string[]? columns = null;
        int line = 0;
        foreach (string[] fields in CsvText.Records(reader))
        {
            line++;
            if (columns is null)
            {
                if (string.Join(',', fields) != header)
                {
                    throw new InvalidDataException($"{file}: line 1 should be the header {header}");
                }

                columns = fields;
                continue;
            }

            if (fields.Length != columns.Length)
            {
                throw new InvalidDataException($"{file}: line {line} has {fields.Length} fields; expected {columns.Length}");
            }

            if (takeWhile is not null && rows.Count > 0 && !takeWhile((string[])rows[0], fields))
            {
                break;
            }

            rows.Add(fields);
        }

        return columns is null
            ? throw new InvalidDataException($"{file} is empty")
            : new ReportTable(file, columns, rows);
    }

    /// <summary>
    /// What the event <paramref name="id"/> did in the first run of the first variant: the entries of
    /// <paramref name="log"/> (<c>events.csv</c>, or its first rows) that name it ("stopped by mumbai", "reached: ... (scripted by mumbai)"), each as
    /// "RULE SUBJECT: DETAIL".
    /// </summary>
    internal static IReadOnlyList<string> EffectsOf(string id, ReportTable log)
    {
        if (log.Rows.Count == 0)
        {
            return [];
        }

        int variant = 0, replicate = 1, rule = 4, subject = 5, detail = 6;
        string firstVariant = log.Rows[0][variant];
        string firstReplicate = log.Rows[0][replicate];
        var mention = new Regex($@"\bby {Regex.Escape(id)}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return [.. log.Rows
            .Where(r => r[variant] == firstVariant && r[replicate] == firstReplicate && mention.IsMatch(r[detail]))
            .Select(r => $"{r[rule]} {r[subject]}: {r[detail]}")];
    }

    // Rows of events.csv in the run of the first row: same variant, same replicate.
    private static bool FirstRun(string[] first, string[] row) => row[0] == first[0] && row[1] == first[1];

    private static ReportTable? Optional(string folder, string file, string header)
    {
        string path = Path.Combine(folder, file);
        return FileKinds.Of(path) == FileKind.Missing ? null : Parse(folder, file, p => ReadTable(p, file, header));
    }

    // Reads a file the report needs, turning a missing, unreadable or malformed file into one sentence.
    private static T Parse<T>(string folder, string file, Func<string, T> read)
    {
        string path = Path.Combine(folder, file);
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            throw new InvalidDataException($"{folder} has no {file}; it was not written by this version of TrackSim, or not completely");
        }

        if (kind != FileKind.Regular)
        {
            throw new InvalidDataException($"{Path.Combine(folder, file)} is {FileKinds.Describe(kind)}, not a file TrackSim wrote");
        }

        try
        {
            return read(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{folder}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{Path.Combine(folder, file)} cannot be read: {e.Message}", e);
        }
    }
}

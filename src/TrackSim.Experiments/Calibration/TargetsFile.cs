using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// Reads a targets file: a CSV with the header <see cref="Header"/>, one target per row (the
/// format is documented in docs/CALIBRATION.md). Every problem is reported with its line and
/// column; nothing is half read.
/// </summary>
public static class TargetsFile
{
    /// <summary>The columns, in order.</summary>
    public static ImmutableArray<string> Columns { get; } = ["id", "kind", "metric", "subject", "period", "baseline", "observed", "tolerance", "weight", "source", "why"];

    /// <summary>The header line.</summary>
    public static string Header => string.Join(',', Columns);

    /// <summary>The largest targets file read (a targets file is a page of text, not data).</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    private static readonly ImmutableDictionary<string, TargetKind> Kinds = new Dictionary<string, TargetKind>(StringComparer.Ordinal)
    {
        ["level"] = TargetKind.Level,
        ["favourable"] = TargetKind.Favourable,
        ["unfavourable"] = TargetKind.Unfavourable,
        ["change"] = TargetKind.Change,
        ["peak"] = TargetKind.Peak,
        ["agreement"] = TargetKind.Agreement,
        ["resumption"] = TargetKind.Resumption,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The name of a kind in a targets file.</summary>
    public static string NameOf(TargetKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>Reads the targets of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read, or holds problems (each named with its line).</exception>
    public static ImmutableArray<CalibrationTarget> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InvalidDataException(Directory.Exists(path) ? $"{path}: is a folder, not a targets file" : $"{path}: no such file");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new StreamReader(stream);
            var buffer = new char[MaxBytes + 1];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            if (read > MaxBytes)
            {
                throw new InvalidDataException($"{path}: larger than {MaxBytes / (1024 * 1024)} MiB; a targets file is a short CSV");
            }

            text = new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message})", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a targets file; <paramref name="where"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The text holds problems (each named with its line).</exception>
    public static ImmutableArray<CalibrationTarget> Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(where);
        var problems = new List<string>();
        var targets = ImmutableArray.CreateBuilder<CalibrationTarget>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        List<(int Line, string[] Fields)> records;
        try
        {
            records = Records(text);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }

        if (records.Count == 0 || string.Join(',', records[0].Fields) != Header)
        {
            throw new InvalidDataException($"{where}:1: the header must be {Header}");
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != Columns.Length)
            {
                problems.Add($"{where}:{line}: {fields.Length} fields, expected {Columns.Length} ({Header})");
                continue;
            }

            var row = new Row(where, line, fields, problems);
            if (row.Read() is { } target)
            {
                if (ids.TryGetValue(target.Id, out int first))
                {
                    problems.Add($"{where}:{line}: id: '{target.Id}' is also the id of line {first}");
                }
                else
                {
                    ids[target.Id] = line;
                    targets.Add(target);
                }
            }
        }

        if (problems.Count == 0 && targets.Count == 0)
        {
            problems.Add($"{where}: no targets (only the header)");
        }

        return problems.Count > 0 ? throw new InvalidDataException(string.Join("\n", problems)) : targets.ToImmutable();
    }

    // Records with the line each starts on; blank lines and lines starting with '#' are skipped.
    private static List<(int Line, string[] Fields)> Records(string text)
    {
        var records = new List<(int, string[])>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            // A quoted field may hold a line break: join lines until the quotes balance.
            int start = i;
            string record = lines[i];
            while (record.Count(c => c == '"') % 2 == 1)
            {
                if (++i == lines.Length)
                {
                    throw new InvalidDataException($"line {start + 1}: a quoted field is not closed");
                }

                record += "\n" + lines[i];
            }

            using var reader = new StringReader(record);
            records.Add((start + 1, CsvText.Records(reader).Single()));
        }

        return records;
    }

    /// <summary>One row being read: each column checked, problems added with the line and column.</summary>
    private sealed class Row(string where, int line, string[] fields, List<string> problems)
    {
        private int _problems;

        public CalibrationTarget? Read()
        {
            string id = Field("id");
            if (id.Length == 0)
            {
                Problem("id", "empty; every target needs a name");
            }

            string kindText = Field("kind");
            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                Problem("kind", $"'{kindText}' is not a kind; kinds are {string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal))}");
                return null;
            }

            string metric = Field("metric");
            string subject = Field("subject");
            var period = Period("period");
            var baseline = Period("baseline");
            double observed = double.NaN;
            DateOnly? observedDate = null;
            string observedText = Field("observed");
            bool timing = kind is TargetKind.Peak or TargetKind.Agreement or TargetKind.Resumption;
            if (timing)
            {
                if (observedText == "none" && kind == TargetKind.Resumption)
                {
                    if (period is null)
                    {
                        Problem("period", "a resumption observed as 'none' needs the period it did not happen in");
                    }
                }
                else if (TargetPeriod.ParseDate(observedText) is { } date)
                {
                    observedDate = date;
                }
                else
                {
                    Problem("observed", $"'{observedText}' is not a date (YYYY-MM or YYYY-MM-DD){(kind == TargetKind.Resumption ? " or none" : string.Empty)}");
                }
            }
            else
            {
                observed = Number("observed", double.NegativeInfinity);
            }

            double tolerance = Number("tolerance", 0, exclusive: true);
            double weight = Field("weight").Length == 0 ? 1 : Number("weight", 0, exclusive: true);
            string source = Field("source");
            if (source.Length == 0)
            {
                Problem("source", "empty; say where the observation comes from");
            }

            string why = Field("why");
            if (why.Length == 0)
            {
                Problem("why", "empty; say what the target measures and why it is there");
            }

            CheckColumns(kind, metric, subject, period, baseline, observed, observedDate);
            return _problems > 0
                ? null
                : new CalibrationTarget(id, kind, Implied(kind, metric), subject, period, baseline, observed, observedDate, tolerance, weight, source, why, line);
        }

        private void CheckColumns(TargetKind kind, string metric, string subject, TargetPeriod? period, TargetPeriod? baseline, double observed, DateOnly? observedDate)
        {
            bool needsMetric = kind is TargetKind.Level or TargetKind.Change or TargetKind.Peak;
            if (needsMetric && MetricCatalog.Find(metric) is null)
            {
                Problem("metric", metric.Length == 0 ? $"a {NameOf(kind)} target needs a metric" : $"no metric '{metric}'; metrics are {string.Join(", ", MetricCatalog.All.Select(m => m.Name))}");
            }
            else if (!needsMetric && metric.Length > 0 && metric != Implied(kind, string.Empty))
            {
                Problem("metric", $"a {NameOf(kind)} target reads {(Implied(kind, string.Empty) is { Length: > 0 } implied ? implied : "no metric")}; leave the column empty");
            }

            if (subject.Length == 0)
            {
                Problem("subject", kind == TargetKind.Agreement ? "empty; give the agreement's id" : "empty; give the metric's subject (a state, a dyad such as IN-PK, or a pair such as IN>PK)");
            }

            if (kind is TargetKind.Level or TargetKind.Favourable or TargetKind.Unfavourable or TargetKind.Change && period is null)
            {
                Problem("period", $"a {NameOf(kind)} target needs the period it averages over");
            }

            if (kind == TargetKind.Change && baseline is null)
            {
                Problem("baseline", "a change target needs the baseline period it is compared with");
            }
            else if (kind != TargetKind.Change && baseline is not null)
            {
                Problem("baseline", $"only a change target has a baseline; leave it empty for a {NameOf(kind)} target");
            }

            if (kind is TargetKind.Favourable or TargetKind.Unfavourable && double.IsFinite(observed) && observed is < 0 or > 1)
            {
                Problem("observed", $"a share is between 0 and 1, not {Format(observed)} (write 33 % as 0.33)");
            }

            if (kind == TargetKind.Change && observed == 0)
            {
                Problem("observed", "a change target needs the signed change it expects (not 0)");
            }

            if (kind == TargetKind.Peak && period is null)
            {
                Problem("period", "a peak target needs the window it searches");
            }

            if (observedDate is { } date && period is not null && !period.Contains(date))
            {
                Problem("observed", $"{date:yyyy-MM-dd} is outside the period {period}");
            }
        }

        private static string Implied(TargetKind kind, string metric) => kind switch
        {
            TargetKind.Favourable or TargetKind.Unfavourable => MetricCatalog.PublicTrust.Name,
            TargetKind.Resumption => MetricCatalog.DialogueOpen.Name,
            TargetKind.Agreement => string.Empty,
            _ => metric,
        };

        private string Field(string column) => fields[Columns.IndexOf(column)].Trim();

        private TargetPeriod? Period(string column)
        {
            string text = Field(column);
            if (text.Length == 0)
            {
                return null;
            }

            var period = TargetPeriod.Parse(text, out string? error);
            if (period is null)
            {
                Problem(column, error!);
            }

            return period;
        }

        private double Number(string column, double least, bool exclusive = false)
        {
            string text = Field(column);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                Problem(column, text.Length == 0 ? "empty; a number is needed" : $"'{text}' is not a number");
                return double.NaN;
            }

            if (exclusive ? value <= least : value < least)
            {
                Problem(column, $"{text} must be {(exclusive ? "above" : "at least")} {Format(least)}");
            }

            return value;
        }

        private void Problem(string column, string what)
        {
            _problems++;
            problems.Add($"{where}:{line}: {column}: {what}");
        }

        private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
    }
}

using System.Text;
using System.Text.Json;
using TrackSim.Experiments.Files;

namespace TrackSim.Server.Classroom;

/// <summary>
/// The export of a room: one row per submission, in the order they came (students in the order they
/// joined for the same second), in the project's CSV style (<see cref="CsvText"/>: invariant
/// culture, RFC 4180 quoting where a field needs it, empty fields for what a submission lacks).
/// </summary>
public static class ClassroomCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "time,student,lesson,variant,replicates,settings,prediction_metric,prediction_subject,prediction_year,prediction_value,outcome_value,outcome_p05,outcome_p95";

    /// <summary>The CSV text of <paramref name="submissions"/> (student name and submission), header first.</summary>
    public static string Write(IEnumerable<(string Student, SubmissionView Submission)> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (student, s) in submissions.OrderBy(s => s.Submission.Time, StringComparer.Ordinal))
        {
            var p = s.Prediction;
            var o = s.Outcome;
            string[] fields =
            [
                s.Time,
                CsvText.Field(student),
                CsvText.Field(s.Settings.Lesson ?? string.Empty),
                CsvText.Field(s.Settings.Variant ?? string.Empty),
                s.Settings.Replicates is { } r ? CsvText.Integer(r) : string.Empty,
                CsvText.Field(Settings(s.Settings)),
                CsvText.Field(p?.Metric ?? string.Empty),
                CsvText.Field(p?.Subject ?? string.Empty),
                p is null ? string.Empty : CsvText.Integer(p.Year),
                p is null ? string.Empty : CsvText.Number(p.Value),
                o is null ? string.Empty : CsvText.Number(o.Value),
                o is null ? string.Empty : CsvText.Number(o.P05),
                o is null ? string.Empty : CsvText.Number(o.P95),
            ];
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The changes of a run as <c>path=value;...</c> in path order, mechanisms as
    /// <c>mechanisms.NAME=true</c>: each is the <c>--set</c> that redoes it on the command line.
    /// </summary>
    public static string Settings(ClassSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var pairs = (settings.Set ?? []).Select(kv => (kv.Key, Value(kv.Value)))
            .Concat((settings.Mechanisms ?? []).Select(kv => ("mechanisms." + kv.Key, kv.Value ? "true" : "false")))
            .OrderBy(kv => kv.Item1, StringComparer.Ordinal)
            .Select(kv => $"{kv.Item1}={kv.Item2}");
        return string.Join(';', pairs);
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => CsvText.Number(value.GetDouble()),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}

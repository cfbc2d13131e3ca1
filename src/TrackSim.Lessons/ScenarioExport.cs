using System.Globalization;
using System.Text;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Lessons;

/// <summary>
/// A run of the page as a scenario file: the lesson's scenario tree with the run's changes applied
/// (the same overrides as the run, and <c>ensemble.replicates</c> set to the run's replicates),
/// written back as YAML after a comment header, so that <c>tracksim run FILE --variant V</c> redoes
/// the run with the same numbers.
/// </summary>
public static class ScenarioExport
{
    /// <summary>The end of the suggested file name, after the lesson's id.</summary>
    public const string FileSuffix = "-classroom.yaml";

    /// <summary>
    /// The file for <paramref name="request"/> on <paramref name="lesson"/>; null with the problem,
    /// worded as <see cref="LessonApi.Run"/> words it, when the request is not valid.
    /// </summary>
    public static (ScenarioExportResponse? Response, string? Error) Make(Lesson lesson, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(request);
        // The checks of a run, so that a request is refused here exactly when it is refused there.
        var (run, error) = LessonApi.Prepare(lesson, request);
        if (run is null)
        {
            return (null, error);
        }

        var (scenario, overrides, variant, replicates) = run;

        // The run's replicates become the file's, so 'tracksim run' with no -r runs as many.
        Override[] changes = [.. overrides, new Override("ensemble.replicates", replicates.ToString(CultureInfo.InvariantCulture))];
        var (tree, errors) = ScenarioTree.WithOverrides(lesson.Yaml, lesson.File, changes);
        if (tree is null)
        {
            return (null, string.Join("; ", errors.Take(5).Select(LessonApi.Describe)));
        }

        // A scenario without a name takes its file's; the exported file is named otherwise, so the name is written.
        if (tree.Get("name") is null)
        {
            tree.Entries.Insert(0, KeyValuePair.Create<YamlScalar, YamlNode>(new YamlScalar(Position.Start, "name", isPlain: true), new YamlScalar(Position.Start, scenario.Name, isPlain: false)));
        }

        string file = FileName(lesson.Id);
        string command = $"tracksim run {file} --variant {ShellWord(variant)}";
        string yaml = Header(lesson, scenario, variant, changes, command) + YamlTreeWriter.Write(tree);
        return (new ScenarioExportResponse(file, yaml, command), null);
    }

    /// <summary>The suggested file name: the lesson's id (letters, digits, '.', '-' and '_' kept, others '-') and <see cref="FileSuffix"/>.</summary>
    public static string FileName(string lessonId)
    {
        ArgumentNullException.ThrowIfNull(lessonId);
        var name = new StringBuilder();
        foreach (char c in lessonId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }

        return (name.Length == 0 ? "lesson" : name.ToString()) + FileSuffix;
    }

    /// <summary>The comment lines that open the file: where it came from, what was changed, what was lost and how to rerun it.</summary>
    private static string Header(Lesson lesson, Scenario scenario, string variant, IReadOnlyList<Override> changes, string command)
    {
        var text = new StringBuilder();
        Line(text, $"Exported from the TrackSim classroom page: lesson {lesson.Id} ({lesson.Title}), variant {variant}.");
        Line(text, "Changes made on the page to the lesson's scenario, applied below as --set would apply them:");
        foreach (var change in changes)
        {
            Line(text, $"  {change.Path} = {change.Value}");
        }

        Line(text, "The comments of the lesson's scenario file were dropped; its settings are all here.");
        Line(text, "Redo the page's run (the same numbers, whatever the number of threads) with:");
        Line(text, $"  {command}");
        return text.Append('\n').ToString();
    }

    /// <summary>
    /// Appends <paramref name="line"/> as one comment line; line breaks and other control characters a
    /// title or a changed text may hold are written as escapes, so no text of a request becomes YAML.
    /// </summary>
    private static void Line(StringBuilder text, string line)
    {
        text.Append("# ");
        foreach (char c in line)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('\n');
    }

    /// <summary>A word as a POSIX shell reads it: as it is when it holds only safe characters, else in single quotes.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

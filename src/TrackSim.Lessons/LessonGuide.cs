using System.Text;
using System.Text.RegularExpressions;

namespace TrackSim.Lessons;

/// <summary>
/// What the teaching guide (docs/TEACHING.md, built into this assembly) says about one lesson: what
/// students should notice, the discussion questions, the exercises with their predictions and what
/// happens, and the debrief. The page shows the prediction before a run and the rest after it.
/// </summary>
/// <param name="Notice">What students should notice, one point each.</param>
/// <param name="Discussion">The discussion questions.</param>
/// <param name="Exercises">The exercises, in the guide's order.</param>
/// <param name="Debrief">The debrief paragraph, or null when the lesson has none.</param>
public sealed partial record LessonGuide(
    IReadOnlyList<string> Notice,
    IReadOnlyList<string> Discussion,
    IReadOnlyList<Exercise> Exercises,
    string? Debrief)
{
    private const string Resource = "TEACHING.md";

    private static readonly Lazy<IReadOnlyDictionary<string, LessonGuide>> Shipped = new(() => Parse(ReadResource()));

    /// <summary>The guide of the teaching lesson whose scenario file is <c>scenarios/teaching/ID.yaml</c>, or null.</summary>
    public static LessonGuide? For(string lessonId) => Shipped.Value.GetValueOrDefault(lessonId);

    /// <summary>Every lesson the guide describes, by the id of its scenario file.</summary>
    public static IReadOnlyDictionary<string, LessonGuide> All => Shipped.Value;

    /// <summary>
    /// Reads a teaching guide: each <c>## N. Title</c> section is a lesson, named by the first
    /// <c>scenarios/teaching/ID.yaml</c> it mentions; within it, the paragraphs that start
    /// <c>**What students should notice**</c>, <c>**Discussion.**</c>, <c>**Exercise.**</c> and
    /// <c>**Debrief.**</c> and the lists and code that follow them.
    /// </summary>
    public static IReadOnlyDictionary<string, LessonGuide> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var guides = new Dictionary<string, LessonGuide>(StringComparer.Ordinal);
        foreach (string section in Regex.Split(markdown.ReplaceLineEndings("\n"), @"^(?=## \d+\. )", RegexOptions.Multiline).Skip(1))
        {
            if (LessonFile().Match(section) is { Success: true } file && !guides.ContainsKey(file.Groups["id"].Value))
            {
                guides.Add(file.Groups["id"].Value, ParseSection(Blocks(section)));
            }
        }

        return guides;
    }

    private static LessonGuide ParseSection(List<string> blocks)
    {
        var notice = new List<string>();
        var discussion = new List<string>();
        var exercises = new List<Exercise>();
        string? debrief = null;
        for (int b = 0; b < blocks.Count; b++)
        {
            string block = blocks[b];
            if (block.StartsWith("**What students should notice", StringComparison.Ordinal))
            {
                notice.AddRange(ListItems(blocks, b + 1));
            }
            else if (block.StartsWith("**Discussion.**", StringComparison.Ordinal))
            {
                discussion.AddRange(ListItems(blocks, b + 1));
            }
            else if (block.StartsWith("**Debrief.**", StringComparison.Ordinal))
            {
                debrief = Plain(block["**Debrief.**".Length..]);
            }
            else if (block.StartsWith("**Exercise.**", StringComparison.Ordinal) && ParseExercise(blocks, b) is { } exercise)
            {
                exercises.Add(exercise);
            }
        }

        return new LessonGuide(notice, discussion, exercises, debrief);
    }

    // An exercise: its paragraph, the command in the code block after it, and the paragraphs up to
    // the one that holds "*(What happens: ...)*", which split into the prediction and its answer.
    private static Exercise? ParseExercise(List<string> blocks, int at)
    {
        string text = Plain(blocks[at]["**Exercise.**".Length..]);
        string? command = null;
        var asked = new StringBuilder();
        for (int b = at + 1; b < blocks.Count && !blocks[b].StartsWith("**", StringComparison.Ordinal) && !blocks[b].StartsWith('#'); b++)
        {
            if (blocks[b].StartsWith("```", StringComparison.Ordinal))
            {
                command ??= blocks[b].Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("tracksim ", StringComparison.Ordinal));
                continue;
            }

            // Lines join first: the marker itself may be broken over two lines.
            string paragraph = Spaces().Replace(blocks[b], " ");
            int marker = paragraph.IndexOf("*(What happens:", StringComparison.Ordinal);
            if (marker < 0)
            {
                asked.Append(paragraph).Append(' ');
                continue;
            }

            asked.Append(paragraph.AsSpan(0, marker));
            string answer = paragraph[(marker + "*(What happens:".Length)..].TrimEnd();
            answer = answer.EndsWith(")*", StringComparison.Ordinal) ? answer[..^2] : answer;
            return command is null ? null : new Exercise(text, command, ExerciseSettings.FromCommand(command), Plain(asked.ToString()), Plain(answer));
        }

        return null;
    }

    // The items of the list (bulleted or numbered) starting at block 'from', one string each.
    private static IEnumerable<string> ListItems(List<string> blocks, int from)
    {
        for (int b = from; b < blocks.Count && ListItem().IsMatch(blocks[b]); b++)
        {
            foreach (string item in ListItem().Split(blocks[b]).Where(i => i.Trim().Length > 0))
            {
                yield return Plain(item);
            }
        }
    }

    // Paragraphs and code blocks (a fenced block is one block, blank lines and all).
    private static List<string> Blocks(string section)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        bool fenced = false;
        foreach (string line in section.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (!fenced)
                {
                    Flush(blocks, current);
                }

                current.Append(line).Append('\n');
                if (fenced)
                {
                    Flush(blocks, current);
                }

                fenced = !fenced;
            }
            else if (!fenced && line.Trim().Length == 0)
            {
                Flush(blocks, current);
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }

        Flush(blocks, current);
        return blocks;
    }

    private static void Flush(List<string> blocks, StringBuilder current)
    {
        if (current.Length > 0)
        {
            blocks.Add(current.ToString().TrimEnd('\n'));
            current.Clear();
        }
    }

    /// <summary>Markdown inline text as plain text: links become their text, emphasis and code marks go, lines join.</summary>
    internal static string Plain(string markdown)
    {
        string text = Link().Replace(markdown, "${text}");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        text = Emphasis().Replace(text, "${text}");
        return Spaces().Replace(text, " ").Trim();
    }

    private static string ReadResource()
    {
        using var stream = typeof(LessonGuide).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The teaching guide {Resource} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"scenarios/teaching/(?<id>[a-z0-9-]+)\.yaml")]
    private static partial Regex LessonFile();

    // A list item starts a line with "- " or "1. "; its continuation lines are indented.
    [GeneratedRegex(@"^(?:- |\d+\. )", RegexOptions.Multiline)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\n]+)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

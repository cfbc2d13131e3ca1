using System.Text;

namespace TrackSim.Lessons;

/// <summary>An exercise of the teaching guide: change a value, predict, run, compare.</summary>
/// <param name="Text">What the exercise changes, as the guide says it.</param>
/// <param name="Command">The guide's command line.</param>
/// <param name="Settings">The command's changes as the page applies them.</param>
/// <param name="Predict">The question to answer before the run.</param>
/// <param name="Answer">What happens, as the guide found it; shown after the run.</param>
public sealed record Exercise(string Text, string Command, ExerciseSettings Settings, string Predict, string Answer);

/// <summary>The changes an exercise's command makes: its <c>--set</c> values and its <c>--variant</c>.</summary>
/// <param name="Variant">The variant the command runs alone, or null when it runs them all.</param>
/// <param name="Set">The <c>--set</c> values by path, as written.</param>
public sealed record ExerciseSettings(string? Variant, IReadOnlyDictionary<string, string> Set)
{
    /// <summary>Reads <c>--set PATH=VALUE</c> (quoted or not) and <c>--variant NAME</c> from a command line; other options are left out.</summary>
    public static ExerciseSettings FromCommand(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = Words(command);
        string? variant = null;
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int w = 0; w + 1 < words.Count; w++)
        {
            if (words[w] == "--set" && words[w + 1].IndexOf('=', StringComparison.Ordinal) is > 0 and var equals)
            {
                set[words[w + 1][..equals]] = words[w + 1][(equals + 1)..];
            }
            else if (words[w] == "--variant")
            {
                variant = words[w + 1];
            }
        }

        return new ExerciseSettings(variant, set);
    }

    // Splits a shell command into words, honouring double and single quotes.
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        bool inWord = false;
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}

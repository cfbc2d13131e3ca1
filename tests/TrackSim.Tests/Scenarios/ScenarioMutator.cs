using System.Text;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// Breaks a valid scenario text in the small ways people and tools break files: a line lost or
/// doubled, two characters swapped, a stray YAML indicator, a cut-off file, shifted indentation.
/// </summary>
/// <param name="random">The generator; a fixed seed makes every case reproducible.</param>
internal sealed class ScenarioMutator(Xoshiro256 random)
{
    // The characters that mean something to YAML, so a replacement most often changes the structure.
    private const string Indicators = ":-[]{}'\"#&*!|>%@";
    private const string Plain = "0123456789abcxyzAZ ";

    /// <summary>Applies one to three mutations to <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            text = MutateOnce(text);
        }

        return text;
    }

    private string MutateOnce(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return random.Next(7) switch
        {
            0 => EditLines(text, (lines, at) => lines.RemoveAt(at)),
            1 => EditLines(text, (lines, at) => lines.Insert(at, lines[at])),
            2 => SwapAdjacent(text),
            3 => Replace(text, Indicators),
            4 => Replace(text, Plain),
            5 => text[..random.Next(text.Length)],
            _ => EditLines(text, Reindent),
        };
    }

    private string EditLines(string text, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private void Reindent(List<string> lines, int at)
    {
        lines[at] = random.Next(4) switch
        {
            0 => "  " + lines[at],
            1 => " " + lines[at],
            2 => "\t" + lines[at],
            _ => lines[at].TrimStart(' '),
        };
    }

    private string SwapAdjacent(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        int at = random.Next(text.Length - 1);
        var chars = text.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    private string Replace(string text, string alphabet)
    {
        var builder = new StringBuilder(text);
        builder[random.Next(text.Length)] = alphabet[random.Next(alphabet.Length)];
        return builder.ToString();
    }
}

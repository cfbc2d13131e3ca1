using System.Globalization;
using System.Text;

namespace TrackSim.Scenarios.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree back as block-style YAML text that
/// <see cref="YamlTreeReader"/> reads to the same tree: the same keys in the same order, the same
/// scalar texts, and each scalar plain or quoted as it was (so a quoted <c>"no"</c> stays text and
/// a plain <c>0.5</c> stays a number). Comments are not in the tree, so they are not written.
/// </summary>
/// <remarks>
/// A plain scalar is written plain when the reader would read that same text back as a plain
/// scalar; otherwise, and for every quoted scalar, it is double-quoted with escapes. A long
/// quoted text is written as a folded block (<c>&gt;</c>) and one of several lines as a literal
/// block (<c>|</c>) when that keeps it exactly, so a scenario's description stays readable. Lists of scalars that fit on a line are written in
/// flow style (<c>[NA, SO]</c>); the rest are block lists. Anchors and aliases are not kept: a
/// node an alias repeats is written out in full at each place.
/// </remarks>
public static class YamlTreeWriter
{
    /// <summary>Spaces per nesting level.</summary>
    private const int Indent = 2;

    /// <summary>Longest flow list of scalars written on one line; longer lists are block lists.</summary>
    private const int MaxFlowWidth = 100;

    /// <summary>Width a long text is folded to, counting its indentation.</summary>
    private const int FoldWidth = 96;

    /// <summary>The YAML text of <paramref name="root"/>, ending with a line break.</summary>
    public static string Write(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        switch (root)
        {
            case YamlMapping { Entries.Count: > 0 } mapping:
                WriteEntries(text, mapping, 0, firstInline: false);
                break;
            case YamlSequence { Items.Count: > 0 } sequence:
                WriteItems(text, sequence, 0);
                break;
            default:
                text.Append(Inline(root, flow: false)).Append('\n');
                break;
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the entries of <paramref name="mapping"/> at <paramref name="indent"/>; with
    /// <paramref name="firstInline"/> the first entry continues the current line (after <c>- </c>).
    /// </summary>
    private static void WriteEntries(StringBuilder text, YamlMapping mapping, int indent, bool firstInline)
    {
        bool first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            // An empty key is quoted: nothing before the colon would be no key at all.
            text.Append(key.Value.Length == 0 ? Quoted(key.Value) : Scalar(key, flow: false)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    /// <summary>Writes the items of <paramref name="sequence"/> as <c>- item</c> lines at <paramref name="indent"/>.</summary>
    private static void WriteItems(StringBuilder text, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            text.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlMapping { Entries.Count: > 0 } mapping:
                    // The item's keys line up after "- ": the first on this line, the rest below it.
                    text.Append(' ');
                    WriteEntries(text, mapping, indent + Indent, firstInline: true);
                    break;
                default:
                    WriteValue(text, item, indent);
                    break;
            }
        }
    }

    /// <summary>
    /// Writes a value after a key's colon or an item's dash (the line so far belongs to a node at
    /// <paramref name="indent"/>): scalars and empty or short collections on the line, the rest
    /// indented below it.
    /// </summary>
    private static void WriteValue(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlMapping { Entries.Count: > 0 } mapping:
                text.Append('\n');
                WriteEntries(text, mapping, indent + Indent, firstInline: false);
                break;
            case YamlSequence { Items.Count: > 0 } sequence when Flow(sequence) is not { } line || indent + line.Length > MaxFlowWidth:
                text.Append('\n');
                WriteItems(text, sequence, indent + Indent);
                break;
            case YamlScalar { IsPlain: false } scalar when Block(scalar.Value, indent + Indent) is { } block:
                text.Append(' ').Append(block.Header).Append('\n');
                foreach (string line in block.Lines)
                {
                    // Empty lines stay empty: indenting them would add spaces to the text.
                    if (line.Length > 0)
                    {
                        text.Append(' ', indent + Indent).Append(line);
                    }

                    text.Append('\n');
                }

                break;
            default:
                string inline = Inline(value, flow: false);
                if (inline.Length > 0)
                {
                    text.Append(' ').Append(inline);
                }

                text.Append('\n');
                break;
        }
    }

    /// <summary>A scalar, an empty collection or a short list of scalars as text on one line.</summary>
    private static string Inline(YamlNode node, bool flow) => node switch
    {
        YamlScalar scalar => Scalar(scalar, flow),
        YamlMapping => "{}",
        YamlSequence sequence => Flow(sequence) ?? "[]",
        _ => throw new ArgumentException($"unknown YAML node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>
    /// A list as a flow list (<c>[a, b]</c>) when it is empty or holds only scalars that keep their
    /// style in flow context; otherwise null.
    /// </summary>
    private static string? Flow(YamlSequence sequence)
    {
        var items = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            // An empty plain scalar would read as no item at all in a flow list.
            if (item is not YamlScalar scalar || (scalar.IsPlain && (scalar.Value.Length == 0 || !IsSafePlain(scalar.Value, flow: true))))
            {
                return null;
            }

            items.Add(Scalar(scalar, flow: true));
        }

        return "[" + string.Join(", ", items) + "]";
    }

    /// <summary>A scalar as it is written on a line: plain when that reads back the same, else double-quoted.</summary>
    private static string Scalar(YamlScalar scalar, bool flow) =>
        scalar.IsPlain && (scalar.Value.Length == 0 || IsSafePlain(scalar.Value, flow)) ? scalar.Value : Quoted(scalar.Value);

    /// <summary>
    /// Whether <paramref name="value"/> written without quotes reads back as a plain scalar of the
    /// same text. Stricter than YAML itself: a value is quoted when in doubt, which changes only how
    /// the file looks, never what it says (a quoted text differs from a plain one only for values
    /// that look like numbers, booleans or null, and those are safe plain).
    /// </summary>
    internal static bool IsSafePlain(string value, bool flow)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }

        // Indicators that start something else than a plain scalar. A dash starts a list item
        // only before a space, so negative numbers (-0.5) and dashed words stay plain.
        char c0 = value[0];
        if ("?:,[]{}#&*!|>'\"%@`".Contains(c0, StringComparison.Ordinal) || (c0 == '-' && (value.Length == 1 || value[1] == ' ' || value.StartsWith("---", StringComparison.Ordinal))))
        {
            return false;
        }

        if (value.StartsWith("...", StringComparison.Ordinal) || value[^1] == ':')
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!IsPrintable(c) || c == '\t' || (flow && c is ',' or '[' or ']' or '{' or '}'))
            {
                return false;
            }

            // ": " ends a key and " #" starts a comment; in a flow list any colon may end a key.
            if ((c == ':' && (flow || (i + 1 < value.Length && value[i + 1] == ' '))) || (c == '#' && i > 0 && value[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A double-quoted scalar with YAML escapes for backslashes, quotes and characters that are not printable.</summary>
    internal static string Quoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '"':
                    text.Append("\\\"");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\0':
                    text.Append("\\0");
                    break;
                default:
                    // A surrogate pair (an emoji) is one printable character; it is written as it is.
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (IsPrintable(c))
                    {
                        text.Append(c);
                    }
                    else
                    {
                        text.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A quoted text as a block scalar whose lines start at <paramref name="indent"/>: folded
    /// (<c>&gt;</c>) when it has a line too long for <see cref="FoldWidth"/> and folding keeps it
    /// exactly, else literal (<c>|</c>) when it has several lines, else null (written quoted).
    /// </summary>
    private static (string Header, IReadOnlyList<string> Lines)? Block(string value, int indent)
    {
        string body = value.EndsWith('\n') ? value[..^1] : value;
        string[] paragraphs = body.Split('\n');
        if (paragraphs.Any(p => p.Length > FoldWidth - indent) && Foldable(value, paragraphs))
        {
            // A line break between two lines of a folded block reads as a space, and an empty
            // line between them as a line break: each paragraph is wrapped at single spaces,
            // and paragraphs are parted by an empty line.
            var lines = new List<string>();
            foreach (string paragraph in paragraphs)
            {
                if (lines.Count > 0)
                {
                    lines.Add(string.Empty);
                }

                lines.AddRange(Wrap(paragraph, FoldWidth - indent));
            }

            return (value.EndsWith('\n') ? ">" : ">-", lines);
        }

        return Literal(value) is { } header ? (header, LiteralLines(value)) : null;
    }

    /// <summary>
    /// Whether a folded block keeps <paramref name="value"/>: at most one closing line break, and
    /// paragraphs of printable characters without tabs that neither start nor end with a space
    /// (a line starting with a space is not folded) and are not empty.
    /// </summary>
    private static bool Foldable(string value, string[] paragraphs) =>
        value.Length > 0 && !value.EndsWith("\n\n", StringComparison.Ordinal) &&
        paragraphs.All(p => p.Length > 0 && p[0] != ' ' && p[^1] != ' ' && p.All(c => (IsPrintable(c) && c != '\t') || char.IsSurrogate(c)));

    /// <summary>
    /// <paramref name="paragraph"/> cut into lines of at most <paramref name="width"/> characters
    /// where it can be: only at a single space (the space is dropped and folding puts it back), so a
    /// word longer than the width makes a longer line.
    /// </summary>
    private static List<string> Wrap(string paragraph, int width)
    {
        var lines = new List<string>();
        int start = 0;
        while (paragraph.Length - start > width)
        {
            int cut = -1;
            for (int i = start + 1; i < paragraph.Length - 1 && (i - start <= width || cut < 0); i++)
            {
                if (paragraph[i] == ' ' && paragraph[i - 1] != ' ' && paragraph[i + 1] != ' ')
                {
                    cut = i;
                }
            }

            if (cut < 0)
            {
                break;
            }

            lines.Add(paragraph[start..cut]);
            start = cut + 1;
        }

        lines.Add(paragraph[start..]);
        return lines;
    }

    /// <summary>
    /// The header of a literal block (<c>|</c>, <c>|-</c>) that keeps <paramref name="value"/>
    /// exactly, or null when none does and the text is written quoted: a single line, a first line
    /// starting with a space or tab, a line of spaces only, more than one closing line break, or a
    /// character that is not printable.
    /// </summary>
    private static string? Literal(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value.EndsWith("\n\n", StringComparison.Ordinal) || value[0] is ' ' or '\t' or '\n')
        {
            return null;
        }

        foreach (string line in LiteralLines(value))
        {
            if ((line.Length > 0 && line.Trim(' ').Length == 0) || line.Any(c => c != '\t' && !IsPrintable(c) && !char.IsSurrogate(c)))
            {
                return null;
            }
        }

        return value.EndsWith('\n') ? "|" : "|-";
    }

    /// <summary>The lines of a literal block's text, without the closing line break.</summary>
    private static string[] LiteralLines(string value) =>
        (value.EndsWith('\n') ? value[..^1] : value).Split('\n');

    /// <summary>
    /// Whether YAML may hold <paramref name="c"/> as it is: printable characters, not the line
    /// separators (NEL, LS, PS) that a YAML 1.1 reader breaks lines at, nor a byte order mark.
    /// </summary>
    private static bool IsPrintable(char c) =>
        c is >= ' ' and <= '~' || (c >= '\u00A0' && c <= '\uD7FF' && c is not '\u2028' and not '\u2029') || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');
}

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TrackSim.Scenarios.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree with positions, refusing
/// duplicate keys, tags, non-scalar keys, several documents, deep nesting and runaway alias
/// expansion. Never throws on bad input: every problem becomes a <see cref="Diagnostic"/>.
/// </summary>
public sealed partial class YamlTreeReader
{
    private readonly string _file;
    private readonly List<Diagnostic> _errors;
    private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly List<string> _path = [];
    private readonly Stack<(Position At, string Path)> _openFlows = new();
    private long _nodes;

    private YamlTreeReader(string file, List<Diagnostic> errors)
    {
        _file = file;
        _errors = errors;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; returns the root node, or null when the text holds no
    /// document or could not be parsed. Problems are added to <paramref name="errors"/>.
    /// </summary>
    public static YamlNode? Read(string text, string file, List<Diagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        return new YamlTreeReader(file, errors).ReadDocument(text);
    }

    private YamlNode? ReadDocument(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true, maxKeySize: YamlLimits.MaxKeyLength);
        var parser = new Parser(scanner);
        Position last = Position.Start;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                Error(Position.Start, "the file holds no YAML document; expected a scenario mapping (calendar, states, ...)");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0, out long _);
            var end = parser.Consume<DocumentEnd>();
            last = At(end.End);
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                Error(At(parser.Current?.Start ?? end.End), "the file holds more than one YAML document; a scenario is one document");
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            // Some scanner errors (a tab as indentation) carry no place; the scanner stopped where the problem is.
            var (start, end) = e.Start.Equals(Mark.Empty) && e.End.Equals(Mark.Empty) ? (scanner.CurrentPosition, scanner.CurrentPosition) : (e.Start, e.End);

            // A tab is reported by the scanner with the tab at the end mark; elsewhere the start mark is the place.
            var mark = IsTab(text, end) ? end : start;
            if (LongKey(text, At(mark).Line) is { } key)
            {
                Error(key.At, string.Create(CultureInfo.InvariantCulture, $"the key is too long ({key.Length:N0} characters; a key may have at most {YamlLimits.MaxKeyLength:N0})"));
                return null;
            }

            Error(At(mark), SyntaxMessage(e.Message) + (IsTab(text, mark) ? " (tabs cannot indent YAML; use spaces)" : string.Empty));
            return null;
        }
        catch (LimitExceededException e)
        {
            Error(e.Position, e.Message);
            return null;
        }
#pragma warning disable CA1031 // The parser must never crash the loader; any other failure is reported as a syntax error.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
#pragma warning restore CA1031
        {
            // The parser gives up on some malformed flow collections without a YamlException;
            // an unclosed bracket is then the likely cause, and its opening is where to look.
            _ = e;
            if (_openFlows.TryPeek(out var open))
            {
                _errors.Add(new Diagnostic(_file, open.At.Line, open.At.Column, open.Path, "YAML syntax error: this bracket is never closed (an unclosed bracket or quote, or a line break inside it)"));
            }
            else
            {
                Error(parser.Current is { } near ? At(near.End) : last, "YAML syntax error: the text cannot be parsed after this point (look for an unclosed bracket or quote, or wrong indentation)");
            }
            return null;
        }
    }

    private YamlNode ReadNode(IParser parser, int depth, out long size)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        var at = At(current.Start);
        if (depth > YamlLimits.MaxDepth)
        {
            throw new LimitExceededException(at, $"the YAML nests deeper than {YamlLimits.MaxDepth} levels");
        }

        if (current is NodeEvent node && !node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            // Reported, then read as an untagged node: a tag never chooses a type here.
            Error(at, $"YAML tags such as '{ShortTag(node.Tag.Value)}' are not allowed in a scenario; remove the tag");
        }

        YamlNode result;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor defined before it");
                }

                Count(anchored.Size, at);
                size = anchored.Size;

                // A scalar reached through an alias is reported where the alias stands.
                return anchored.Node is YamlScalar aliased ? new YamlScalar(at, aliased.Value, aliased.IsPlain) : anchored.Node;

            case Scalar scalar:
                parser.MoveNext();
                Count(1, at);
                size = 1;
                result = new YamlScalar(at, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                break;

            case SequenceStart start:
                parser.MoveNext();
                Count(1, at);
                size = 1;
                OpenFlow(start.Style == SequenceStyle.Flow, at);
                var sequence = new YamlSequence(at);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    _path.Add($"[{sequence.Items.Count}]");
                    sequence.Items.Add(ReadNode(parser, depth + 1, out long itemSize));
                    _path.RemoveAt(_path.Count - 1);
                    size += itemSize;
                }

                CloseFlow(start.Style == SequenceStyle.Flow);
                result = sequence;
                break;

            case MappingStart start:
                parser.MoveNext();
                Count(1, at);
                size = 1;
                OpenFlow(start.Style == MappingStyle.Flow, at);
                result = ReadMapping(parser, at, depth, ref size);
                CloseFlow(start.Style == MappingStyle.Flow);
                break;

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name} in the YAML stream");
        }

        if (current is NodeEvent withAnchor && !withAnchor.Anchor.IsEmpty)
        {
            _anchors[withAnchor.Anchor.Value] = (result, size);
        }

        return result;
    }

    private YamlMapping ReadMapping(IParser parser, Position at, int depth, ref long size)
    {
        var mapping = new YamlMapping(at);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, depth + 1, out long keySize);
            size += keySize;
            if (keyNode is not YamlScalar key)
            {
                Error(keyNode.Position, "mapping keys must be plain text, not a list or mapping");
                SkipValue(parser, depth, ref size);
                continue;
            }

            _path.Add(Segment(key.Value));
            var value = ReadNode(parser, depth + 1, out long valueSize);
            size += valueSize;
            if (!seen.Add(key.Value))
            {
                Error(key.Position, $"duplicate key '{key.Value}'; each key may appear once in a mapping (the first one is kept)");
            }
            else
            {
                mapping.Entries.Add(KeyValuePair.Create(key, value));
            }

            _path.RemoveAt(_path.Count - 1);
        }

        return mapping;
    }

    private void SkipValue(IParser parser, int depth, ref long size)
    {
        _path.Add("?");
        ReadNode(parser, depth + 1, out long skipped);
        _path.RemoveAt(_path.Count - 1);
        size += skipped;
    }

    private void OpenFlow(bool flow, Position at)
    {
        if (flow)
        {
            _openFlows.Push((at, PathText()));
        }
    }

    private void CloseFlow(bool flow)
    {
        if (flow)
        {
            _openFlows.Pop();
        }
    }

    private void Count(long nodes, Position at)
    {
        _nodes += nodes;
        if (_nodes > YamlLimits.MaxNodes)
        {
            throw new LimitExceededException(at, $"the document expands to more than {YamlLimits.MaxNodes:N0} nodes (check aliases); a scenario is far smaller");
        }
    }

    private void Error(Position at, string message) =>
        _errors.Add(new Diagnostic(_file, at.Line, at.Column, PathText(), message));

    private string PathText() => YamlPath.Join(_path);

    private static string Segment(string key) => key;

    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? $"!!{tag["tag:yaml.org,2002:".Length..]}" : tag;

    private static Position At(Mark? mark) =>
        mark is { } m ? new Position((int)Math.Clamp(m.Line, 1, int.MaxValue), (int)Math.Clamp(m.Column, 1, int.MaxValue)) : Position.Start;

    private static bool IsTab(string text, Mark mark) => mark.Index >= 0 && mark.Index < text.Length && text[(int)mark.Index] == '\t';

    /// <summary>
    /// The last key on or before <paramref name="lastLine"/> longer than the scanner accepts, which it
    /// reports only as a missing key or colon somewhere near; null when there is none.
    /// </summary>
    private static (Position At, int Length)? LongKey(string text, int lastLine)
    {
        (Position, int)? found = null;
        int line = 1;
        for (int start = 0; start < text.Length && line <= lastLine; line++)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            if (KeyOnLine(text.AsSpan(start, end - start)) is { } key && key.Length > YamlLimits.MaxKeyLength)
            {
                found = (new Position(line, key.Column), key.Length);
            }

            start = end + 1;
        }

        return found;
    }

    /// <summary>Where a block mapping key starts on a line (1-based column) and its length, if the line has one.</summary>
    private static (int Column, int Length)? KeyOnLine(ReadOnlySpan<char> line)
    {
        int at = 0;
        while (true)
        {
            while (at < line.Length && line[at] == ' ')
            {
                at++;
            }

            // Items of a list ("- key: value") and explicit keys ("? key") start after their indicator.
            if (at + 1 < line.Length && (line[at] == '-' || line[at] == '?') && line[at + 1] == ' ')
            {
                at += 2;
                continue;
            }

            break;
        }

        if (at >= line.Length || line[at] == '#')
        {
            return null;
        }

        int from = at;
        if (line[at] is '"' or '\'')
        {
            int close = line[(at + 1)..].IndexOf(line[at]);
            from = close < 0 ? line.Length : at + 1 + close;
        }

        for (int i = from; i < line.Length; i++)
        {
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '\r'))
            {
                return (at + 1, i - at);
            }
        }

        return null;
    }

    private static string SyntaxMessage(string message)
    {
        string text = MarkPrefix().Replace(message, string.Empty).Trim();
        if (text.Length > 0 && char.IsUpper(text[0]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return $"YAML syntax error: {text.TrimEnd('.')}";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class LimitExceededException(Position position, string message) : Exception(message)
    {
        public Position Position { get; } = position;
    }
}

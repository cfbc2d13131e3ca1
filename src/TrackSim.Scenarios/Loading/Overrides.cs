using System.Globalization;
using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// Applies <see cref="Override"/>s to a parsed scenario tree. Nodes an override creates or
/// replaces carry a position far beyond any real line, so the diagnostics the validation reports
/// on them can be moved to <c>--set:N:1</c> afterwards (see <see cref="Relocate"/>).
/// </summary>
internal static class Overrides
{
    // Files are at most 16 MiB, so no real line reaches this.
    public const int FirstSyntheticLine = 1_000_000_000;

    /// <summary>Applies every override in order; problems with a path are reported in <paramref name="context"/>.</summary>
    public static void Apply(YamlMapping root, IReadOnlyList<Override> overrides, ValidationContext context) =>
        Apply(root, overrides, context, FirstSyntheticLine);

    /// <summary>
    /// Applies every override in order, giving the nodes override i makes the line
    /// <paramref name="firstLine"/> + i (above any real line), so that the diagnostics on them
    /// can be told apart and moved to where the override was written.
    /// </summary>
    public static void Apply(YamlMapping root, IReadOnlyList<Override> overrides, ValidationContext context, int firstLine)
    {
        for (int i = 0; i < overrides.Count; i++)
        {
            string? problem = ApplyOne(root, overrides[i], new Position(firstLine + i, 1));
            if (problem is not null)
            {
                context.Error(new Position(firstLine + i, 1), overrides[i].Path, problem);
            }
        }
    }

    /// <summary>Moves a diagnostic on a node made by override N to <c>--set:N:1</c>, adding the override's text.</summary>
    public static Diagnostic Relocate(Diagnostic diagnostic, IReadOnlyList<Override> overrides)
    {
        if (diagnostic.Line < FirstSyntheticLine)
        {
            return diagnostic;
        }

        int index = diagnostic.Line - FirstSyntheticLine;
        string text = index < overrides.Count ? $" (from --set {overrides[index]})" : string.Empty;
        return new Diagnostic(Override.DiagnosticFile, index + 1, 1, diagnostic.Path, diagnostic.Message + text);
    }

    private static string? ApplyOne(YamlMapping root, Override item, Position at)
    {
        if (!TryParsePath(item.Path, out var steps, out string? syntax))
        {
            return syntax;
        }

        YamlNode node = root;
        string walked = string.Empty;
        for (int s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            bool last = s == steps.Count - 1;
            if (step.Key is { } key)
            {
                if (node is not YamlMapping mapping)
                {
                    return $"{Describe(walked)} is {node.KindName}, not a mapping with keys";
                }

                var child = mapping.Get(key);
                if (last)
                {
                    if (child is YamlMapping or YamlSequence)
                    {
                        return $"this is {child.KindName}; --set replaces single values (set one of its keys or items instead)";
                    }

                    mapping.Set(new YamlScalar(at, key, isPlain: true), Scalar(item.Value, at));
                    return null;
                }

                // A missing or empty key on the way becomes a mapping, so parameters.posture.fear
                // works in a file without parameters; a list item cannot be made up.
                if ((child is null or YamlScalar { IsNull: true }) && steps[s + 1].Key is null)
                {
                    string missing = steps[s + 1].Index is { } number ? number.ToString(CultureInfo.InvariantCulture) : steps[s + 1].Id!;
                    return $"{YamlPath.Key(walked, key)} is not in the file, so it has no item [{missing}] (write the list in the file first)";
                }

                if (child is null or YamlScalar { IsNull: true })
                {
                    child = new YamlMapping(at);
                    mapping.Set(new YamlScalar(at, key, isPlain: true), child);
                }

                node = child;
                walked = YamlPath.Key(walked, key);
                continue;
            }

            if (node is not YamlSequence sequence)
            {
                return $"{Describe(walked)} is {node.KindName}, not a list";
            }

            int index = step.Index ?? FindById(sequence, step.Id!);
            if (index < 0)
            {
                return $"{walked} has no item with id '{step.Id}'";
            }

            if (index >= sequence.Items.Count)
            {
                return sequence.Items.Count switch
                {
                    0 => $"{walked} is an empty list; there is no item {index}",
                    1 => $"{walked} has 1 item, whose index is 0",
                    _ => $"{walked} has {sequence.Items.Count} items, with indexes 0 to {sequence.Items.Count - 1}",
                };
            }

            if (last)
            {
                if (sequence.Items[index] is YamlMapping or YamlSequence)
                {
                    return $"this is {sequence.Items[index].KindName}; --set replaces single values (set one of its keys instead)";
                }

                sequence.Items[index] = Scalar(item.Value, at);
                return null;
            }

            node = sequence.Items[index];
            walked = YamlPath.Index(walked, index);
        }

        return null;
    }

    private static YamlScalar Scalar(string value, Position at)
    {
        // Quotes make a value text (title="1999"), as they would in the file.
        bool quoted = value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''));
        return quoted ? new YamlScalar(at, value[1..^1], isPlain: false) : new YamlScalar(at, value, isPlain: true);
    }

    private static int FindById(YamlSequence sequence, string id)
    {
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlMapping item && (item.Get("id") ?? item.Get("name")) is YamlScalar scalar && scalar.Value == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(string path) => path.Length == 0 ? "the scenario" : path;

    private static bool TryParsePath(string path, out List<Step> steps, out string? problem)
    {
        steps = [];
        problem = null;
        int i = 0;
        while (i < path.Length)
        {
            int start = i;
            while (i < path.Length && path[i] is not ('.' or '['))
            {
                i++;
            }

            string key = path[start..i];
            if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c == ']'))
            {
                problem = $"'{path}' is not a YAML path; write keys joined by dots and list items in brackets, such as citizens.per_state or events[3].severity";
                return false;
            }

            steps.Add(new Step(key, null, null));
            while (i < path.Length && path[i] == '[')
            {
                int close = path.IndexOf(']', i);
                if (close < 0 || close == i + 1)
                {
                    problem = $"'{path}' has an unclosed or empty [ ]; write an index from 0 or an id, such as events[3] or events[kargil-1999]";
                    return false;
                }

                string inside = path[(i + 1)..close];
                steps.Add(int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    ? new Step(null, index, null)
                    : new Step(null, null, inside));
                i = close + 1;
            }

            if (i < path.Length)
            {
                if (path[i] != '.' || i == path.Length - 1)
                {
                    problem = $"'{path}' is not a YAML path; write keys joined by dots and list items in brackets, such as citizens.per_state or events[3].severity";
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private readonly record struct Step(string? Key, int? Index, string? Id);
}

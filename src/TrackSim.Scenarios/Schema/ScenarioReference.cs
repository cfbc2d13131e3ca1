using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>
/// Writes the field reference of the scenario format (the generated part of docs/SCENARIOS.md)
/// and the text of the shipped JSON Schema, both from <see cref="ScenarioSchema"/> and the
/// core's catalogs. The shapes are walked generically, so a key added to the format appears in
/// the reference without touching this class.
/// </summary>
public static class ScenarioReference
{
    private static readonly JsonSerializerOptions SchemaOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",

        // The schema is read by editors and people, never embedded in a web page, so quotes,
        // '<', '&' and letters such as 'ő' stay as they are instead of becoming \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The JSON Schema of the format as shipped in <c>scenarios/tracksim.schema.json</c> and printed
    /// by <c>tracksim schema</c>: indented by two spaces, LF line endings, a final newline.
    /// </summary>
    public static string JsonSchemaText() => ScenarioSchema.ToJsonSchema().ToJsonString(SchemaOptions) + "\n";

    /// <summary>The field reference in Markdown: one table per mapping of the format, then the catalogs.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        WriteFields(text);
        WriteRoles(text);
        WriteLenses(text);
        WriteMechanisms(text);
        WriteMetrics(text);
        WriteEventKinds(text);
        WriteLimits(text);

        // Blank lines separate blocks; the reference ends with exactly one newline.
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteFields(StringBuilder text)
    {
        var sections = new List<Section>();
        Collect(ScenarioSchema.Root, string.Empty, sections, []);
        var pathOf = sections.ToDictionary(s => s.Shape, s => s.Path);

        Line(text, "## Field reference");
        Line(text);
        Line(text, "One table per mapping of the format. A path such as `events[].effects` means the `effects` mapping of any");
        Line(text, "item of the `events` list; `<state id>` stands for a key that is a state id. A key that is not required");
        Line(text, "may be left out, or left empty, and then takes its default. Ranges are inclusive; a unit in");
        Line(text, "parentheses follows the range. Rates per year are converted to the calendar's step by the model.");
        Line(text);
        foreach (var section in sections)
        {
            string title = section.Path.Length == 0 ? "Top level" : $"`{section.Path}`";
            Line(text, $"### {title}: {section.Shape.Description}");
            Line(text);
            if (section.AlsoAt.Count > 0)
            {
                Line(text, $"Also used at {string.Join(", ", section.AlsoAt.Select(p => $"`{p}`"))}.");
                Line(text);
            }

            Line(text, "| key | type and range | default | meaning |");
            Line(text, "|---|---|---|---|");
            foreach (var field in section.Shape.Fields)
            {
                Row(text, $"`{field.Name}`", TypeOf(field.Shape, pathOf), DefaultOf(field), field.Description);
            }

            Line(text);
        }
    }

    private static void WriteRoles(StringBuilder text)
    {
        Line(text, "## Roles");
        Line(text);
        Line(text, "Values of `participants[].role`. Each role belongs to one of the nine tracks of multi-track diplomacy and");
        Line(text, "gives the typical alignment, access and reach used when a participant group does not set them. What the");
        Line(text, "participants of each track do is under *All nine tracks* above (and in docs/MODEL.md, 7.7a).");
        Line(text);
        Line(text, "| role | track | alignment | access | reach | description |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var role in Role.All)
        {
            string track = Invariant($"{(int)role.Track} ({Names.Snake(role.Track).Replace('_', ' ')})");
            Row(text, $"`{role.Id}`", track, Format(role.Alignment), Format(role.Access), Format(role.Reach), role.Description);
        }

        Line(text);
    }

    private static void WriteLenses(StringBuilder text)
    {
        Line(text, "## Lenses");
        Line(text);
        Line(text, "Values of `lens`. A lens sets the parameters listed here; every other parameter keeps its default,");
        Line(text, "and parameters written in the scenario override the lens.");
        Line(text);
        Line(text, "| lens | description | parameter values |");
        Line(text, "|---|---|---|");
        foreach (var lens in Lens.All)
        {
            string values = string.Join(", ", lens.Values.Select(v => $"`{v.Key}` = {Format(v.Value)}"));
            Row(text, $"`{lens.Name}`", lens.Description, values);
        }

        Line(text);
    }

    private static void WriteMechanisms(StringBuilder text)
    {
        Line(text, "## Mechanisms");
        Line(text);
        Line(text, "Keys of `mechanisms`, in the order of the model's step. Every mechanism is on unless switched off.");
        Line(text);
        Line(text, "| mechanism | rule id | switching it off removes |");
        Line(text, "|---|---|---|");
        foreach (var mechanism in Mechanism.All)
        {
            Row(text, $"`{mechanism.Name}`", $"`{mechanism.RuleId}`", mechanism.Description);
        }

        Line(text);
    }

    private static void WriteMetrics(StringBuilder text)
    {
        Line(text, "## Metrics");
        Line(text);
        Line(text, "Values of `outputs.charts`: every metric the model records at step 0 and after every step. A dyad");
        Line(text, "metric's subject is the pair (such as `AA-BB`), a state metric's the state id, an initiative metric's the");
        Line(text, "initiative id.");
        Line(text);
        Line(text, "| metric | level | unit | description |");
        Line(text, "|---|---|---|---|");
        foreach (var metric in MetricCatalog.All)
        {
            Row(text, $"`{metric.Name}`", Names.Snake(metric.Level), metric.Unit, metric.Description);
        }

        Line(text);
    }

    private static void WriteEventKinds(StringBuilder text)
    {
        Line(text, "## Event kinds");
        Line(text);
        Line(text, "Values of `events[].kind`. Hostile events raise grievances and tension and lower official and public");
        Line(text, "trust, in proportion to their severity; cooperative events raise official and public trust (a `cbm`");
        Line(text, "event also adds its severity to the CBM stock, which restrains postures); neutral events act only");
        Line(text, "through their `effects`.");
        Line(text);
        Line(text, "| kind | valence |");
        Line(text, "|---|---|");
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            Row(text, $"`{Names.Snake(kind)}`", Names.Snake(EventKinds.ValenceOf(kind)));
        }

        Line(text);
    }

    private static void WriteLimits(StringBuilder text)
    {
        Line(text, "## Limits");
        Line(text);
        Line(text, "Sizes beyond these are reported as errors, so that a broken or hostile file cannot exhaust memory or");
        Line(text, "time. The longest list of each kind is given in the tables above.");
        Line(text);
        Line(text, "| limit | value |");
        Line(text, "|---|---|");
        Row(text, "size of a scenario file", Invariant($"{YamlLimits.MaxFileBytes / (1024 * 1024)} MiB ({Count(YamlLimits.MaxFileBytes)} bytes)"));
        Row(text, "nesting of mappings and lists", $"{Count(YamlLimits.MaxDepth)} levels");
        Row(text, "nodes in the document, counting every node an alias repeats", Count(YamlLimits.MaxNodes));
        Row(text, "states", Count(ScenarioSchema.MaxStates));
        Row(text, "steps in a run (from `calendar.start` to `calendar.end` in steps of `calendar.step`)", Count(ScenarioSchema.MaxSteps));
        Row(text, "citizens per state (`citizens.per_state`)", Count(ScenarioSchema.MaxCitizensPerState));
        Row(text, "citizens over all states together", Count(ScenarioSchema.MaxCitizens));
        Line(text);
    }

    /// <summary>Lists every mapping once, depth first in documentation order, with the first path that reaches it.</summary>
    private static void Collect(Shape shape, string path, List<Section> sections, Dictionary<ObjectShape, Section> seen)
    {
        switch (shape)
        {
            case ObjectShape mapping when seen.TryGetValue(mapping, out var known):
                known.AlsoAt.Add(path);
                break;
            case ObjectShape mapping:
                var section = new Section(mapping, path, []);
                seen[mapping] = section;
                sections.Add(section);
                foreach (var field in mapping.Fields)
                {
                    Collect(field.Shape, YamlPath.Key(path, field.Name), sections, seen);
                }

                break;
            case ListShape list:
                Collect(list.Item, path + "[]", sections, seen);
                break;
            case MapShape map:
                Collect(map.Value, YamlPath.Key(path, $"<{KeyName(map.Key)}>"), sections, seen);
                break;
            default:
                break;
        }
    }

    private static string TypeOf(Shape shape, Dictionary<ObjectShape, string> pathOf) => shape switch
    {
        ObjectShape mapping => $"mapping, see `{pathOf[mapping]}`",
        ListShape { Item: ObjectShape mapping } list => $"list of {Items(list)}, each a mapping, see `{pathOf[mapping]}`",
        ListShape list => $"list of {Items(list)}, each {TypeOf(list.Item, pathOf)}",
        MapShape { Value: ObjectShape mapping } map => $"mapping from {KeyName(map.Key)} to a mapping, see `{pathOf[mapping]}`",
        MapShape map => $"mapping from {KeyName(map.Key)} to {TypeOf(map.Value, pathOf)}",
        PerStateNumberShape perState => $"{TypeOf(perState.Number, pathOf)}, or a mapping from state id to such a number",
        NumberShape number => $"{(number.WholeNumber ? "whole number" : "number")} in [{Format(number.Min)}, {Format(number.Max)}]{UnitOf(number)}",
        EnumShape words => $"one of {string.Join(", ", words.Values.Select(v => $"`{v}`"))}",
        BoolShape => "`true` or `false`",
        DateShape date => $"date `YYYY-MM` or `YYYY-MM-DD`; a month alone means its {(date.EndOfPeriod ? "last" : "first")} day",
        TextShape words => $"{(words.Pattern is null ? "text" : words.Expected)}, at most {Count(MaxLength(words))} characters",
        _ => shape.Expected,
    };

    private static string Items(ListShape list) =>
        list.MinItems == list.MaxItems ? $"exactly {Count(list.MinItems)} items"
        : list.MinItems == 0 ? $"at most {Count(list.MaxItems)} items"
        : $"{Count(list.MinItems)} to {Count(list.MaxItems)} items";

    private static string UnitOf(NumberShape number) => number.Unit switch
    {
        "" => string.Empty,
        "1" => " (no unit)",
        string unit => $" ({unit})",
    };

    private static string KeyName(TextShape key) =>
        ReferenceEquals(key, TextShape.StateId) ? "state id" : ReferenceEquals(key, TextShape.TrustKey) ? "state id or pair" : ReferenceEquals(key, TextShape.SetPath) ? "path" : "key";

    // The shape keeps its length limit private; the JSON Schema it writes carries it.
    private static int MaxLength(TextShape text) => (int)text.ToJsonSchema()["maxLength"]!;

    private static string DefaultOf(Field field) =>
        field.Required ? "**required**"
        : field.DefaultText is not null ? field.DefaultText
        : field.Default is not null ? $"`{field.DefaultDisplay}`"
        : "none";

    // NumberShape.Format shows large whole numbers through a 15-digit format, which turns the
    // largest seed 2^53 - 1 into ...990; whole numbers are written exactly here.
    private static string Format(double value) =>
        Math.Abs(value) >= 1e6 && value == Math.Floor(value) && Math.Abs(value) < 9e18
            ? ((long)value).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal)
            : NumberShape.Format(value);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Row(StringBuilder text, params string[] cells) =>
        Line(text, $"| {string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))} |");

    // Always LF, whatever the platform, so the generated file is byte-identical everywhere.
    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');

    private sealed record Section(ObjectShape Shape, string Path, List<string> AlsoAt);
}

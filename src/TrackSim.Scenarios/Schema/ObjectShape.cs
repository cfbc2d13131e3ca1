using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A mapping with a fixed set of keys; unknown keys are errors.</summary>
/// <param name="description">What the mapping describes.</param>
/// <param name="fields">Its keys in documentation order.</param>
/// <param name="moved">Keys the format once had here, with where their setting lives now, so an older file gets told where.</param>
/// <param name="retired">Keys the format once had here and no longer has, with what replaced them, so an older file gets told how to update.</param>
public sealed class ObjectShape(string description, IReadOnlyList<Field> fields, IReadOnlyDictionary<string, string>? moved = null, IReadOnlyDictionary<string, string>? retired = null) : Shape
{
    /// <summary>What the mapping describes.</summary>
    public string Description { get; } = description;

    /// <summary>Its keys in documentation order.</summary>
    public IReadOnlyList<Field> Fields { get; } = fields;

    /// <inheritdoc />
    public override string Expected => $"a mapping ({Description})";

    /// <summary>The field named <paramref name="name"/>; throws for a name the format does not have.</summary>
    public Field this[string name] =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"The format has no key '{name}' in {Description}.");

    /// <inheritdoc />
    public override void Validate(YamlNode node, string path, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is not YamlMapping mapping)
        {
            context.Error(node, path, $"expected {Expected} with keys {KeyList()}, found {node.KindName}");
            return;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            string child = YamlPath.Key(path, key.Value);
            var field = Fields.FirstOrDefault(f => f.Name == key.Value);
            if (field is null && moved is not null && moved.TryGetValue(key.Value, out string? now))
            {
                context.Error(key, child, $"'{key.Value}' is no longer set in {Description}: it is the parameter {now}");
            }
            else if (field is null && retired is not null && retired.TryGetValue(key.Value, out string? instead))
            {
                context.Error(key, child, $"'{key.Value}' is no longer part of {Description}: {instead}");
            }
            else if (field is null)
            {
                string? suggestion = Suggestions.Closest(key.Value, Fields.Select(f => f.Name));
                string hint = suggestion is null ? $"expected one of {KeyList()}" : $"did you mean '{suggestion}'?";
                context.Error(key, child, $"unknown key '{key.Value}' in {Description}; {hint}");
            }
            else if (value is YamlScalar { IsNull: true } && !field.Required)
            {
                // An optional key left empty means "use the default", as if absent.
            }
            else
            {
                field.Shape.Validate(value, child, context);
            }
        }

        foreach (var field in Fields.Where(f => f.Required && mapping.Get(f.Name) is null))
        {
            context.Error(mapping, YamlPath.Key(path, field.Name), $"missing required key '{field.Name}' ({field.Shape.Expected})");
        }
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema()
    {
        var properties = new JsonObject();
        foreach (var field in Fields)
        {
            var schema = field.Shape.ToJsonSchema();
            if (!field.Required && schema["type"] is JsonValue type)
            {
                // An optional key left empty means "use the default", as the loader reads it.
                schema["type"] = new JsonArray(JsonValue.Create(type.GetValue<string>()), JsonValue.Create("null"));
            }
            else if (!field.Required && schema["oneOf"] is JsonArray choices)
            {
                choices.Add(new JsonObject { ["type"] = "null" });
            }

            schema["description"] = field.Description;
            properties[field.Name] = schema;
        }

        var result = new JsonObject
        {
            ["type"] = "object",
            ["description"] = Description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = Fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Name)).ToArray();
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required);
        }

        return result;
    }

    private string KeyList() => string.Join(", ", Fields.Select(f => f.Name));
}

using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A mapping from free keys of one shape (such as state ids) to values of one shape.</summary>
/// <param name="key">The shape of every key.</param>
/// <param name="value">The shape of every value.</param>
public sealed class MapShape(TextShape key, Shape value) : Shape
{
    /// <summary>The shape of every key.</summary>
    public TextShape Key { get; } = key;

    /// <summary>The shape of every value.</summary>
    public Shape Value { get; } = value;

    /// <inheritdoc />
    public override string Expected => $"a mapping from {Key.Expected} to {Value.Expected}";

    /// <inheritdoc />
    public override void Validate(YamlNode node, string path, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is not YamlMapping mapping)
        {
            context.Error(node, path, $"expected {Expected}, found {node.KindName}");
            return;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            string child = YamlPath.Key(path, key.Value);
            Key.Validate(key, child, context);
            Value.Validate(value, child, context);
        }
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["type"] = "object",
        ["propertyNames"] = Key.ToJsonSchema(),
        ["additionalProperties"] = Value.ToJsonSchema(),
    };
}

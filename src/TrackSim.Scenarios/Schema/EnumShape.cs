using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>One of a fixed list of words.</summary>
/// <param name="values">The allowed words.</param>
public sealed class EnumShape(IReadOnlyList<string> values) : ScalarShape
{
    /// <summary>The allowed words.</summary>
    public IReadOnlyList<string> Values { get; } = values;

    /// <inheritdoc />
    public override string Expected => $"one of {string.Join(", ", Values)}";

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar)
    {
        if (Values.Contains(scalar.Value))
        {
            return null;
        }

        string? suggestion = Suggestions.Closest(scalar.Value, Values);
        return $"expected {Expected}, found {Quote(scalar.Value)}{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}";
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["type"] = "string",
        ["enum"] = new JsonArray([.. Values.Select(v => (JsonNode)JsonValue.Create(v))]),
    };
}

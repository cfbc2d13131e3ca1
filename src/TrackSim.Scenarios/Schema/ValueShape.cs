using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>
/// Any single value (a number, true or false, a date or text), for a key whose value is checked
/// later against the place it is put, such as a variant's <c>set</c>.
/// </summary>
public sealed class ValueShape : ScalarShape
{
    /// <summary>The shape.</summary>
    public static ValueShape Instance { get; } = new();

    private ValueShape()
    {
    }

    /// <inheritdoc />
    public override string Expected => "a single value (a number, true or false, a date or text)";

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar) => null;

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new() { ["type"] = new JsonArray("string", "number", "boolean") };
}

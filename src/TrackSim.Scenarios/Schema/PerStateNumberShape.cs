using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>
/// The value of a parameter of a state: one number for every state, or a mapping from state ids
/// to numbers (states not named keep the value for all states).
/// </summary>
/// <param name="number">The shape of each number.</param>
public sealed class PerStateNumberShape(NumberShape number) : Shape
{
    private readonly MapShape _map = new(TextShape.StateId, number);

    /// <summary>The shape of each number.</summary>
    public NumberShape Number { get; } = number;

    /// <inheritdoc />
    public override string Expected => $"{Number.Expected}, or a mapping from state ids to such numbers";

    /// <inheritdoc />
    public override void Validate(YamlNode node, string path, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is YamlMapping)
        {
            _map.Validate(node, path, context);
        }
        else if (node is YamlScalar)
        {
            Number.Validate(node, path, context);
        }
        else
        {
            context.Error(node, path, $"expected {Expected}, found {node.KindName}");
        }
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["oneOf"] = new JsonArray(Number.ToJsonSchema(), _map.ToJsonSchema()),
    };
}

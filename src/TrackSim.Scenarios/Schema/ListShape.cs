using System.Globalization;
using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A list whose items all have one shape.</summary>
/// <param name="item">The shape of every item.</param>
/// <param name="minItems">Fewest items.</param>
/// <param name="maxItems">Most items.</param>
public sealed class ListShape(Shape item, int minItems = 0, int maxItems = 10_000) : Shape
{
    /// <summary>The shape of every item.</summary>
    public Shape Item { get; } = item;

    /// <summary>Fewest items.</summary>
    public int MinItems { get; } = minItems;

    /// <summary>Most items.</summary>
    public int MaxItems { get; } = maxItems;

    /// <inheritdoc />
    public override string Expected => Item is ObjectShape ? "a list of mappings" : $"a list of {Plural(Item.Expected)}";

    /// <inheritdoc />
    public override void Validate(YamlNode node, string path, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is not YamlSequence sequence)
        {
            context.Error(node, path, $"expected {Expected}, found {node.KindName}");
            return;
        }

        if (sequence.Items.Count < MinItems || sequence.Items.Count > MaxItems)
        {
            // The default most (10,000) is a safety bound rather than part of the format: named only when passed.
            string range = MinItems == MaxItems ? $"exactly {Count(MinItems)}"
                : MaxItems != 10_000 ? $"{Count(MinItems)} to {Count(MaxItems)}"
                : sequence.Items.Count > MaxItems ? $"at most {Count(MaxItems)}"
                : $"at least {Count(MinItems)}";
            context.Error(node, path, $"expected {range} items, found {Count(sequence.Items.Count)}");
        }

        for (int i = 0; i < sequence.Items.Count; i++)
        {
            Item.Validate(sequence.Items[i], YamlPath.Index(path, i), context);
        }
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema()
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = Item.ToJsonSchema() };
        if (MinItems > 0)
        {
            schema["minItems"] = MinItems;
        }

        schema["maxItems"] = MaxItems;
        return schema;
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(string expected) => expected.StartsWith("a ", StringComparison.Ordinal) ? expected[2..] : expected;
}

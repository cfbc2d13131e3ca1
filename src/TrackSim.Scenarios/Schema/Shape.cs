using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>
/// The expected shape of a YAML node. The scenario format is one tree of shapes: it validates
/// the structure, writes the JSON Schema and the field reference, and gives the defaults the
/// mapper reads, so the three can never drift apart.
/// </summary>
public abstract class Shape
{
    /// <summary>What is expected, as a phrase for messages and docs ("a number in [0, 1]").</summary>
    public abstract string Expected { get; }

    /// <summary>Checks <paramref name="node"/>, reporting every problem to <paramref name="context"/>.</summary>
    public abstract void Validate(YamlNode node, string path, ValidationContext context);

    /// <summary>The JSON Schema of this shape.</summary>
    public abstract JsonObject ToJsonSchema();
}

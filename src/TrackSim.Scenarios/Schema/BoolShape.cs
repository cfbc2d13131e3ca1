using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary><c>true</c> or <c>false</c> (YAML 1.1 words such as <c>yes</c> are refused as ambiguous).</summary>
public sealed class BoolShape : ScalarShape
{
    /// <summary>The one instance.</summary>
    public static BoolShape Instance { get; } = new();

    /// <inheritdoc />
    public override string Expected => "true or false";

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar) => Scalars.TryBool(scalar, out _) ? null : Found(scalar);

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new() { ["type"] = "boolean" };
}

using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A duration such as <c>6 months</c>, <c>1 year</c>, <c>2 weeks</c> or <c>10 days</c>.</summary>
public sealed class DurationShape : ScalarShape
{
    /// <summary>The one instance.</summary>
    public static DurationShape Instance { get; } = new();

    /// <inheritdoc />
    public override string Expected => "a duration such as '6 months', '1 year', '2 weeks' or '10 days' (count 1 to 1000)";

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar) =>
        Scalars.TryDuration(scalar.Value, out _) ? null : $"expected {Expected}, found {Quote(scalar.Value)}";

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["type"] = "string",
        ["pattern"] = "^[0-9]+\\s*(day|week|month|year)s?$",
    };
}

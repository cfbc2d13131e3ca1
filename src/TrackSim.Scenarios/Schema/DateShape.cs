using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A date written <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
/// <param name="endOfPeriod">Whether a month alone means its last day (for end dates).</param>
public sealed class DateShape(bool endOfPeriod) : ScalarShape
{
    /// <summary>A start date: a month alone means its first day.</summary>
    public static DateShape Start { get; } = new(false);

    /// <summary>An end date: a month alone means its last day.</summary>
    public static DateShape End { get; } = new(true);

    /// <summary>Whether a month alone means its last day.</summary>
    public bool EndOfPeriod { get; } = endOfPeriod;

    /// <inheritdoc />
    public override string Expected => "a date written YYYY-MM or YYYY-MM-DD";

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar) =>
        Scalars.TryDate(scalar.Value, EndOfPeriod, out _) ? null : $"expected {Expected}, found {Quote(scalar.Value)}";

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["type"] = "string",
        ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
    };
}

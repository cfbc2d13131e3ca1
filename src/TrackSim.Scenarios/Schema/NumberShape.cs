using System.Globalization;
using System.Text.Json.Nodes;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>A finite number in a closed range, optionally a whole number.</summary>
/// <param name="min">Smallest allowed value.</param>
/// <param name="max">Largest allowed value.</param>
/// <param name="wholeNumber">Whether only whole numbers are allowed.</param>
/// <param name="unit">Unit for the docs, or empty.</param>
public sealed class NumberShape(double min, double max, bool wholeNumber = false, string unit = "") : ScalarShape
{
    /// <summary>Smallest allowed value.</summary>
    public double Min { get; } = min;

    /// <summary>Largest allowed value.</summary>
    public double Max { get; } = max;

    /// <summary>Whether only whole numbers are allowed.</summary>
    public bool WholeNumber { get; } = wholeNumber;

    /// <summary>Unit for the docs.</summary>
    public string Unit { get; } = unit;

    /// <inheritdoc />
    public override string Expected =>
        $"{(WholeNumber ? "a whole number" : "a number")} in [{Format(Min)}, {Format(Max)}]";

    /// <summary>Formats a number for messages and docs in the invariant culture.</summary>
    /// <remarks>Whole numbers are written in full without separators, so a value copied from a message is valid input.</remarks>
    public static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 9.3e18
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar)
    {
        if (!Scalars.TryNumber(scalar, out double value))
        {
            return Found(scalar);
        }

        if (WholeNumber && value != Math.Floor(value))
        {
            return $"expected {Expected}, found {scalar.Value}, which is not a whole number";
        }

        return value < Min || value > Max ? $"expected {Expected}, found {scalar.Value}, which is out of range" : null;
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema() => new()
    {
        ["type"] = WholeNumber ? "integer" : "number",
        ["minimum"] = Min,
        ["maximum"] = Max,
    };
}

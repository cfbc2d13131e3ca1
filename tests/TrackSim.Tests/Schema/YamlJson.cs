using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Tests.Schema;

/// <summary>
/// Turns a YAML node tree into the JSON value an editor's schema check sees: plain scalars are
/// resolved by the YAML 1.2 core schema (null, booleans, integers, floats), everything quoted
/// stays a string, mapping keys are strings.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The JSON value of <paramref name="node"/>.</summary>
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMapping mapping => Mapping(mapping),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(Convert)]),
        YamlScalar scalar => Scalar(scalar),
        _ => throw new ArgumentException($"Unknown YAML node {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>Reads YAML text with the project's reader and converts it; fails the test on a YAML error.</summary>
    public static JsonNode? Parse(string text, string file)
    {
        var errors = new List<TrackSim.Scenarios.Diagnostic>();
        var root = YamlTreeReader.Read(text, file, errors);
        Assert.That(errors, Is.Empty, $"{file} is not readable YAML");
        return Convert(root!);
    }

    private static JsonObject Mapping(YamlMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result[key.Value] = Convert(value);
        }

        return result;
    }

    private static JsonValue? Scalar(YamlScalar scalar)
    {
        string text = scalar.Value;
        if (!scalar.IsPlain)
        {
            return JsonValue.Create(text);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }

        if (OctalPattern().IsMatch(text))
        {
            return JsonValue.Create((double)System.Convert.ToInt64(text[2..], 8));
        }

        if (HexPattern().IsMatch(text))
        {
            return JsonValue.Create((double)long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (DecimalPattern().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (InfinityPattern().IsMatch(text))
        {
            return JsonValue.Create(text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity);
        }

        return text is ".nan" or ".NaN" or ".NAN" ? JsonValue.Create(double.NaN) : JsonValue.Create(text);
    }

    // YAML 1.2 core schema: integers and floats (the decimal integer form is a float without a fraction).
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$")]
    private static partial Regex InfinityPattern();
}

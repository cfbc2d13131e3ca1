using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Tests.Schema;

/// <summary>
/// A JSON Schema (draft 2020-12) validator for exactly the keywords the scenario schema uses.
/// Any other keyword throws, so a generator that starts to emit one cannot be checked by
/// silently skipping it. Error paths are written like the loader's (<c>events[3].severity</c>).
/// </summary>
internal static class JsonSchemaValidator
{
    // Annotations only: they never make a document invalid.
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description" };

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, as "path: message".</summary>
    public static List<string> Validate(JsonNode? instance, JsonObject schema)
    {
        var errors = new List<string>();
        Check(instance, schema, string.Empty, errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        foreach (var (keyword, argument) in schema)
        {
            switch (keyword)
            {
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToArray() : [argument!.GetValue<string>()];
                    if (!types.Any(t => HasType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {Describe(value)}");
                    }

                    break;

                case "properties":
                    if (value is JsonObject properties)
                    {
                        foreach (var (name, subschema) in argument!.AsObject())
                        {
                            if (properties.TryGetPropertyValue(name, out var child))
                            {
                                Check(child, subschema!.AsObject(), YamlPath.Key(path, name), errors);
                            }
                        }
                    }

                    break;

                case "additionalProperties":
                    if (value is JsonObject extra)
                    {
                        var declared = schema["properties"] as JsonObject;
                        foreach (var (name, child) in extra)
                        {
                            if (declared is not null && declared.ContainsKey(name))
                            {
                                continue;
                            }

                            if (argument is JsonObject additional)
                            {
                                Check(child, additional, YamlPath.Key(path, name), errors);
                            }
                            else if (argument!.GetValueKind() == JsonValueKind.False)
                            {
                                errors.Add($"{YamlPath.Key(path, name)}: property '{name}' is not allowed");
                            }
                        }
                    }

                    break;

                case "required":
                    if (value is JsonObject present)
                    {
                        foreach (var name in argument!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !present.ContainsKey(n)))
                        {
                            errors.Add($"{YamlPath.Key(path, name)}: required property '{name}' is missing");
                        }
                    }

                    break;

                case "items":
                    if (value is JsonArray items)
                    {
                        for (int i = 0; i < items.Count; i++)
                        {
                            Check(items[i], argument!.AsObject(), YamlPath.Index(path, i), errors);
                        }
                    }

                    break;

                case "minItems" when value is JsonArray { Count: var count } && count < argument!.GetValue<int>():
                    errors.Add($"{path}: expected at least {argument} items, found {count}");
                    break;

                case "maxItems" when value is JsonArray { Count: var count } && count > argument!.GetValue<int>():
                    errors.Add($"{path}: expected at most {argument} items, found {count}");
                    break;

                case "minimum" when Number(value) is { } number && number < Number(argument):
                    errors.Add($"{path}: {number} is below the minimum {argument}");
                    break;

                case "maximum" when Number(value) is { } number && number > Number(argument):
                    errors.Add($"{path}: {number} is above the maximum {argument}");
                    break;

                case "enum":
                    if (!argument!.AsArray().Any(allowed => JsonNode.DeepEquals(allowed, value)))
                    {
                        errors.Add($"{path}: {Describe(value)} is not one of {argument.ToJsonString()}");
                    }

                    break;

                case "pattern" when value is JsonValue text && text.GetValueKind() == JsonValueKind.String:
                    if (!Pattern(argument!.GetValue<string>()).IsMatch(text.GetValue<string>()))
                    {
                        errors.Add($"{path}: '{text}' does not match {argument}");
                    }

                    break;

                case "maxLength" when value is JsonValue text && text.GetValueKind() == JsonValueKind.String:
                    // JSON Schema counts characters as Unicode code points, not UTF-16 units.
                    int length = text.GetValue<string>().EnumerateRunes().Count();
                    if (length > argument!.GetValue<int>())
                    {
                        errors.Add($"{path}: text of {length} characters is longer than {argument}");
                    }

                    break;

                case "oneOf" when argument is JsonArray choices:
                    int matching = choices.Count(choice =>
                    {
                        var choiceErrors = new List<string>();
                        Check(value, choice!.AsObject(), path, choiceErrors);
                        return choiceErrors.Count == 0;
                    });
                    if (matching != 1)
                    {
                        errors.Add($"{path}: matches {matching} of the {choices.Count} alternatives, not exactly one");
                    }

                    break;

                case "propertyNames":
                    if (value is JsonObject named)
                    {
                        foreach (var (name, _) in named)
                        {
                            var nameErrors = new List<string>();
                            Check(JsonValue.Create(name), argument!.AsObject(), YamlPath.Key(path, name), nameErrors);
                            errors.AddRange(nameErrors.Select(e => $"{e} (property name)"));
                        }
                    }

                    break;

                case "minItems" or "maxItems" or "minimum" or "maximum" or "pattern" or "maxLength":
                    // The keyword holds, or does not apply to this kind of value.
                    break;

                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"The test validator does not know the JSON Schema keyword '{keyword}' (at '{path}'); add it.");
                    }

                    break;
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue && value.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => Number(value) is not null,
        "integer" => Number(value) is { } number && number == Math.Floor(number),
        _ => throw new NotSupportedException($"Unknown JSON Schema type '{type}'."),
    };

    // JSON has no NaN or infinity, so such YAML values are not numbers to a schema check.
    private static double? Number(JsonNode? value)
    {
        if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        // Values built in memory keep their .NET type; values parsed from text convert to double.
        double result = number.TryGetValue(out double d) ? d
            : number.TryGetValue(out long l) ? l
            : number.TryGetValue(out int i) ? i
            : double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);
        return double.IsFinite(result) ? result : null;
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v when v.TryGetValue(out double d) && !double.IsFinite(d) => $"the number {d}",
        _ => $"{value.GetValueKind().ToString().ToLowerInvariant()} {value.ToJsonString()}",
    };

    // JSON Schema patterns are ECMA-262 regular expressions and match anywhere unless anchored.
    private static Regex Pattern(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}

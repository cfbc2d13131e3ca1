using System.Text.Json.Nodes;
using NUnit.Framework;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Tests.Schema;

/// <summary>
/// The JSON Schema shipped for editors: it is what the generator writes, every shipped scenario
/// passes it, and it has exactly the keys the loader accepts, at the same places.
/// </summary>
[TestFixture]
public sealed class JsonSchemaFileTests
{
    private const string SchemaFile = "scenarios/tracksim.schema.json";

    private static JsonObject ShippedSchema => JsonNode.Parse(RepositoryFiles.Read(SchemaFile))!.AsObject();

    /// <summary>Every .yaml file under scenarios/, as a path relative to the repository root.</summary>
    public static IEnumerable<string> ShippedScenarios()
    {
        string root = RepositoryFiles.Root;
        return Directory.EnumerateFiles(Path.Combine(root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    [Test]
    public void Shipped_schema_file_equals_the_generated_schema()
    {
        string expected = ScenarioReference.JsonSchemaText();
        string actual = RepositoryFiles.Read(SchemaFile);
        if (RepositoryFiles.Updating && actual != expected)
        {
            RepositoryFiles.Write(SchemaFile, expected);
            actual = expected;
        }

        Assert.That(actual, Is.EqualTo(expected), $"{SchemaFile} is out of date with the format; run the tests with UPDATE_DOCS=1 to regenerate it, then commit the change");
    }

    [Test]
    public void Schema_text_is_two_space_indented_LF_json_ending_in_a_newline()
    {
        string text = ScenarioReference.JsonSchemaText();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"));
            Assert.That(text, Does.EndWith("}\n"));
            Assert.That(text, Does.Not.Contain("\r"));
            Assert.That(text, Does.Not.Contain("\\u0027"), "quotes in descriptions stay readable");
            Assert.That(JsonNode.Parse(text)!["title"]!.GetValue<string>(), Is.EqualTo("TrackSim scenario"));
        }
    }

    [Test]
    public void Shipped_scenarios_are_found()
    {
        Assert.That(ShippedScenarios(), Does.Contain("scenarios/minimal.yaml").And.Contain("scenarios/examples/every-field.yaml"));
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Shipped_scenario_passes_the_json_schema(string file)
    {
        var document = YamlJson.Parse(RepositoryFiles.Read(file), file);

        Assert.That(JsonSchemaValidator.Validate(document, ShippedSchema), Is.Empty);
    }

    [Test]
    public void Schema_has_exactly_the_keys_the_loader_accepts_at_the_same_places()
    {
        var problems = new List<string>();
        Compare(ScenarioSchema.Root, ShippedSchema, "(top level)", problems);

        Assert.That(problems, Is.Empty);
    }

    /// <summary>Walks the format's shapes and the schema together and notes every difference.</summary>
    private static void Compare(Shape shape, JsonObject schema, string path, List<string> problems)
    {
        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add($"{path}: {problem}");
            }
        }

        // Optional keys may be left empty, so their type is [X, "null"]; the shape's type is X.
        string? type = schema["type"] is JsonArray types ? types[0]?.GetValue<string>() : schema["type"]?.GetValue<string>();
        switch (shape)
        {
            case ObjectShape mapping:
                Expect(type == "object", $"expected type object, found {type}");
                var properties = schema["properties"] as JsonObject ?? [];
                var accepted = mapping.Fields.Select(f => f.Name).ToList();
                var described = properties.Select(p => p.Key).ToList();
                foreach (string key in accepted.Except(described))
                {
                    problems.Add($"{path}: the loader accepts '{key}' but the schema has no such property");
                }

                foreach (string key in described.Except(accepted))
                {
                    problems.Add($"{path}: the schema has a property '{key}' that the loader refuses");
                }

                Expect(schema["additionalProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.False, "unknown keys must be refused (additionalProperties: false)");
                var required = (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>());
                Expect(required.SequenceEqual(mapping.Fields.Where(f => f.Required).Select(f => f.Name)), "the required keys differ");
                foreach (var field in mapping.Fields.Where(f => properties.ContainsKey(f.Name)))
                {
                    bool nullable = (properties[field.Name]!["type"] is JsonArray list && list.Any(t => t?.GetValue<string>() == "null"))
                        || (properties[field.Name]!["oneOf"] is JsonArray alternatives && alternatives.Any(c => c?["type"]?.GetValue<string>() == "null"));
                    Expect(nullable == !field.Required, $"'{field.Name}' may be left empty exactly when it is optional");
                    string child = path == "(top level)" ? field.Name : $"{path}.{field.Name}";
                    Compare(field.Shape, properties[field.Name]!.AsObject(), child, problems);
                }

                break;

            case ListShape list:
                Expect(type == "array", $"expected type array, found {type}");
                Expect((schema["minItems"]?.GetValue<int>() ?? 0) == list.MinItems, "minItems differs");
                Expect(schema["maxItems"]?.GetValue<int>() == list.MaxItems, "maxItems differs");
                if (schema["items"] is JsonObject items)
                {
                    Compare(list.Item, items, path + "[]", problems);
                }
                else
                {
                    problems.Add($"{path}: a list without items");
                }

                break;

            case MapShape map:
                Expect(type == "object", $"expected type object, found {type}");
                if (schema["propertyNames"] is JsonObject names && schema["additionalProperties"] is JsonObject values)
                {
                    Compare(map.Key, names, path + ".<key>", problems);
                    Compare(map.Value, values, path + ".<value>", problems);
                }
                else
                {
                    problems.Add($"{path}: a free mapping needs propertyNames and additionalProperties schemas");
                }

                break;

            case PerStateNumberShape perState:
                if (schema["oneOf"] is JsonArray { Count: >= 2 } choices && choices[0] is JsonObject one && choices[1] is JsonObject each)
                {
                    Compare(perState.Number, one, path, problems);
                    Compare(new MapShape(TextShape.StateId, perState.Number), each, path + ".<state>", problems);
                }
                else
                {
                    problems.Add($"{path}: a parameter of a state needs oneOf a number and a mapping from state ids");
                }

                break;

            case NumberShape number:
                Expect(type == (number.WholeNumber ? "integer" : "number"), $"expected type {(number.WholeNumber ? "integer" : "number")}, found {type}");
                Expect(schema["minimum"]?.GetValue<double>() == number.Min, "minimum differs");
                Expect(schema["maximum"]?.GetValue<double>() == number.Max, "maximum differs");
                break;

            case EnumShape words:
                Expect(type == "string", $"expected type string, found {type}");
                Expect((schema["enum"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).SequenceEqual(words.Values), "the allowed words differ");
                break;

            case BoolShape:
                Expect(type == "boolean", $"expected type boolean, found {type}");
                break;

            case TextShape text:
                Expect(type == "string", $"expected type string, found {type}");
                Expect(schema["pattern"]?.GetValue<string>() == text.Pattern, "pattern differs");
                break;

            case ValueShape:
                Expect(
                    schema["type"] is JsonArray kinds && kinds.Select(k => k!.GetValue<string>()).SequenceEqual(["string", "number", "boolean"]),
                    "expected the types string, number and boolean");
                break;

            case DateShape or DurationShape:
                Expect(type == "string" && schema["pattern"] is not null, "expected a string with a pattern");
                break;

            default:
                problems.Add($"{path}: this test does not know the shape {shape.GetType().Name}; teach it");
                break;
        }
    }
}

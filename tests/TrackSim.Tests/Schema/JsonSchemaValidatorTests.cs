using System.Text.Json.Nodes;
using NUnit.Framework;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Tests.Schema;

/// <summary>
/// The test validator must be able to fail: wrong documents are refused by it at the same path as
/// by the loader, so "every shipped scenario passes the schema" means something.
/// </summary>
[TestFixture]
public sealed class JsonSchemaValidatorTests
{
    private const string Valid = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA }
          - { id: BB }
        citizens:
          initial_trust: { AA: { mean: 0.4, sd: 0.1 } }
        events:
          - { id: crisis, date: 2004-06, kind: crisis, severity: 0.8, actors: [AA, BB], label: Crisis }
        ensemble: { replicates: 5 }
        """;

    private static JsonObject Schema { get; } = JsonNode.Parse(ScenarioReference.JsonSchemaText())!.AsObject();

    [Test]
    public void Valid_document_passes_both_the_schema_and_the_loader()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSchemaValidator.Validate(YamlJson.Parse(Valid, "valid.yaml"), Schema), Is.Empty);
            Assert.That(ScenarioLoader.LoadText(Valid, "valid.yaml").Errors, Is.Empty);
        }
    }

    [TestCase("ensemble: { replicates: 5 }", "ensemble: { replicates: 5, runs: 3 }", "ensemble.runs", "is not allowed", TestName = "Unknown key is refused")]
    [TestCase("calendar: { start: 2000-01, end: 2009-12 }", "title: No calendar", "calendar", "is missing", TestName = "Missing required key is refused")]
    [TestCase("severity: 0.8", "severity: 1.5", "events[0].severity", "above the maximum", TestName = "Number above its range is refused")]
    [TestCase("replicates: 5", "replicates: 2.5", "ensemble.replicates", "expected integer", TestName = "Fraction where a whole number is expected is refused")]
    [TestCase("severity: 0.8", "severity: '0.8'", "events[0].severity", "expected number", TestName = "Quoted number is text and is refused")]
    [TestCase("kind: crisis", "kind: battle", "events[0].kind", "is not one of", TestName = "Word outside the enum is refused")]
    [TestCase("{ id: AA }", "{ id: aa }", "states[0].id", "does not match", TestName = "Id breaking its pattern is refused")]
    [TestCase("actors: [AA, BB]", "actors: []", "events[0].actors", "at least 1 item", TestName = "Too short a list is refused")]
    [TestCase("actors: [AA, BB]", "actors: AA", "events[0].actors", "expected array", TestName = "Scalar where a list is expected is refused")]
    [TestCase("{ AA: { mean", "{ aa: { mean", "citizens.initial_trust.aa", "(property name)", TestName = "Map key breaking its pattern is refused")]
    [TestCase("label: Crisis", "label: A label far too long for a chart marker", "events[0].label", "longer than 24", TestName = "Text longer than its limit is refused")]
    [TestCase("end: 2009-12", "end: 2009-13", "calendar.end", "does not match", TestName = "Impossible month is refused")]
    public void Wrong_document_is_refused_at_the_path_the_loader_reports(string valid, string wrong, string path, string message)
    {
        Assert.That(Valid.Contains(valid, StringComparison.Ordinal), Is.True, "the test's edit must apply to the valid document");
        string text = Valid.Replace(valid, wrong, StringComparison.Ordinal);

        var schemaErrors = JsonSchemaValidator.Validate(YamlJson.Parse(text, "wrong.yaml"), Schema);
        var loaderErrors = ScenarioLoader.LoadText(text, "wrong.yaml").Errors;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schemaErrors, Has.Some.StartsWith(path + ": ").And.Some.Contains(message));
            Assert.That(loaderErrors.Select(e => e.Path), Does.Contain(path));
        }
    }

    [Test]
    public void Plain_scalars_are_read_by_the_yaml_core_schema()
    {
        var value = YamlJson.Parse("{ a: 12, b: -1.5e3, c: true, d: FALSE, e: 0x1F, f: '12', g: 2000-01, h: yes, i: ~ }", "scalars.yaml")!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(value["a"]!.GetValue<double>(), Is.EqualTo(12));
            Assert.That(value["b"]!.GetValue<double>(), Is.EqualTo(-1500));
            Assert.That(value["c"]!.GetValue<bool>(), Is.True);
            Assert.That(value["d"]!.GetValue<bool>(), Is.False);
            Assert.That(value["e"]!.GetValue<double>(), Is.EqualTo(31));
            Assert.That(value["f"]!.GetValue<string>(), Is.EqualTo("12"));
            Assert.That(value["g"]!.GetValue<string>(), Is.EqualTo("2000-01"));
            Assert.That(value["h"]!.GetValue<string>(), Is.EqualTo("yes"), "YAML 1.1's yes is text in YAML 1.2");
            Assert.That(value.ContainsKey("i") && value["i"] is null, Is.True, "a key left empty is a JSON null, which the schema allows for optional keys");
        }
    }

    [Test]
    public void Keyword_the_validator_does_not_know_is_an_error_not_a_pass()
    {
        var schema = new JsonObject { ["type"] = "string", ["minLength"] = 3 };

        Assert.That(() => JsonSchemaValidator.Validate(JsonValue.Create("ab"), schema), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Schema_without_additional_properties_accepts_them_only_through_their_own_schema()
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "number" } },
            ["additionalProperties"] = new JsonObject { ["type"] = "boolean" },
        };

        var errors = JsonSchemaValidator.Validate(new JsonObject { ["a"] = 1, ["b"] = true, ["c"] = "no" }, schema);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Is.EqualTo("c: expected boolean, found string \"no\""));
    }
}

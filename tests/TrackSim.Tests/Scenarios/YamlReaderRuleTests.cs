using NUnit.Framework;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Yaml;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Rules enforced while the YAML text is read, before the format is checked.</summary>
public sealed class YamlReaderRuleTests
{
    [Test]
    public void Syntax_error_is_reported_where_the_parser_stopped()
    {
        const string yaml = """
            calendar:
              start: 2000-01
              end: 2009-12
            states: [AA, BB
            """;
        Only(yaml + "\n", 5, 1, "states[1]", "YAML syntax error", "did not find expected ',' or ']'");
    }

    [Test]
    public void Unclosed_quote_is_reported_at_the_quote()
    {
        const string yaml = """
            name: "minimal
            title: Two states
            """;
        Only(yaml, 1, 7, string.Empty, "YAML syntax error", "double-quoted scalar");
    }

    [Test]
    public void Unclosed_flow_mapping_is_reported_on_its_line_with_a_hint()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12
            states: []
            """;
        var result = Load(yaml);
        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        var error = result.Errors[0];
        Assert.That(error.Line, Is.EqualTo(1));
        Assert.That(error.Path, Is.EqualTo("calendar"));
        Assert.That(error.Message, Does.Contain("YAML syntax error").And.Contain("unclosed bracket"));
    }

    [Test]
    public void Unclosed_flow_mapping_is_reported_at_its_opening_brace()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12
            states: []
            """;
        Only(yaml, 1, 11, "calendar", "unclosed");
    }

    [Test]
    public void Tab_indentation_is_reported_on_the_line_of_the_tab()
    {
        Only("name: minimal\n\ttitle: Two states\n", 2, 1, string.Empty, "tab");
    }

    [TestCase("")]
    [TestCase("\n\n   \n")]
    [TestCase("# only a comment\n")]
    public void Empty_file_is_reported_as_holding_no_document(string yaml)
    {
        Only(yaml, 1, 1, string.Empty, "no YAML document", "expected a scenario mapping");
    }

    [Test]
    public void Document_marker_alone_is_reported_as_an_empty_file()
    {
        var result = Load("---\n");
        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        Assert.That(result.Errors[0].Message, Does.Contain("the file is empty").And.Contain("calendar and states"));
    }

    [Test]
    public void Document_marker_alone_is_reported_at_the_start()
    {
        Only("---\n", 1, 1, string.Empty, "the file is empty");
    }

    [Test]
    public void Plain_text_is_reported_as_not_a_scenario()
    {
        Only("Hello, this is plain text.\n", 1, 1, string.Empty,
            "expected a scenario mapping", "found the value 'Hello, this is plain text.'", "is this a TrackSim scenario?");
    }

    [Test]
    public void List_at_the_top_is_reported_as_not_a_scenario()
    {
        Only("- calendar\n- states\n", 1, 1, string.Empty, "expected a scenario mapping", "found a list");
    }

    [Test]
    public void Binary_content_is_reported_as_binary()
    {
        Only("name: x\n\0\u0001\u0002PNG\n", 1, 1, string.Empty, "binary data", "YAML text file");
    }

    [Test]
    public void Several_documents_are_reported_at_the_second()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: [{ id: AA }, { id: BB }]
            ---
            calendar: { start: 2000-01, end: 2009-12 }
            states: [{ id: AA }, { id: BB }]
            """;
        Only(yaml, 3, 1, string.Empty, "more than one YAML document", "a scenario is one document");
    }

    [Test]
    public void Duplicate_top_level_key_is_reported_at_the_second_occurrence()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            states: []
            """;
        Only(yaml, 5, 1, "states", "duplicate key 'states'", "the first one is kept");
    }

    [Test]
    public void Duplicate_nested_key_is_reported_with_its_path()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA, id: CC }
              - { id: BB }
            """;
        Only(yaml, 3, 15, "states[0].id", "duplicate key 'id'");
    }

    [Test]
    public void Yaml_tag_is_reported_and_the_value_read_as_plain_text()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            name: !!python/object:os.system rm
            """;

        // Exactly one diagnostic: the tag chose no type, so 'rm' was checked as the plain id it is.
        Only(yaml, 5, 7, "name", "YAML tags such as", "python/object:os.system", "are not allowed", "remove the tag");
    }

    [Test]
    public void Local_tag_on_the_whole_document_is_reported()
    {
        const string yaml = """
            !scenario
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 1, string.Empty, "'!scenario'", "are not allowed");
    }

    [Test]
    public void Yaml_tag_is_quoted_as_written()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            name: !!python/object:os.system rm
            """;
        Only(yaml, 5, 7, "name", "'!!python/object:os.system'");
    }

    [Test]
    public void Alias_expansion_bomb_is_stopped_at_the_node_limit()
    {
        // "Billion laughs": nine levels of ten aliases would expand to about a billion nodes.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (int level = 1; level <= 9; level++)
        {
            lines.Add($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]");
        }

        string yaml = string.Join('\n', lines) + "\n";

        // A liveness guard, not a speed measurement: an expanding reader would run for minutes.
        var load = Task.Run(() => Load(yaml));
        Assert.That(load.Wait(TimeSpan.FromSeconds(20)), Is.True, "the loader did not return within 20 s");

        // The limit trips at the 8th alias of a5: 1 + 6 keys + 11 + 111 + ... + 111,111 nodes come before it.
        var result = load.Result;
        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        HasError(result, 6, 45, "a5[7]", $"more than {YamlLimits.MaxNodes:N0} nodes", "aliases");
    }

    [Test]
    public void Aliases_within_the_limit_are_followed()
    {
        const string yaml = """
            calendar: &period { start: 2000-01, end: 2009-12 }
            states:
              - &state { id: AA }
              - { id: BB }
            name: &n shared-name
            title: *n
            """;
        var scenario = Valid(yaml);
        Assert.That(scenario.Title, Is.EqualTo("shared-name"));
    }

    [Test]
    public void Alias_without_anchor_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            name: *nowhere
            """;
        Only(yaml, 5, 7, "name", "the alias *nowhere names no anchor defined before it");
    }

    [Test]
    public void Error_through_an_alias_is_reported_at_the_alias()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            title: &t Not an id
            name: *t
            """;
        Only(yaml, 6, 7, "name", "expected an id");
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_reported()
    {
        string yaml = "name: " + new string('[', 200) + new string(']', 200) + "\n";

        // The root mapping is level 0 and the first '[' (column 7) level 1, so level 65 is at column 71.
        string path = "name" + string.Concat(Enumerable.Repeat("[0]", YamlLimits.MaxDepth));
        Only(yaml, 1, 7 + YamlLimits.MaxDepth, path, $"nests deeper than {YamlLimits.MaxDepth} levels");
    }

    [Test]
    public void Mapping_as_a_key_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            ? [a, b]
            : c
            """;
        Only(yaml, 5, 3, string.Empty, "mapping keys must be plain text");
    }

    [Test]
    public void Unreadable_file_contents_are_reported_by_LoadFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tracksim-test-{Guid.NewGuid():N}.yaml");
        try
        {
            // The start of a PNG file: 0x89 is not valid UTF-8.
            File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
            var result = ScenarioLoader.LoadFile(path);
            Assert.That(result.Scenario, Is.Null);
            Assert.That(result.Errors, Has.Length.EqualTo(1));
            Assert.That(result.Errors[0], Has.Property("Line").EqualTo(1).And.Property("Column").EqualTo(1).And.Property("File").EqualTo(path));
            Assert.That(result.Errors[0].Message, Does.Contain("not UTF-8 text"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Oversized_file_is_refused_before_it_is_read()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tracksim-test-{Guid.NewGuid():N}.yaml");
        try
        {
            // SetLength makes a sparse file: the size check must fire without reading 16 MiB.
            using (var stream = File.Create(path))
            {
                stream.SetLength(YamlLimits.MaxFileBytes + 1);
            }

            var result = ScenarioLoader.LoadFile(path);
            Assert.That(result.Errors, Has.Length.EqualTo(1));
            Assert.That(result.Errors[0].Message, Does.Contain("a scenario may be at most 16,777,216 bytes"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Missing_file_and_folder_are_reported_by_LoadFile()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"tracksim-test-{Guid.NewGuid():N}.yaml");
        Assert.That(ScenarioLoader.LoadFile(missing).Errors.Single().Message, Is.EqualTo("no such file"));
        Assert.That(ScenarioLoader.LoadFile(Path.GetTempPath()).Errors.Single().Message, Does.Contain("this is a directory"));
    }
}

using System.Globalization;
using System.Text;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// A tree written by <see cref="YamlTreeWriter"/> reads back to the same tree: the same keys in the
/// same order, the same texts, and each scalar plain or quoted as it was. Trees are compared through
/// <see cref="Canonical"/>, which leaves out only positions, so a dropped key, a changed number or a
/// lost quote (which turns "no" into false) fails.
/// </summary>
[TestFixture]
public sealed class YamlTreeWriterTests
{
    [Test]
    public void Every_shipped_scenario_is_written_as_text_that_reads_back_to_the_same_tree_and_loads()
    {
        var files = RepositoryFiles.ShippedScenarios();
        Assert.That(files.Select(Path.GetFileName), Does.Contain("every-field.yaml").And.Contain("minimal.yaml"), "the list is not empty");

        using (Assert.EnterMultipleScope())
        {
            foreach (string file in files)
            {
                var tree = Read(File.ReadAllText(file));
                string written = YamlTreeWriter.Write(tree);
                var again = Read(written);
                Assert.That(Canonical(again), Is.EqualTo(Canonical(tree)), file);
                var loaded = ScenarioLoader.LoadText(written, file);
                Assert.That(loaded.Errors, Is.Empty, file);
            }
        }
    }

    [Test]
    public void A_written_scenario_runs_to_the_same_numbers_as_the_original()
    {
        // A second check beside the trees: the model reads the written file as it reads the original.
        string file = RepositoryFiles.PathOf("scenarios/teaching/co-optation.yaml");
        string written = YamlTreeWriter.Write(Read(File.ReadAllText(file)));
        var original = ScenarioLoader.LoadFile(file).Scenario!;
        var copy = ScenarioLoader.LoadText(written, file).Scenario!;
        var options = new EnsembleOptions { Replicates = 2, Variants = ["base", "independent"] };
        var expected = SummaryTable.FromEnsemble(Ensemble.Run(original, options));
        var actual = SummaryTable.FromEnsemble(Ensemble.Run(copy, options));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Series, Has.Length.EqualTo(expected.Series.Length).And.Length.GreaterThan(0));
            foreach (var series in expected.Series)
            {
                var other = actual.Find(series.Variant, series.Metric, series.Subject)!;
                Assert.That(other.P50.ToArray(), Is.EqualTo(series.P50.ToArray()), $"{series.Variant} {series.Metric} {series.Subject}");
            }
        }
    }

    [Test]
    public void The_comparison_sees_a_lost_quote_a_changed_number_and_a_dropped_key()
    {
        // Guards the tests here: trees that differ only in these ways do not compare equal.
        string tree = Canonical(Read("a: \"no\"\nb: 0.5\nc: [x]\n"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Canonical(Read("a: no\nb: 0.5\nc: [x]\n")), Is.Not.EqualTo(tree));
            Assert.That(Canonical(Read("a: \"no\"\nb: 0.50\nc: [x]\n")), Is.Not.EqualTo(tree));
            Assert.That(Canonical(Read("a: \"no\"\nb: 0.5\n")), Is.Not.EqualTo(tree));
            Assert.That(Canonical(Read("a: \"no\"\nb: 0.5\nc: x\n")), Is.Not.EqualTo(tree));
        }
    }

    [TestCase("no")]
    [TestCase("yes")]
    [TestCase("true")]
    [TestCase("null")]
    [TestCase("~")]
    [TestCase("")]
    [TestCase("1999")]
    [TestCase("0.5")]
    [TestCase("-3")]
    [TestCase("1e3")]
    [TestCase(".inf")]
    [TestCase("2008-11")]
    [TestCase("2008-11-26")]
    [TestCase("a: b")]
    [TestCase("a:b")]
    [TestCase("ends with colon:")]
    [TestCase("see #3")]
    [TestCase("#not a comment")]
    [TestCase("say \"hello\"")]
    [TestCase("it's")]
    [TestCase("'single'")]
    [TestCase("back\\slash")]
    [TestCase("  leading spaces")]
    [TestCase("trailing spaces  ")]
    [TestCase("- not a list")]
    [TestCase("-")]
    [TestCase("---")]
    [TestCase("...")]
    [TestCase("[not, a, list]")]
    [TestCase("{not: a map}")]
    [TestCase("a, b")]
    [TestCase("&anchor")]
    [TestCase("*alias")]
    [TestCase("!tag")]
    [TestCase("|")]
    [TestCase(">")]
    [TestCase("? key")]
    [TestCase("%directive")]
    [TestCase("@at")]
    [TestCase("`tick")]
    [TestCase("Zürich, Genève, Łódź")]
    [TestCase("日本語 und عربى")]
    [TestCase("emoji 🕊 dove")]
    [TestCase("tab\there")]
    [TestCase("line\nbreak")]
    [TestCase("two lines\nand a break\n")]
    [TestCase("ends with breaks\n\n")]
    [TestCase("\nstarts with a break")]
    [TestCase(" indented first line\nsecond\n")]
    [TestCase("a line of spaces\n   \nafter\n")]
    [TestCase("empty line\n\nin the middle\n")]
    [TestCase("carriage\r\nreturn")]
    [TestCase("nul\0byte")]
    [TestCase("bell\u0007 and escape\u001b")]
    [TestCase("separators\u2028\u2029\u0085")]
    [TestCase("bom\uFEFF")]
    [TestCase("  indented body\n    more\n")]
    public void A_quoted_text_keeps_its_characters_and_its_quotes_as_value_key_and_item(string value)
    {
        var root = new YamlMapping(Position.Start);
        root.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text("value"), Text(value)));
        root.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text(value.Length == 0 ? "empty" : value), Text("as a key")));
        var list = new YamlSequence(Position.Start);
        list.Items.Add(Text(value));
        list.Items.Add(Text("after"));
        root.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text("list"), list));
        var item = new YamlMapping(Position.Start);
        item.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text("id"), Text(value)));
        item.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text("text"), Text(value)));
        var items = new YamlSequence(Position.Start);
        items.Items.Add(item);
        root.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(Text("items"), items));

        string written = YamlTreeWriter.Write(root);

        Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(root)), written);
    }

    [TestCase("0.5")]
    [TestCase("-0.25")]
    [TestCase("1e-3")]
    [TestCase(".nan")]
    [TestCase("no")]
    [TestCase("True")]
    [TestCase("~")]
    [TestCase("null")]
    [TestCase("2008-11")]
    [TestCase("12:30")]
    [TestCase("a:b")]
    [TestCase("https://example.org/a#b")]
    [TestCase("x-y_z")]
    [TestCase("two words")]
    [TestCase("-dash")]
    [TestCase("what?")]
    [TestCase("Zürich")]
    [TestCase("a 'quoted' word")]
    [TestCase("say \"hi\"")]
    [TestCase("a,b")]
    public void A_plain_value_read_from_a_file_is_written_back_plain_in_a_mapping_and_a_list(string value)
    {
        var tree = Read($"value: {value}\nlist:\n  - {value}\n  - other\n");

        string written = YamlTreeWriter.Write(tree);

        Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(tree)), written);
    }

    [Test]
    public void An_empty_plain_value_stays_null_in_a_mapping_and_a_list()
    {
        var tree = Read("value:\nlist:\n  -\n  - other\nlast: 1\n");

        string written = YamlTreeWriter.Write(tree);

        Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(tree)), written);
    }

    [TestCase("a: b")]
    [TestCase("see #3")]
    [TestCase(" padded ")]
    [TestCase("- item")]
    public void A_plain_value_that_cannot_be_written_plain_keeps_its_text_in_quotes(string value)
    {
        // Such values come from a change made on the page (a --set value), never from a file.
        var root = new YamlMapping(Position.Start);
        root.Entries.Add(KeyValuePair.Create<YamlScalar, YamlNode>(new YamlScalar(Position.Start, "title", isPlain: true), new YamlScalar(Position.Start, value, isPlain: true)));

        var again = (YamlScalar)((YamlMapping)Read(YamlTreeWriter.Write(root))).Get("title")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Value, Is.EqualTo(value));
            Assert.That(again.IsPlain, Is.False);
        }
    }

    [Test]
    public void A_text_of_several_lines_is_a_literal_block_and_a_short_list_of_scalars_a_flow_list()
    {
        var tree = Read("description: >\n  First line\n  goes on.\n\n  Second paragraph.\nstates: [NA, SO]\n");

        string written = YamlTreeWriter.Write(tree);

        Assert.That(written, Is.EqualTo("description: |\n  First line goes on.\n  Second paragraph.\nstates: [NA, SO]\n"));
    }

    [TestCase(1, true, ">")]
    [TestCase(2, true, ">")]
    [TestCase(1, false, ">-")]
    public void A_long_text_is_folded_to_lines_that_fit_and_reads_back_unchanged(int paragraphs, bool closingBreak, string header)
    {
        string words = string.Join(' ', Enumerable.Range(1, 60).Select(i => "word" + i.ToString(CultureInfo.InvariantCulture)));
        string value = string.Join('\n', Enumerable.Repeat(words, paragraphs)) + (closingBreak ? "\n" : string.Empty);
        var root = Mapping(("description", Text(value)));

        string written = YamlTreeWriter.Write(root);
        var lines = written.TrimEnd('\n').Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(root)), written);
            Assert.That(lines[0], Is.EqualTo("description: " + header));
            Assert.That(lines.Skip(1), Has.All.Length.InRange(1, 96).Or.Empty, "lines that fit; an empty line parts paragraphs");
            Assert.That(lines.Count(l => l.Length == 0), Is.EqualTo(paragraphs - 1));
            Assert.That(lines, Has.Length.GreaterThan(4 * paragraphs), "each paragraph on several lines");
        }
    }

    [TestCase("double  spaces stay where they are, and the folding cuts only at single spaces between words of the text")]
    [TestCase("a word longer than the width: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz and after it")]
    [TestCase(" a leading space cannot be folded, so this long text is written quoted or literal and still reads back the same way")]
    [TestCase("trailing space on the first line of a long text that cannot be folded, so it is written another way \nsecond line\n")]
    [TestCase("an empty line in a long text is kept exactly, whichever block the writer chooses for it, folded or literal\n\nafter\n")]
    [TestCase("a long text with a tab\tinside it goes another way than folding, which does not take tabs, and reads back the same")]
    public void A_long_text_that_folding_would_change_is_written_another_way_that_keeps_it(string value)
    {
        var root = Mapping(("description", Text(value)), ("items", Sequence(Mapping(("text", Text(value)), ("other", Text(value))))));

        string written = YamlTreeWriter.Write(root);

        Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(root)), written);
    }

    [Test]
    public void Nested_lists_and_mappings_are_written_as_block_collections()
    {
        const string yaml = "a:\n  - - 1\n    - x: [1, 2]\n      y: {}\n  - []\n  - { k: v, l: [] }\nb: [\"a, b\", c]\n";
        var tree = Read(yaml);

        string written = YamlTreeWriter.Write(tree);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Canonical(Read(written)), Is.EqualTo(Canonical(tree)), written);
            Assert.That(written, Is.EqualTo("a:\n  -\n    - 1\n    - x: [1, 2]\n      y: {}\n  - []\n  - k: v\n    l: []\nb: [\"a, b\", c]\n"));
        }
    }

    private static YamlScalar Text(string value) => new(Position.Start, value, isPlain: false);

    private static YamlMapping Mapping(params (string Key, YamlNode Value)[] entries)
    {
        var mapping = new YamlMapping(Position.Start);
        foreach (var (key, value) in entries)
        {
            mapping.Entries.Add(KeyValuePair.Create(new YamlScalar(Position.Start, key, isPlain: true), value));
        }

        return mapping;
    }

    private static YamlSequence Sequence(params YamlNode[] items)
    {
        var sequence = new YamlSequence(Position.Start);
        sequence.Items.AddRange(items);
        return sequence;
    }

    private static YamlNode Read(string text)
    {
        var errors = new List<Diagnostic>();
        var tree = YamlTreeReader.Read(text, "test.yaml", errors);
        Assert.That(errors, Is.Empty, text);
        return tree!;
    }

    /// <summary>The tree as text without positions: kinds, keys in order, and each scalar's text and style.</summary>
    private static string Canonical(YamlNode node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();

        static void Append(StringBuilder text, YamlNode node)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    text.Append(scalar.IsPlain ? "plain" : "quoted").Append('(').Append(Escape(scalar.Value)).Append(')');
                    break;
                case YamlSequence sequence:
                    text.Append('[');
                    foreach (var item in sequence.Items)
                    {
                        Append(text, item);
                        text.Append(';');
                    }

                    text.Append(']');
                    break;
                case YamlMapping mapping:
                    text.Append('{');
                    foreach (var (key, value) in mapping.Entries)
                    {
                        Append(text, key);
                        text.Append('=');
                        Append(text, value);
                        text.Append(';');
                    }

                    text.Append('}');
                    break;
            }
        }

        static string Escape(string value) =>
            string.Concat(value.Select(c => c is < ' ' or '(' or ')' or '\\' ? string.Create(CultureInfo.InvariantCulture, $"\\{(int)c:X4}") : c.ToString()));
    }
}

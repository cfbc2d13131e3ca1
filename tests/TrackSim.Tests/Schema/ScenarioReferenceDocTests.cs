using NUnit.Framework;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Tests.Schema;

/// <summary>
/// docs/SCENARIOS.md carries the generated field reference between two marker lines. When the
/// format changes, run the tests once with UPDATE_DOCS=1 to rewrite that part (and the shipped
/// JSON Schema), then review the diff and commit it.
/// </summary>
[TestFixture]
public sealed class ScenarioReferenceDocTests
{
    private const string DocFile = "docs/SCENARIOS.md";
    private const string Begin = "<!-- BEGIN GENERATED REFERENCE -->\n";
    private const string End = "<!-- END GENERATED REFERENCE -->\n";

    [Test]
    public void Generated_part_of_the_format_doc_equals_the_reference()
    {
        string doc = RepositoryFiles.Read(DocFile);
        int begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        int end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.That(begin >= 0 && end > begin, Is.True, $"{DocFile} must hold the line {Begin.Trim()} and, after it, the line {End.Trim()}");

        // A blank line on each side keeps the Markdown blocks apart from the marker comments.
        string expected = "\n" + ScenarioReference.ToMarkdown() + "\n";
        string actual = doc[(begin + Begin.Length)..end];
        if (RepositoryFiles.Updating && actual != expected)
        {
            RepositoryFiles.Write(DocFile, doc[..(begin + Begin.Length)] + expected + doc[end..]);
            actual = expected;
        }

        Assert.That(actual, Is.EqualTo(expected), $"{DocFile} is out of date with the format; run the tests with UPDATE_DOCS=1 to regenerate it, then commit the change");
    }

    [Test]
    public void Format_doc_quotes_the_minimal_scenario_as_it_is_shipped()
    {
        string minimal = RepositoryFiles.Read("scenarios/minimal.yaml");

        Assert.That(RepositoryFiles.Read(DocFile), Does.Contain("```yaml\n" + minimal + "```\n"), $"the smallest scenario in {DocFile} must be scenarios/minimal.yaml, verbatim");
    }

    [Test]
    public void Reference_has_a_row_for_every_key_of_every_mapping()
    {
        string reference = ScenarioReference.ToMarkdown();
        var missing = new List<string>();
        foreach (var (shape, path) in Mappings(ScenarioSchema.Root, "(top level)"))
        {
            string heading = path == "(top level)" ? "### Top level: " : $"### `{path}`: ";
            int section = reference.IndexOf(heading + shape.Description + "\n", StringComparison.Ordinal);
            if (section < 0)
            {
                missing.Add($"section {heading}{shape.Description}");
                continue;
            }

            int next = reference.IndexOf("\n#", section + 1, StringComparison.Ordinal);
            string body = reference[section..(next < 0 ? reference.Length : next)];
            missing.AddRange(shape.Fields.Where(f => !body.Contains($"\n| `{f.Name}` |", StringComparison.Ordinal)).Select(f => $"{path}.{f.Name}"));
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Reference_is_plain_LF_text_that_ends_in_one_newline()
    {
        string reference = ScenarioReference.ToMarkdown();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference, Does.Not.Contain("\r"));
            Assert.That(reference, Does.EndWith("|\n"));
            Assert.That(reference, Does.Not.Contain("\n\n\n"));
            Assert.That(reference, Does.StartWith("## Field reference\n"));
        }
    }

    [Test]
    public void Reference_shows_ranges_units_and_defaults_from_the_shapes()
    {
        string reference = ScenarioReference.ToMarkdown();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference, Does.Contain("| `fear` | number in [0, 5] (1/year), or a mapping from state id to such a number | `0.3` | Growth of a state's posture per unit of the other's posture (Richardson's a, b). A parameter of a state: one number for all, or a mapping such as { IN: 0.4, PK: 0.2 }. |"));
            Assert.That(reference, Does.Contain("| `step` | one of `day`, `week`, `month` | `month` | Length of one step. |"));
            Assert.That(reference, Does.Contain("| `start` | date `YYYY-MM` or `YYYY-MM-DD`; a month alone means its first day | **required** |"));
            Assert.That(reference, Does.Contain("| `end` | date `YYYY-MM` or `YYYY-MM-DD`; a month alone means its last day | **required** |"));
            Assert.That(reference, Does.Contain("| `journalist` | 9 (media) | 0.4 | 0.2 | 0.3 | journalist, editor or broadcaster |"));
            Assert.That(reference, Does.Contain("| `terror_attack` | hostile |"));
            Assert.That(reference, Does.Contain("| `track2_meetings` | `T2-MEET` |"));
            Assert.That(reference, Does.Contain("| states | 20 |"));
        }
    }

    [Test]
    public void Reference_is_the_same_on_every_call()
    {
        string first = ScenarioReference.ToMarkdown();
        string second = ScenarioReference.ToMarkdown();

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>Every mapping of the format with the first path that reaches it, as the reference lists them.</summary>
    private static IEnumerable<(ObjectShape Shape, string Path)> Mappings(Shape shape, string path, HashSet<ObjectShape>? seen = null)
    {
        seen ??= [];
        switch (shape)
        {
            case ObjectShape mapping when seen.Add(mapping):
                yield return (mapping, path);
                foreach (var field in mapping.Fields)
                {
                    string child = path == "(top level)" ? field.Name : $"{path}.{field.Name}";
                    foreach (var inner in Mappings(field.Shape, child, seen))
                    {
                        yield return inner;
                    }
                }

                break;
            case ListShape list:
                foreach (var inner in Mappings(list.Item, path + "[]", seen))
                {
                    yield return inner;
                }

                break;
            case MapShape map:
                foreach (var inner in Mappings(map.Value, ReferenceEquals(map.Key, TextShape.TrustKey) ? $"{path}.<state id or pair>" : $"{path}.<state id>", seen))
                {
                    yield return inner;
                }

                break;
            default:
                break;
        }
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;
using TrackSim.Core.Rules;
using TrackSim.Tests.Scenarios;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// docs/MODEL.md must describe every rule, parameter, mechanism, metric and lens the code has, with
/// the values the code uses, and no rule the code lacks. The document is written by hand; these
/// checks keep it from drifting when the catalogs change.
/// </summary>
public sealed partial class ModelDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(RepositoryFiles.PathOf("docs/MODEL.md")));

    /// <summary>The cells of every table row whose first cell is a back-quoted name, by that name (a name may have several rows).</summary>
    private static ILookup<string, string[]> Rows() =>
        Doc.Value.Split('\n')
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["cells"].Value.Split(" | "))
            .ToLookup(cells => cells[0].Trim('`'), StringComparer.Ordinal);

    /// <summary>Every rule id the code defines: the mechanisms' rules, the engine's rules and the id constants of the rule classes.</summary>
    private static SortedSet<string> CodeRuleIds()
    {
        var ids = new SortedSet<string>(Mechanism.All.Select(m => m.RuleId), StringComparer.Ordinal);
        ids.UnionWith(ModelRules.Step.Select(r => r.RuleId));
        var rules = typeof(EventRule).Assembly.GetTypes().Where(t => t.Namespace == typeof(EventRule).Namespace);
        foreach (var field in rules.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            if (field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("Id", StringComparison.Ordinal))
            {
                ids.Add((string)field.GetRawConstantValue()!);
            }
        }

        return ids;
    }

    [Test]
    public void Every_rules_citation_is_in_the_references_or_says_it_has_none()
    {
        string doc = Doc.Value;
        string references = doc[doc.IndexOf("## References", StringComparison.Ordinal)..];
        var problems = new List<string>();
        foreach (var rule in ModelRules.Step)
        {
            if (rule.Citation == "TrackSim's own specification (no published source).")
            {
                continue;
            }

            var works = CitedWork().Matches(rule.Citation);
            if (works.Count == 0)
            {
                problems.Add($"{rule.RuleId}: no 'Author, X. (year)' in '{rule.Citation}'");
            }

            foreach (Match work in works)
            {
                string author = work.Groups["author"].Value;
                string year = work.Groups["year"].Value;
                if (!references.Split('\n').Any(line => line.StartsWith($"- {author}, ", StringComparison.Ordinal) && line.Contains($"({year})", StringComparison.Ordinal)))
                {
                    problems.Add($"{rule.RuleId}: {author} ({year}) is not in the references of docs/MODEL.md");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void The_process_overview_lists_the_rules_in_the_engines_order()
    {
        string doc = Doc.Value;
        int start = doc.IndexOf("## 3. Process overview", StringComparison.Ordinal);
        int end = doc.IndexOf("**Synchronous and sequential updates.**", start, StringComparison.Ordinal);
        var listed = BackQuotedRuleId().Matches(doc[start..end]).Select(m => m.Groups["id"].Value).Distinct().ToArray();

        Assert.That(listed, Is.EqualTo(ModelRules.Step.Select(r => r.RuleId).ToArray()));
    }

    [Test]
    public void Every_rule_lives_in_one_file_named_after_its_id_that_declares_the_id()
    {
        var problems = new List<string>();
        foreach (var rule in ModelRules.Step)
        {
            string name = string.Concat(rule.RuleId.Split('-').Select(part => part[..1] + part[1..].ToLowerInvariant())) + "Rule";
            string path = $"src/TrackSim.Core/Rules/{name}.cs";
            if (rule.GetType().Name != name)
            {
                problems.Add($"{rule.RuleId}: class {rule.GetType().Name}, expected {name}");
            }

            if (!File.Exists(RepositoryFiles.PathOf(path)) || !File.ReadAllText(RepositoryFiles.PathOf(path)).Contains($"public const string Id = \"{rule.RuleId}\";", StringComparison.Ordinal))
            {
                problems.Add($"{rule.RuleId}: {path} missing or does not declare the id");
            }
        }

        var elsewhere = Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => IdDeclaration().IsMatch(File.ReadAllText(f)) && !f.Contains($"Rules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        problems.AddRange(elsewhere.Select(f => $"{Path.GetFileName(f)} declares a rule id outside Rules/"));

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    [Test]
    public void Every_parameter_has_a_row_with_the_codes_default_range_unit_meaning_and_lens_values()
    {
        var rows = Rows();
        var problems = new List<string>();
        foreach (var p in ParameterCatalog.All)
        {
            var lenses = Lens.All.Where(l => l.Values.ContainsKey(p.Key)).Select(l => $"{l.Name}: {Number(l.Values[p.Key])}").ToArray();
            string[] expected = [$"`{p.Key}`", Number(p.Default), $"[{Number(p.Min)}, {Number(p.Max)}]", p.Unit, p.Description, lenses.Length == 0 ? "—" : string.Join("; ", lenses)];
            if (!rows.Contains(p.Key))
            {
                problems.Add($"{p.Key}: no table row");
            }

            foreach (var cells in rows[p.Key])
            {
                if (!cells.SequenceEqual(expected))
                {
                    problems.Add($"{p.Key}: | {string.Join(" | ", cells)} | should be | {string.Join(" | ", expected)} |");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void The_parameters_of_a_state_are_listed_and_every_other_parameter_is_said_why_it_is_one_value()
    {
        // Section 2: a table of the parameters of a state, then a paragraph that names every other
        // parameter (or its group, as group.*) with the reason it has one value for all states
        // (it may name parameters of a state too, as what carries a scale state by state).
        string doc = Doc.Value;
        int start = doc.IndexOf("**Parameters of a state.**", StringComparison.Ordinal);
        int end = doc.IndexOf("### Dyads", start, StringComparison.Ordinal);
        string section = doc[start..end];
        int paragraph = section.IndexOf("Every other parameter has one value", StringComparison.Ordinal);
        var listed = BackQuotedKey().Matches(section[..paragraph]).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        var named = BackQuotedKey().Matches(section[paragraph..]).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        var ofAState = ParameterCatalog.All.Where(p => p.Scope == ParameterScope.State).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var unnamed = ParameterCatalog.All
            .Where(p => p.Scope == ParameterScope.Model && !named.Contains(p.Key) && !named.Contains($"{p.Group}.*"))
            .Select(p => p.Key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(listed, Is.EquivalentTo(ofAState), "the table lists exactly the parameters of a state");
            Assert.That(unnamed, Is.Empty, "parameters of the model the paragraph does not give a reason for");
        }
    }

    [Test]
    public void No_parameter_row_names_a_parameter_the_code_lacks()
    {
        var groups = ParameterCatalog.Groups.ToHashSet(StringComparer.Ordinal);
        var stale = Rows().Select(g => g.Key)
            .Where(name => name.Split('.') is [var group, _] && groups.Contains(group) && ParameterCatalog.Find(name) is null);

        Assert.That(stale, Is.Empty);
    }

    [Test]
    public void Every_rule_id_has_a_submodel_section_and_every_submodel_section_is_a_rule_of_the_code()
    {
        var code = CodeRuleIds();
        var documented = SubmodelHeading().Matches(Doc.Value).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code.Except(documented), Is.Empty, "rules of the code without a section");
            Assert.That(documented.Except(code), Is.Empty, "sections for rules the code does not have");
        }
    }

    [Test]
    public void Every_mechanism_has_a_row_with_its_rule_id()
    {
        var rows = Rows();

        Assert.That(
            Mechanism.All.Where(m => !rows[m.Name].Any(cells => cells.Length >= 2 && cells[1] == $"`{m.RuleId}`")).Select(m => m.Name),
            Is.Empty);
    }

    [Test]
    public void Every_metric_has_a_row_with_its_level_and_unit()
    {
        var rows = Rows();
        var missing = MetricCatalog.All.Where(m => !rows[m.Name].Any(cells =>
            cells.Length >= 3 && cells[1] == Names.Snake(m.Level) && cells[2] == m.Unit));

        Assert.That(missing.Select(m => m.Name), Is.Empty);
    }

    [Test]
    public void Every_lens_has_a_row_with_its_description_and_values()
    {
        var rows = Rows();
        var problems = new List<string>();
        foreach (var lens in Lens.All)
        {
            string values = string.Join(", ", lens.Values.Select(v => $"`{v.Key}` = {Number(v.Value)}"));
            if (!rows[lens.Name].Any(cells => cells.Length == 3 && cells[1] == lens.Description && cells[2] == values))
            {
                problems.Add($"{lens.Name}: expected | `{lens.Name}` | {lens.Description} | {values} |");
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [GeneratedRegex(@"(?:^|; )(?<author>[\p{Lu}][\p{L}-]+), [\p{Lu}]\.[^;]*?\((?<year>\d{4})\)")]
    private static partial Regex CitedWork();

    [GeneratedRegex(@"`(?<id>EVENT|[A-Z0-9]+(?:-[A-Z0-9]+)+)`")]
    private static partial Regex BackQuotedRuleId();

    [GeneratedRegex(@"const string \w*Id = ""(EVENT|[A-Z0-9]+(?:-[A-Z0-9]+)+)""")]
    private static partial Regex IdDeclaration();

    [GeneratedRegex(@"`(?<key>[a-z0-9_]+\.(?:[a-z0-9_]+|\*))`")]
    private static partial Regex BackQuotedKey();

    [GeneratedRegex(@"^\| (?<cells>`[^`]+`.*) \|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^### 7\.\d+[a-z]? (?<id>[A-Z0-9]+(?:-[A-Z0-9]+)*):", RegexOptions.Multiline)]
    private static partial Regex SubmodelHeading();
}

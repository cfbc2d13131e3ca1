using System.Reflection;
using System.Text.RegularExpressions;
using TrackSim.Core.Parameters;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Architecture;

/// <summary>docs/ARCHITECTURE.md names files, types and members that exist, so its worked examples can be followed.</summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly Lazy<string> Doc = new(() => RepositoryFiles.Read("docs/ARCHITECTURE.md"));

    [Test]
    public void Every_path_the_page_names_exists_apart_from_the_example_rule()
    {
        var missing = RepositoryPath().Matches(Doc.Value)
            .Select(m => m.Groups["path"].Value)
            .Where(path => !path.Contains("XyName", StringComparison.Ordinal))
            .Where(path => !File.Exists(RepositoryFiles.PathOf(path)) && !Directory.Exists(RepositoryFiles.PathOf(path)))
            .Distinct();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_rule_template_overrides_only_members_a_rule_has_and_passes_the_base_what_it_takes()
    {
        var members = typeof(Rule).GetMembers(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var overridden = Override().Matches(Doc.Value).Select(m => m.Groups["name"].Value).ToArray();
        var baseCall = BaseCall().Match(Doc.Value);
        int baseParameters = typeof(Rule).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single().GetParameters().Length;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(overridden, Is.Not.Empty, "the page shows a rule's overrides");
            Assert.That(overridden.Where(name => !members.Contains(name)), Is.Empty);
            Assert.That(baseCall.Success, Is.True, "the page shows a rule's declaration");
            Assert.That(baseCall.Groups["args"].Value.Split(',').Length, Is.EqualTo(baseParameters));
        }
    }

    [Test]
    public void The_worked_parameter_is_a_parameter_of_a_state_declared_by_the_rule_the_page_names()
    {
        var parameter = ParameterCatalog.Find("media.sensitivity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameter?.Scope, Is.EqualTo(ParameterScope.State));
            Assert.That(new CitMediaRule().Parameters, Does.Contain(parameter));
            Assert.That(Doc.Value, Does.Contain("world.P.Of(Sensitivity, s)"));
            Assert.That(RepositoryFiles.Read("src/TrackSim.Core/Rules/CitMediaRule.cs"), Does.Contain("world.P.Of(Sensitivity, s)"));
        }
    }

    [GeneratedRegex(@"`(?<path>(?:src|tests|docs|scenarios|benchmarks|data)/[^`\s]*)`")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"class XyNameRule\(\) : Rule\((?<args>[^)]*)\)")]
    private static partial Regex BaseCall();

    [GeneratedRegex(@"public override [\w<>?]+ (?<name>\w+)")]
    private static partial Regex Override();
}

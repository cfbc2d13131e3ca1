using System.Text.RegularExpressions;
using TrackSim.Core.Engine;

namespace TrackSim.Tests.Architecture;

/// <summary>
/// Inside the core, dependencies run one way: Engine → Rules → world state (Model), and no rule
/// calls another rule. These read the source, as the compiler allows what the design forbids.
/// </summary>
public sealed partial class CoreLayerTests
{
    private static string[] SourcesIn(string folder) =>
        Directory.GetFiles(RepositoryFiles.PathOf($"src/TrackSim.Core/{folder}"), "*.cs");

    [TestCase("Model", "TrackSim.Core.Rules")]
    [TestCase("Model", "TrackSim.Core.Engine")]
    [TestCase("Rules", "TrackSim.Core.Engine")]
    [TestCase("Citizens", "TrackSim.Core.Rules")]
    [TestCase("Citizens", "TrackSim.Core.Engine")]
    public void A_layer_does_not_use_the_layers_above_it(string folder, string forbidden)
    {
        var offenders = SourcesIn(folder).Where(f => UsesNamespace(File.ReadAllText(f), forbidden)).Select(Path.GetFileName);

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_rule_calls_another_rule()
    {
        var problems = new List<string>();
        foreach (string file in SourcesIn("Rules"))
        {
            string own = Path.GetFileNameWithoutExtension(file);
            foreach (Match call in RuleMethodCall().Matches(File.ReadAllText(file)))
            {
                if (call.Groups["type"].Value != own)
                {
                    problems.Add($"{own} calls {call.Value.TrimEnd('(')}");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void The_checks_see_a_forbidden_using_and_a_call_to_another_rule()
    {
        // Guards the two checks above against passing because their patterns match nothing.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UsesNamespace("using TrackSim.Core.Engine;\n", "TrackSim.Core.Engine"), Is.True);
            Assert.That(UsesNamespace("var x = TrackSim.Core.Rules.EventRule.Id;", "TrackSim.Core.Rules"), Is.True);
            Assert.That(UsesNamespace("using TrackSim.Core.Model;\n", "TrackSim.Core.Engine"), Is.False);
            Assert.That(RuleMethodCall().IsMatch("StDialogueRule.Resume(world)"), Is.True);
            Assert.That(RuleMethodCall().IsMatch("world.On(StTrustRule.Switch)"), Is.False);
            Assert.That(ModelRules.Step, Has.Length.GreaterThan(10));
        }
    }

    private static bool UsesNamespace(string source, string name) => source.Contains(name, StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?<type>[A-Z]\w*Rule)\.(?<member>[A-Z]\w*)\(")]
    private static partial Regex RuleMethodCall();
}

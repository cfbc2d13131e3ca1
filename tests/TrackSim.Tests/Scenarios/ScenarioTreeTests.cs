using TrackSim.Scenarios.Loading;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Tests.Scenarios;

/// <summary><see cref="ScenarioTree"/>: a scenario text's tree with overrides applied as the loader applies them.</summary>
[TestFixture]
public sealed class ScenarioTreeTests
{
    [Test]
    public void Overrides_change_the_tree_and_its_text_loads_to_the_scenario_the_overrides_give()
    {
        string text = RepositoryFiles.Read("scenarios/teaching/co-optation.yaml");
        Override[] overrides = [new("citizens.per_state", "300"), new("parameters.posture.fear", "0.3"), new("title", "\"1999\"")];

        var (tree, errors) = ScenarioTree.WithOverrides(text, "co-optation.yaml", overrides);
        var written = ScenarioLoader.LoadText(YamlTreeWriter.Write(tree!), "co-optation.yaml").Scenario!;
        var expected = ScenarioLoader.LoadText(text, "co-optation.yaml", overrides).Scenario!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(((YamlScalar)((YamlMapping)tree!.Get("citizens")!).Get("per_state")!).Value, Is.EqualTo("300"));
            Assert.That(written.Citizens.PerState, Is.EqualTo(300).And.EqualTo(expected.Citizens.PerState));
            Assert.That(written.Parameters["posture.fear"], Is.EqualTo(0.3).And.EqualTo(expected.Parameters["posture.fear"]));
            Assert.That(written.Title, Is.EqualTo("1999"), "a quoted value stays text");
        }
    }

    [Test]
    public void An_override_that_names_no_value_is_reported_as_the_loader_reports_it()
    {
        string text = RepositoryFiles.Read("scenarios/teaching/co-optation.yaml");
        Override[] overrides = [new("citizens.per_state", "300"), new("events[9].severity", "0.5")];

        var (tree, errors) = ScenarioTree.WithOverrides(text, "co-optation.yaml", overrides);
        var loaded = ScenarioLoader.LoadText(text, "co-optation.yaml", overrides);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree, Is.Null);
            Assert.That(errors, Has.Length.EqualTo(1));
            Assert.That(errors, Is.EqualTo(loaded.Errors.Where(e => e.File == Override.DiagnosticFile).ToArray()));
            Assert.That(errors[0].Line, Is.EqualTo(2), "the second override");
        }
    }
}

using TrackSim.Reporting.Description;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Cli;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class ScenarioDescriptionTests
{
    [Test]
    public void Every_parameter_appears_with_value_default_range_unit_and_source()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/teaching/realist-vs-functionalist.yaml")).Scenario!;

        string markdown = ScenarioDescription.Markdown(scenario, "realist-vs-functionalist.yaml", "9.9.9", []);

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains('.', StringComparison.Ordinal)).ToList();
        foreach (var parameter in TrackSim.Core.Parameters.ParameterCatalog.All)
        {
            Assert.That(rows, Has.Some.StartsWith($"| `{parameter.Key}` |"), parameter.Key);
        }

        using (Assert.EnterMultipleScope())
        {
            // The functionalist lens sets posture.interdependence_restraint to 0.5 (default 0.3, range 0 to 5, 1/year per link strength).
            Assert.That(markdown, Does.Contain("| `posture.interdependence_restraint` | **0.5** | 0.3 | 0 to 5 | 1/year per link strength | lens functionalist |"));
            Assert.That(markdown, Does.Contain("| `posture.fear` | 0.3 | 0.3 | 0 to 5 | 1/year | default |"));
            Assert.That(markdown, Does.Contain("TrackSim 9.9.9"));
            Assert.That(markdown, Does.Contain("### Rules, in the order of a step"));
            Assert.That(markdown, Does.Contain("| ST-AUDIENCE | `audience_pressure` | on | domestic audience pressure on posture from a hostile public | Fearon, J. D. (1994)."));
            Assert.That(markdown, Does.Contain("| ST-TENSION | — | always on | — | TrackSim's own specification (no published source). |"));
            Assert.That(markdown, Does.Contain("## Events"));
            Assert.That(markdown, Does.Contain("## Ensemble"));
            Assert.That(markdown, Does.Contain("| `realist-lens` | The same history read through the realist lens. | lens realist |"));
        }
    }

    [Test]
    public void Events_are_listed_with_their_dates_and_sources()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/minimal.yaml")).Scenario!;

        string markdown = ScenarioDescription.Markdown(scenario, "minimal.yaml", "1.0.0", []);

        Assert.That(markdown, Does.Contain("| 2004-06-01 | crisis (`crisis`) | crisis (hostile) | 0.8 | AA, BB | suspends dialogue | Invented for illustration |"));
    }

    [Test]
    public void A_value_set_on_the_command_line_is_marked_as_an_override()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/minimal.yaml"), [new Override("parameters.posture.fear", "0.45")]).Scenario!;

        string markdown = ScenarioDescription.Markdown(scenario, "minimal.yaml", "1.0.0", ["parameters.posture.fear=0.45"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| `posture.fear` | **0.45** | 0.3 | 0 to 5 | 1/year | override (--set) |"));
            Assert.That(markdown, Does.Contain("- `--set parameters.posture.fear=0.45`"));
        }
    }
}

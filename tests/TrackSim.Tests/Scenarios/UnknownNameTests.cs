using TrackSim.Core.Parameters;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>
/// A name that is not a mechanism, a parameter or a metric is an error wherever such a name is
/// accepted, never silently ignored: in code, in a scenario, in a variant and in <c>--set</c>;
/// the error says where (line, column and YAML path) and suggests the name that was meant.
/// </summary>
public sealed class UnknownNameTests
{
    private const string Base = """
        calendar: { start: 2000-01, end: 2009-12 }
        states:
          - { id: AA }
          - { id: BB }
        """;

    [Test]
    public void Asking_whether_an_unknown_mechanism_is_on_throws()
    {
        var set = MechanismSet.AllOn;

        Assert.Multiple(() =>
        {
            Assert.That(() => set.IsOn("no_such"), Throws.ArgumentException.With.Message.Contains("Unknown mechanism 'no_such'").And.Message.Contains("media"));
            Assert.That(set.IsOn("media"), Is.True, "a known name answers");
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Switching_an_unknown_mechanism_throws(bool on)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => MechanismSet.AllOn.With("no_such", on), Throws.ArgumentException.With.Message.Contains("Unknown mechanism 'no_such'"));
            Assert.That(MechanismSet.AllOn.With("media", on).IsOn("media"), Is.EqualTo(on), "a known name switches");
        });
    }

    [Test]
    public void An_unknown_mechanism_in_a_scenario_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            mechanisms: { medai: false }
            """;
        Only(yaml, 5, 15, "mechanisms.medai", "unknown key 'medai'", "did you mean 'media'?");
    }

    [Test]
    public void An_unknown_mechanism_in_a_variant_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            variants:
              - name: quiet
                mechanisms: { medai: false }
            """;
        Only(yaml, 7, 19, "variants[0].mechanisms.medai", "unknown key 'medai'", "did you mean 'media'?");
    }

    [Test]
    public void An_unknown_mechanism_set_on_the_command_line_is_an_error_with_a_suggestion()
    {
        var result = ScenarioLoader.LoadText(Base, FileName, [new Override("mechanisms.medai", "false")]);

        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        var error = result.Errors[0];
        Assert.Multiple(() =>
        {
            Assert.That((error.File, error.Line, error.Column, error.Path), Is.EqualTo((Override.DiagnosticFile, 1, 1, "mechanisms.medai")));
            Assert.That(error.Message, Does.Contain("unknown key 'medai'").And.Contain("did you mean 'media'?").And.Contain("(from --set mechanisms.medai=false)"));
        });
    }

    [Test]
    public void A_known_mechanism_set_on_the_command_line_switches_it_off()
    {
        var result = ScenarioLoader.LoadText(Base, FileName, [new Override("mechanisms.media", "false")]);

        Assert.That(result.Errors, Is.Empty, () => Describe(result));
        Assert.That(result.Scenario!.Mechanisms.IsOn("media"), Is.False);
    }

    [Test]
    public void An_unknown_parameter_of_a_group_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            parameters: { media: { efect: 0.1 } }
            """;
        Only(yaml, 5, 24, "parameters.media.efect", "unknown key 'efect'", "did you mean 'effect'?");
    }

    [Test]
    public void An_unknown_parameter_group_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            parameters: { meida: { effect: 0.1 } }
            """;
        Only(yaml, 5, 15, "parameters.meida", "unknown key 'meida'", "did you mean 'media'?");
    }

    [Test]
    public void A_misspelt_parameters_key_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            parametres: { media: { effect: 0.1 } }
            """;
        Only(yaml, 5, 1, "parametres", "unknown key 'parametres'", "did you mean 'parameters'?");
    }

    [Test]
    public void An_unknown_parameter_in_a_variant_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            variants:
              - name: louder
                parameters: { media: { efect: 0.2 } }
            """;
        Only(yaml, 7, 28, "variants[0].parameters.media.efect", "unknown key 'efect'", "did you mean 'effect'?");
    }

    [Test]
    public void An_unknown_parameter_set_on_the_command_line_is_an_error_with_a_suggestion()
    {
        var result = ScenarioLoader.LoadText(Base, FileName, [new Override("parameters.meida.effect", "0.1")]);

        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        var error = result.Errors[0];
        Assert.Multiple(() =>
        {
            Assert.That((error.File, error.Line, error.Column, error.Path), Is.EqualTo((Override.DiagnosticFile, 1, 1, "parameters.meida")));
            Assert.That(error.Message, Does.Contain("unknown key 'meida'").And.Contain("did you mean 'media'?"));
        });
    }

    [Test]
    public void An_unknown_metric_to_chart_is_an_error_with_a_suggestion()
    {
        const string yaml = Base + """

            outputs: { charts: [tension, tensoin] }
            """;
        Only(yaml, 5, 30, "outputs.charts[1]", "found 'tensoin'", "did you mean 'tension'?");
    }

    [Test]
    public void Every_suggestion_names_something_that_exists()
    {
        // The suggestions above come from the catalogs, so each suggested name loads.
        var result = Load(Base + """

            mechanisms: { media: false }
            parameters: { media: { effect: 0.1 } }
            outputs: { charts: [tension] }
            """);

        Assert.That(result.Errors, Is.Empty, () => Describe(result));
    }
}

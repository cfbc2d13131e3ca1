using TrackSim.Core.Domain;

namespace TrackSim.Tests.Scenarios;

/// <summary>The working language of an initiative and whether each participant group speaks it: defaults, values and positioned errors.</summary>
public sealed class WorkingLanguageRuleTests
{
    private static string Scenario(string initiativeKeys = "", string groupKeys = "") => $$"""
        calendar: { start: 2000-01, end: 2001-12 }
        states: [ { id: AA }, { id: BB } ]
        initiatives:
          - id: forum
            start: 2000-01
        {{initiativeKeys}}
            participants:
              - { state: AA, role: academic{{groupKeys}} }
              - { state: BB, role: academic }
        """;

    [Test]
    public void By_default_the_meetings_are_in_English_and_everyone_speaks_it()
    {
        var initiative = LoadAssert.Valid(Scenario()).Initiatives[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(initiative.WorkingLanguage, Is.EqualTo("English"));
            Assert.That(initiative.Participants.Select(g => g.SpeaksWorkingLanguage), Has.All.True);
        }
    }

    [Test]
    public void A_scenario_sets_the_working_language_and_who_does_not_speak_it()
    {
        var initiative = LoadAssert.Valid(Scenario("    working_language: Urdu", ", speaks_working_language: false")).Initiatives[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(initiative.WorkingLanguage, Is.EqualTo("Urdu"));
            Assert.That(initiative.Participants.Select(g => g.SpeaksWorkingLanguage), Is.EqualTo((bool[])[false, true]));
        }
    }

    [Test]
    public void A_working_language_that_is_not_a_language_name_is_an_error_at_its_value()
    {
        // Line 6, column 23: the value after "    working_language: ".
        LoadAssert.Only(Scenario("    working_language: english"), 6, 23, "initiatives[0].working_language", "language name");
    }

    [Test]
    public void Speaks_working_language_that_is_not_true_or_false_is_an_error_at_its_value()
    {
        // Line 8, column 63: the value after "      - { state: AA, role: academic, speaks_working_language: ".
        var error = LoadAssert.Only(Scenario(groupKeys: ", speaks_working_language: maybe"), 8, 63, "initiatives[0].participants[0].speaks_working_language");

        Assert.That(error.Message, Does.Contain("true"));
    }
}

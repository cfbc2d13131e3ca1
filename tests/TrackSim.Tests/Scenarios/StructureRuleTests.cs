using NUnit.Framework;
using TrackSim.Core.Domain;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Rules of the format's shapes: keys, types, ranges, dates, durations, words and ids.</summary>
public sealed class StructureRuleTests
{
    [Test]
    public void Unknown_key_close_to_a_known_one_gets_a_suggestion()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            titel: Two states
            """;
        Only(yaml, 5, 1, "titel", "unknown key 'titel' in a scenario", "did you mean 'title'?");
    }

    [Test]
    public void Unknown_nested_key_gets_a_suggestion_with_its_path()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA, postur: 0.4 }
              - { id: BB }
            """;
        Only(yaml, 3, 15, "states[0].postur", "unknown key 'postur' in a state", "did you mean 'posture'?");
    }

    [Test]
    public void Unknown_key_far_from_every_known_one_lists_the_expected_keys()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            population: 12
            """;
        Only(yaml, 5, 1, "population", "unknown key 'population' in a scenario",
            "expected one of name, title, description, calendar, states, parties, dyads, citizens, third_parties, initiatives, events, agreements, parameters, lens, mechanisms, variants, ensemble, outputs");
    }

    [Test]
    public void Unknown_parameter_gets_a_suggestion()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            parameters:
              posture: { feer: 0.2 }
            """;
        Only(yaml, 6, 14, "parameters.posture.feer", "unknown key 'feer' in the posture parameters", "did you mean 'fear'?");
    }

    [Test]
    public void Text_where_a_number_is_expected_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                posture: high
              - id: BB
            """;
        Only(yaml, 4, 14, "states[0].posture", "expected a number in [0, 1000]", "found the value 'high'");
    }

    [Test]
    public void Quoted_number_is_reported_as_text()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - id: AA
                posture: "0.5"
              - id: BB
            """;
        Only(yaml, 4, 14, "states[0].posture", "expected a number in [0, 1000]", "found the quoted text \"0.5\"");
    }

    [Test]
    public void List_where_a_mapping_is_expected_is_reported_with_the_keys()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            citizens: [1, 2]
            """;
        Only(yaml, 5, 11, "citizens", "expected a mapping (the citizen layer) with keys per_state, initial_trust", "found a list");
    }

    [Test]
    public void Mapping_where_a_list_is_expected_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states: { id: AA }
            """;
        Only(yaml, 2, 9, "states", "expected a list of mappings", "found a mapping");
    }

    [TestCase("yes")]
    [TestCase("no")]
    [TestCase("on")]
    [TestCase("1")]
    public void Yaml_1_1_boolean_words_are_refused(string word)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            mechanisms:
              spillover: {{word}}
            """;
        Only(yaml, 6, 14, "mechanisms.spillover", "expected true or false", $"found the value '{word}'");
    }

    [Test]
    public void Quoted_boolean_is_refused()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            mechanisms:
              spillover: "false"
            """;
        Only(yaml, 6, 14, "mechanisms.spillover", "expected true or false", "found the quoted text \"false\"");
    }

    [TestCase("1.5", "out of range")]
    [TestCase("-0.1", "out of range")]
    [TestCase("1e3", "out of range")]
    [TestCase("1e400", "found the value '1e400'")]
    [TestCase(".nan", "found the value '.nan'")]
    public void Number_outside_its_range_is_reported_with_the_range(string value, string found)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states: [ { id: AA }, { id: BB } ]
            parameters: { posture: { hawkishness: {{value}} } }
            """;
        Only(yaml, 3, 39, "parameters.posture.hawkishness", "expected a number in [0, 1]", found);
    }

    [Test]
    public void Negative_posture_is_out_of_its_range()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA, posture: -1 }
              - { id: BB }
            """;
        Only(yaml, 3, 24, "states[0].posture", "expected a number in [0, 1000]", "found -1, which is out of range");
    }

    [Test]
    public void Fraction_where_a_whole_number_is_required_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            ensemble:
              replicates: 2.5
            """;
        Only(yaml, 6, 15, "ensemble.replicates", "expected a whole number in [1, 100000]", "found 2.5, which is not a whole number");
    }

    [Test]
    public void Whole_number_written_with_a_decimal_point_or_exponent_is_accepted()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            ensemble: { replicates: 2.0, seed: 1e3 }
            """;
        var scenario = Valid(yaml);
        Assert.That(scenario.Ensemble.Replicates, Is.EqualTo(2));
        Assert.That(scenario.Ensemble.Seed, Is.EqualTo(1000UL));
    }

    [Test]
    public void Missing_required_key_is_reported_at_its_mapping()
    {
        const string yaml = """
            calendar: { start: 2000-01 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 11, "calendar.end", "missing required key 'end'", "a date written YYYY-MM or YYYY-MM-DD");
    }

    [Test]
    public void Missing_required_section_is_reported_at_the_top()
    {
        const string yaml = """
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 1, "calendar", "missing required key 'calendar'", "a mapping (the calendar)");
    }

    [Test]
    public void Required_key_left_empty_is_reported()
    {
        const string yaml = """
            calendar: { start: , end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 20, "calendar.start", "expected a date written YYYY-MM or YYYY-MM-DD", "found nothing (null)");
    }

    [Test]
    public void Optional_key_left_empty_takes_its_default()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12, step: }
            states:
              - { id: AA, posture: ~ }
              - { id: BB }
            citizens:
            events:
            """;
        var scenario = Valid(yaml);
        Assert.That(scenario.Calendar.Unit, Is.EqualTo(StepUnit.Month));
        Assert.That(scenario.States[0].Posture, Is.EqualTo(0.2));
        Assert.That(scenario.Citizens.PerState, Is.EqualTo(2000));
    }

    [TestCase("2000-13", TestName = "Malformed_date_is_reported(month 13)")]
    [TestCase("2000-02-30", TestName = "Malformed_date_is_reported(30 February)")]
    [TestCase("2001-02-29", TestName = "Malformed_date_is_reported(29 February in a common year)")]
    [TestCase("2000-00", TestName = "Malformed_date_is_reported(month 0)")]
    [TestCase("0000-01", TestName = "Malformed_date_is_reported(year 0)")]
    [TestCase("2000/01", TestName = "Malformed_date_is_reported(slash)")]
    [TestCase("2000-1", TestName = "Malformed_date_is_reported(one-digit month)")]
    [TestCase("Jan 2000", TestName = "Malformed_date_is_reported(month name)")]
    public void Malformed_date_is_reported(string date)
    {
        string yaml = $$"""
            calendar: { start: {{date}}, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 20, "calendar.start", "expected a date written YYYY-MM or YYYY-MM-DD", $"found '{date}'");
    }

    [Test]
    public void Leap_day_is_a_valid_date()
    {
        const string yaml = """
            calendar: { start: 2000-02-29, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Assert.That(Valid(yaml).Calendar.Start, Is.EqualTo(new DateOnly(2000, 2, 29)));
    }

    [TestCase("6 fortnights")]
    [TestCase("six months")]
    [TestCase("0 months")]
    [TestCase("1001 days")]
    [TestCase("-1 year")]
    [TestCase("months")]
    public void Bad_duration_is_reported(string interval)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2001-01
                meeting_interval: {{interval}}
                participants:
                  - { state: AA, role: former_diplomat }
            """;
        Only(yaml, 8, 23, "initiatives[0].meeting_interval", "expected a duration such as '6 months'", "count 1 to 1000", $"found '{interval}'");
    }

    [TestCase("2 years", 24)]
    [TestCase("1 year", 12)]
    [TestCase("3month", 3)]
    public void Durations_in_years_become_months(string interval, int months)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2001-01
                meeting_interval: {{interval}}
                participants:
                  - { state: AA, role: former_diplomat }
            """;
        var interval0 = Valid(yaml).Initiatives[0].MeetingInterval;
        Assert.That(interval0, Is.EqualTo(new Duration(months, StepUnit.Month)));
    }

    [Test]
    public void Word_typo_gets_a_suggestion()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12, step: weak }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 49, "calendar.step", "expected one of day, week, month", "found 'weak'", "(did you mean 'week'?)");
    }

    [Test]
    public void Lens_typo_gets_a_suggestion()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            lens: realistic
            """;
        Only(yaml, 5, 7, "lens", "expected one of functionalist, realist, constructivist", "found 'realistic'", "did you mean 'realist'?");
    }

    [Test]
    public void Long_unknown_word_is_reported()
    {
        string yaml = "calendar: { start: 2000-01, end: 2009-12 }\nstates: [{ id: AA }, { id: BB }]\nlens: " + new string('r', 10_000) + "\n";
        Only(yaml, 3, 7, "lens", "expected one of functionalist, realist, constructivist");
    }

    [Test]
    public void Long_unknown_word_is_shortened_in_the_message()
    {
        string yaml = "calendar: { start: 2000-01, end: 2009-12 }\nstates: [{ id: AA }, { id: BB }]\nlens: " + new string('r', 10_000) + "\n";
        var error = Only(yaml, 3, 7, "lens", "expected one of functionalist, realist, constructivist");
        Assert.That(error.Message, Has.Length.LessThan(500));
    }

    [Test]
    public void Unknown_word_far_from_every_choice_gets_no_suggestion()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            outputs: { formats: [tiff] }
            """;
        var error = Only(yaml, 5, 22, "outputs.formats[0]", "expected one of png, svg, pdf", "found 'tiff'");
        Assert.That(error.Message, Does.Not.Contain("did you mean"));
    }

    [TestCase("Bb")]
    [TestCase("A")]
    [TestCase("1A")]
    [TestCase("in")]
    public void State_id_not_matching_the_pattern_is_reported(string id)
    {
        string yaml = $$"""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: {{id}} }
            """;
        Only(yaml, 4, 11, "states[1].id", "expected an id of 2 to 8 upper-case letters or digits, starting with a letter", $"found '{id}'");
    }

    [Test]
    public void State_id_longer_than_eight_characters_is_reported_with_its_length()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: ABCDEFGHI }
            """;
        Only(yaml, 4, 11, "states[1].id", "an id of 2 to 8 upper-case letters or digits", "at most 8 characters", "found 9 characters");
    }

    [Test]
    public void Event_id_not_matching_the_pattern_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: Kargil War, date: 2001-01, kind: war, actors: [AA, BB] }
            """;
        Only(yaml, 6, 11, "events[0].id", "expected an id of lower-case letters, digits, '-' and '_'", "found 'Kargil War'");
    }

    [Test]
    public void Chart_label_longer_than_24_characters_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: e1, label: A label far too long for a marker, date: 2001-01, kind: war, actors: [AA, BB] }
            """;
        Only(yaml, 6, 22, "events[0].label", "at most 24 characters", "found 33 characters");
    }

    [Test]
    public void Too_few_states_are_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
            """;
        Only(yaml, 3, 3, "states", "a scenario needs at least two actors (states or non-state parties); it has only 'AA'");
    }

    [Test]
    public void Dyad_of_three_states_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
              - { id: CC }
            dyads:
              - { states: [AA, BB, CC] }
            """;
        Only(yaml, 7, 15, "dyads[0].states", "expected exactly 2 items, found 3");
    }

    [Test]
    public void Bound_quoted_in_a_range_message_can_be_written_back()
    {
        const string tooMany = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            citizens: { per_state: 1000000000 }
            """;
        string message = Load(tooMany).Errors.Single().Message;
        string upper = message[(message.IndexOf(", ", StringComparison.Ordinal) + 2)..message.IndexOf(']', StringComparison.Ordinal)];
        Valid(tooMany.Replace("1000000000", upper, StringComparison.Ordinal));
    }
}

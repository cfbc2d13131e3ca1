using NUnit.Framework;
using TrackSim.Scenarios.Schema;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Dates must fall inside the run and spans must not end before they start.</summary>
public sealed class CalendarRuleTests
{
    [Test]
    public void Calendar_ending_before_it_starts_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-06, end: 2000-01 }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Only(yaml, 1, 34, "calendar.end", "the end 2000-01-31 is before the start 2000-06-01");
    }

    [Test]
    public void Calendar_of_one_day_is_allowed()
    {
        const string yaml = """
            calendar: { start: 2000-01-01, end: 2000-01-01, step: day }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Assert.That(Valid(yaml).Calendar.StepCount, Is.EqualTo(1));
    }

    [Test]
    public void Event_before_the_calendar_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: early, date: 1999-06, kind: crisis, actors: [AA] }
            """;
        Only(yaml, 6, 24, "events[0].date", "1999-06-01 is outside the calendar (2000-01-01 to 2009-12-31)");
    }

    [Test]
    public void Event_ending_after_the_calendar_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: long, date: 2009-06, end: 2010-02, kind: crisis, actors: [AA] }
            """;
        Only(yaml, 6, 37, "events[0].end", "2010-02-28 is outside the calendar (2000-01-01 to 2009-12-31)");
    }

    [Test]
    public void Event_ending_in_the_last_month_of_the_run_is_inside_it()
    {
        // A month alone as an end date means its last day, which is the run's last day here.
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: long, date: 2009-06, end: 2009-12, kind: crisis, actors: [AA] }
            """;
        Assert.That(Valid(yaml).Events[0].End, Is.EqualTo(new DateOnly(2009, 12, 31)));
    }

    [Test]
    public void Event_ending_before_it_starts_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:
              - { id: odd, date: 2005-06, end: 2005-03, kind: crisis, actors: [AA] }
            """;
        Only(yaml, 6, 36, "events[0].end", "the end 2005-03-31 is before the date 2005-06-01");
    }

    [Test]
    public void Initiative_ending_before_it_starts_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2005-01
                end: 2004-12
                participants:
                  - { state: AA, role: former_diplomat }
            """;
        Only(yaml, 8, 10, "initiatives[0].end", "the end 2004-12-31 is before the start 2005-01-01");
    }

    [Test]
    public void Initiative_starting_after_the_run_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            initiatives:
              - id: dialogue
                start: 2011-01
                participants:
                  - { state: AA, role: former_diplomat }
            """;
        Only(yaml, 7, 12, "initiatives[0].start", "the start 2011-01-01 is after the end of the run (2009-12-31)");
    }

    [Test]
    public void Event_a_variant_adds_outside_the_calendar_is_reported()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            variants:
              - name: later
                add_events:
                  - { id: late, date: 2012-01, kind: crisis, actors: [AA, BB] }
            """;
        Only(yaml, 8, 27, "variants[0].add_events[0].date", "2012-01-01 is outside the calendar");
    }

    [Test]
    public void Daily_calendar_over_three_centuries_has_too_many_steps()
    {
        const string yaml = """
            calendar: { start: 1700-01, end: 2000-12, step: day }
            states:
              - { id: AA }
              - { id: BB }
            """;

        // 1700-01-01 to 2000-12-31 is 109,938 days.
        Only(yaml, 1, 11, "calendar", "the calendar has 109,938 steps", $"at most {ScenarioSchema.MaxSteps:N0} are allowed", "use a longer step");
    }

    [Test]
    public void Monthly_calendar_over_three_centuries_is_allowed()
    {
        const string yaml = """
            calendar: { start: 1700-01, end: 2000-12, step: month }
            states:
              - { id: AA }
              - { id: BB }
            """;
        Assert.That(Valid(yaml).Calendar.StepCount, Is.EqualTo(301 * 12));
    }
}

using NUnit.Framework;
using TrackSim.Scenarios;
using TrackSim.Scenarios.Loading;
using static TrackSim.Tests.Scenarios.LoadAssert;

// CA1861: expected lists read best inline, next to the YAML they come from; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Scenarios;

/// <summary>How problems reach the author: all at once, in file order, in the compiler's form.</summary>
public sealed class DiagnosticReportTests
{
    [Test]
    public void Every_mistake_is_reported_at_once_in_file_order()
    {
        // Five independent mistakes, found by different passes (the dangling actor on line 2 only
        // after the states are known), must all come back, sorted by line.
        const string yaml = """
            events:
              - { id: e1, date: 2001-01, kind: crisis, actors: [AA, CC] }
            calendar: { start: 2000-01, end: 2009-12, step: weak }
            states:
              - { id: AA, posture: 2000 }
              - { id: BB, colour: red }
            ensemble: { replicates: 0 }
            """;
        var result = Load(yaml);
        Assert.That(result.Scenario, Is.Null);
        Assert.That(
            result.Errors.Select(d => (d.Line, d.Column, d.Path)),
            Is.EqualTo(new[]
            {
                (2, 57, "events[0].actors[1]"),
                (3, 49, "calendar.step"),
                (5, 24, "states[0].posture"),
                (6, 15, "states[1].colour"),
                (7, 25, "ensemble.replicates"),
            }),
            () => Describe(result));
    }

    [Test]
    public void Diagnostics_on_one_line_are_ordered_by_column()
    {
        const string yaml = """
            calendar: { start: 2000-13, end: 2000-02-30, step: weak }
            states:
              - { id: AA }
              - { id: BB }
            """;
        var result = Load(yaml);
        Assert.That(result.Errors.Select(d => d.Column), Is.EqualTo(new[] { 20, 34, 52 }), () => Describe(result));
    }

    [Test]
    public void Diagnostic_prints_as_file_line_column_path_and_message()
    {
        const string yaml = """
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { name: Atlantis }
              - { id: BB }
            """;
        var error = Only(yaml, 3, 5, "states[0].id", "missing required key 'id'");
        Assert.That(
            error.ToString(),
            Is.EqualTo("test.yaml:3:5: error: states[0].id: missing required key 'id' (an id of 2 to 8 upper-case letters or digits, starting with a letter (such as IN or FARC))"));
    }

    [Test]
    public void Diagnostic_without_a_path_prints_without_one()
    {
        var error = Only(string.Empty, 1, 1, string.Empty, "no YAML document");
        Assert.That(error.ToString(), Does.StartWith("test.yaml:1:1: error: the file holds no YAML document"));
    }

    [Test]
    public void Diagnostic_carries_the_file_name_it_was_given()
    {
        var result = ScenarioLoader.LoadText("name: [", "scenarios/broken.yaml");
        Assert.That(result.Errors, Is.Not.Empty);
        Assert.That(result.Errors.Select(d => d.File), Is.All.EqualTo("scenarios/broken.yaml"));
        Assert.That(result.Errors[0].ToString(), Does.StartWith("scenarios/broken.yaml:"));
    }

    [Test]
    public void Diagnostic_is_a_value()
    {
        var first = new Diagnostic("a.yaml", 1, 2, "x", "m");
        Assert.That(first, Is.EqualTo(new Diagnostic("a.yaml", 1, 2, "x", "m")));
    }
}

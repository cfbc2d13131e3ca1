using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using static TrackSim.Tests.Scenarios.LoadAssert;

namespace TrackSim.Tests.Scenarios;

/// <summary>Mistakes the YAML scanner reports vaguely are reported where they are and for what they are.</summary>
public sealed class ReaderMessageTests
{
    [TestCase("name: minimal\ncalendar:\n\tstart: 2000-01\n", 3, 1, TestName = "A tab indenting a key is reported at the tab")]
    [TestCase("name: minimal\n\n\nstates:\n\t- { id: AA }\n", 5, 1, TestName = "A tab indenting a list item is reported at the tab")]
    [TestCase("name: minimal\ncalendar:\n  start: 2000-01\n \tend: 2009-12\n", 4, 2, TestName = "A tab after spaces is reported at the tab")]
    [TestCase("name: minimal\n\ttitle: Two states\n", 2, 1, TestName = "A tab indenting a top-level key is reported at the tab")]
    public void Tab_indentation_is_reported_at_the_tab(string yaml, int line, int column)
    {
        var result = Load(yaml);

        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        var error = result.Errors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((line, column)), error.ToString());
            Assert.That(error.Message, Does.Contain("tab"));
        }
    }

    [TestCase(1_100)]
    [TestCase(1_000_000)]
    public void A_key_too_long_is_named_as_such_at_its_place(int length)
    {
        string yaml = "name: minimal\ncalendar:\n  start: 2000-01\n  " + new string('k', length) + ": 1\n";
        var clock = Stopwatch.StartNew();

        var result = Load(yaml);

        Assert.That(result.Errors, Has.Length.EqualTo(1), () => Describe(result));
        var error = result.Errors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((4, 3)), error.ToString());
            Assert.That(error.Message, Does.Contain("key is too long").And.Contain($"{length:N0} characters").And.Contain("at most 1,024"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "read in linear time");
        }
    }

    [Test]
    public void A_key_too_long_in_a_list_item_is_reported_at_the_key()
    {
        string yaml = "name: minimal\nstates:\n  - " + new string('k', 2_000) + ": 1\n";

        Only(yaml, 3, 5, "states[0]", "key is too long", "2,000 characters");
    }

    [Test]
    public void Too_many_items_says_how_many_are_allowed()
    {
        var yaml = new StringBuilder("""
            calendar: { start: 2000-01, end: 2009-12 }
            states:
              - { id: AA }
              - { id: BB }
            events:

            """);
        for (int i = 0; i < 10_001; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ id: e{i}, date: 2004-06, kind: crisis, severity: 0.5, actors: [AA, BB], source: x }}\n");
        }

        var result = Load(yaml.ToString());

        var error = HasError(result, 6, 3, "events", "expected at most 10,000 items, found 10,001");
        Assert.That(error.Message, Does.Not.Contain("at least"));
    }
}

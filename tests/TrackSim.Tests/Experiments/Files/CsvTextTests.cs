using System.Globalization;
using TrackSim.Experiments.Files;

namespace TrackSim.Tests.Experiments.Files;

[TestFixture]
public sealed class CsvTextTests
{
    private static readonly string[] AwkwardFields = ["a, b", "say \"hi\"", "two\nlines", "x"];

    [TestCase(0.1)]
    [TestCase(1.0 / 3.0)]
    [TestCase(2.0 / 3.0)]
    [TestCase(1e-300)]
    [TestCase(-123456.78901234567)]
    [TestCase(double.MaxValue)]
    [TestCase(0.30000000000000004)]
    public void Number_reads_back_to_the_same_double(double value)
    {
        string text = CsvText.Number(value);

        Assert.That(double.Parse(text, CultureInfo.InvariantCulture), Is.EqualTo(value));
    }

    [Test]
    public void Numbers_use_a_point_and_no_group_separator_in_every_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // Invariant globalization may only offer the invariant culture; the writer must not depend on it either way.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.That(CsvText.Number(1234567.5), Is.EqualTo("1234567.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Dates_are_iso_8601()
    {
        Assert.That(CsvText.Date(new DateOnly(1999, 5, 3)), Is.EqualTo("1999-05-03"));
    }

    [TestCase("plain", "plain")]
    [TestCase("a, b", "\"a, b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\nlines", "\"two\nlines\"")]
    [TestCase(" padded", "\" padded\"")]
    public void Fields_are_quoted_only_when_needed(string field, string written)
    {
        Assert.That(CsvText.Field(field), Is.EqualTo(written));
    }

    [Test]
    public void Records_read_quoted_fields_back()
    {
        string line = string.Join(',', AwkwardFields.Select(CsvText.Field)) + "\n";

        var records = CsvText.Records(new StringReader("h1,h2,h3,h4\n" + line)).ToList();

        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[1], Is.EqualTo(AwkwardFields));
    }
}

using System.Globalization;
using TrackSim.Experiments.Files;

namespace TrackSim.Tests.Validation;

/// <summary>
/// The observed India-Pakistan series in <c>data/</c> that the validation compares the model with:
/// <c>india-pakistan-dialogue.csv</c> (the dated states of the official dialogue) and
/// <c>india-pakistan-trade.csv</c> (bilateral trade by fiscal year) and
/// <c>india-pakistan-leader-meetings.csv</c> (dated meetings of the leaders). Each parses with the header
/// data/README.md documents, has valid and ordered dates, a source on every row and values in
/// range; the dialogue periods tile January 1984 to December 2021 and, like the meetings, agree
/// with the events and agreements files on the dates they share. The checks that could silently pass (tiling, fiscal
/// years, totals) are small functions tried on bad input first.
/// </summary>
public sealed class ObservedDataTests
{
    private const string DialogueFile = "data/india-pakistan-dialogue.csv";
    private const string TradeFile = "data/india-pakistan-trade.csv";
    private const string MeetingsFile = "data/india-pakistan-leader-meetings.csv";

    private static readonly string[] DialogueHeader = ["from", "to", "state", "process", "event_from", "event_date", "source", "note"];
    private static readonly string[] TradeHeader = ["fiscal_year", "reporter", "fiscal_year_runs", "flow", "value", "unit", "source", "note"];
    private static readonly string[] MeetingsHeader = ["date", "place", "india_leader", "pakistan_leader", "kind", "source", "note"];

    /// <summary>The first and last months of the scenario's span, which the dialogue periods must cover.</summary>
    private static readonly DateOnly SpanStart = new(1984, 1, 1);
    private static readonly DateOnly SpanEnd = new(2021, 12, 1);

    /// <summary>
    /// Two figures each rounded to the nearest US$ 0.1 billion can be off by 50 million each, so a
    /// reported total may differ from its reported parts by up to 100 million.
    /// </summary>
    private const double TotalTolerance = 100;

    /// <summary>
    /// No official annual figure of India-Pakistan trade in the sources comes near US$ 3 billion; a
    /// value above 10 billion (or above 100 billion rupees) is a slip of units, not an observation.
    /// </summary>
    private const double MaxUsdMillion = 10_000;

    private const double MaxInrMillion = 100_000;

    // ---- the dialogue ----

    [Test]
    public void Dialogue_file_has_the_documented_header_and_every_row_its_fields_and_a_source()
    {
        var (header, rows) = Read(DialogueFile);

        Assert.That(header, Is.EqualTo(DialogueHeader));
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(15), "the documented span has at least seven suspensions and eight openings");
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                Assert.That(row, Has.Length.EqualTo(DialogueHeader.Length));
                Assert.That(row[2], Is.AnyOf("open", "suspended"), $"state of {row[0]}");
                Assert.That(row[2] == "suspended", Is.EqualTo(row[3] == "none"), $"{row[0]}: a suspended period has process 'none' and an open one names its process");
                Assert.That(row[4], Is.Not.Empty, $"{row[0]}: no event");
                Assert.That(row[6], Is.Not.Empty, $"{row[0]}: no source");
            }
        }
    }

    [Test]
    public void Tiling_problems_are_found()
    {
        var start = new DateOnly(2000, 1, 1);
        var end = new DateOnly(2000, 12, 1);

        Assert.That(TilingProblems([(start, new DateOnly(2000, 6, 1)), (new DateOnly(2000, 7, 1), end)], start, end), Is.Empty);
        Assert.That(string.Join(" | ", TilingProblems([(start, new DateOnly(2000, 5, 1)), (new DateOnly(2000, 7, 1), end)], start, end)), Is.EqualTo("gap or overlap between 2000-05 and 2000-07"));
        Assert.That(string.Join(" | ", TilingProblems([(start, new DateOnly(2000, 7, 1)), (new DateOnly(2000, 7, 1), end)], start, end)), Is.EqualTo("gap or overlap between 2000-07 and 2000-07"));
        Assert.That(string.Join(" | ", TilingProblems([(new DateOnly(2000, 2, 1), end)], start, end)), Is.EqualTo("starts 2000-02, not 2000-01"));
        Assert.That(string.Join(" | ", TilingProblems([(start, new DateOnly(2000, 11, 1))], start, end)), Is.EqualTo("ends 2000-11, not 2000-12"));
        Assert.That(TilingProblems([(start, end), (new DateOnly(2001, 3, 1), new DateOnly(2001, 1, 1))], start, end),
            Does.Contain("2001-03 to 2001-01: ends before it starts"));
        Assert.That(string.Join(" | ", TilingProblems([], start, end)), Is.EqualTo("no period"));
    }

    [Test]
    public void Dialogue_periods_tile_january_1984_to_december_2021_without_gaps_or_overlaps()
    {
        var periods = Dialogue();

        Assert.That(TilingProblems(periods.Select(p => (p.From, p.To)).ToList(), SpanStart, SpanEnd), Is.Empty);
        Assert.That(periods.Zip(periods.Skip(1)).Where(pair => pair.First.State == pair.Second.State && pair.First.Process == pair.Second.Process && pair.First.State == "open")
            .Select(pair => pair.Second.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)), Is.Empty, "two open periods of the same process in a row should be one period");
    }

    [Test]
    public void Every_dialogue_period_starts_in_the_month_of_its_event_or_the_month_after()
    {
        var periods = Dialogue();

        Assert.That(periods[0].EventDate, Is.Null, "the first period opens the span and follows no event");
        var problems = new List<string>();
        foreach (var period in periods.Skip(1))
        {
            if (period.EventDate is not { } date)
            {
                problems.Add($"{period.From:yyyy-MM}: no event date");
                continue;
            }

            int lag = Months(Month(date), period.From);
            if (lag is < 0 or > 1)
            {
                problems.Add($"{period.From:yyyy-MM}: its event is dated {date:yyyy-MM-dd}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [TestCase("Kargil conflict", "suspended")]
    [TestCase("Attack on the Indian Parliament", "suspended")]
    [TestCase("Mumbai attacks", "suspended")]
    [TestCase("Attack on the Pathankot airbase", "suspended")]
    [TestCase("First rounds of the Composite Dialogue", "open")]
    [TestCase("Foreign secretaries agree at Thimphu to resume dialogue", "open")]
    [TestCase("Comprehensive Bilateral Dialogue announced", "open")]
    public void A_dialogue_period_begins_in_the_month_of_the_event_that_changed_it(string eventText, string state)
    {
        var month = Month(EventDate(eventText));

        var period = Dialogue().SingleOrDefault(p => p.From == month);
        Assert.That(period, Is.Not.Null, $"no period begins in {month:yyyy-MM}, the month of '{eventText}'");
        Assert.That(period!.State, Is.EqualTo(state));
    }

    [TestCase("Vajpayee's bus journey to Lahore", "open")]
    [TestCase("Composite dialogue resumed after a pause", "open")]
    [TestCase("Joint statement in Islamabad at the SAARC summit", "suspended")]
    [TestCase("Agra summit between Vajpayee and Musharraf", "suspended")]
    [TestCase("Uri attack", "suspended")]
    [TestCase("Pulwama attack", "suspended")]
    public void The_dialogue_is_in_the_expected_state_in_the_month_of_an_event(string eventText, string state)
    {
        var month = Month(EventDate(eventText));

        Assert.That(StateIn(Dialogue(), month), Is.EqualTo(state), $"{eventText} ({month:yyyy-MM})");
    }

    [Test]
    public void Every_date_of_the_composite_dialogue_framework_falls_in_an_open_period()
    {
        var periods = Dialogue();
        var dates = Read("data/india-pakistan-agreements.csv").Rows.Where(r => r[1] == "composite-dialogue").Select(r => ParseDate(r[0])).ToList();

        Assert.That(dates, Has.Count.EqualTo(4));
        Assert.That(dates.Where(d => StateIn(periods, Month(d)) != "open").Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Is.Empty);
    }

    // ---- trade ----

    [Test]
    public void Trade_file_has_the_documented_header_and_valid_rows_with_sources()
    {
        var (header, rows) = Read(TradeFile);

        Assert.That(header, Is.EqualTo(TradeHeader));
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(40));
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                string where = $"{row[0]} {row[1]} {row[3]}";
                Assert.That(row, Has.Length.EqualTo(TradeHeader.Length));
                Assert.That(FiscalYearStart(row[0]), Is.InRange(1984, 2021), $"{where}: fiscal year");
                Assert.That((row[1], row[2]), Is.AnyOf(("India", "April-March"), ("Pakistan", "July-June")), $"{where}: reporter and its fiscal year");
                Assert.That(row[3], Is.AnyOf("exports", "imports", "total"), $"{where}: flow");
                Assert.That(row[5], Is.AnyOf("US$ million", "INR million"), $"{where}: unit");
                double value = double.Parse(row[4], NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.That(value, Is.GreaterThan(0).And.LessThanOrEqualTo(row[5] == "US$ million" ? MaxUsdMillion : MaxInrMillion), $"{where}: value");
                Assert.That(row[6], Is.Not.Empty, $"{where}: no source");
            }
        }
    }

    [Test]
    public void Fiscal_years_are_read_only_when_well_formed()
    {
        Assert.That(FiscalYearStart("1999-00"), Is.EqualTo(1999));
        Assert.That(FiscalYearStart("2012-13"), Is.EqualTo(2012));
        Assert.That(FiscalYearStart("2012-14"), Is.EqualTo(-1));
        Assert.That(FiscalYearStart("2012-2013"), Is.EqualTo(-1));
        Assert.That(FiscalYearStart("2012"), Is.EqualTo(-1));
    }

    [Test]
    public void Trade_rows_are_ordered_by_fiscal_year_and_no_figure_is_given_twice()
    {
        var rows = Read(TradeFile).Rows;
        var starts = rows.Select(r => FiscalYearStart(r[0])).ToList();

        Assert.That(starts, Is.Ordered);
        Assert.That(rows.Select(r => (r[0], r[1], r[3], r[5])), Is.Unique);
    }

    [Test]
    public void A_total_that_does_not_match_its_parts_is_found()
    {
        Assert.That(TotalProblems([("2012-13", "India", "exports", 1840), ("2012-13", "India", "imports", 513), ("2012-13", "India", "total", 2400)]), Is.Empty);
        Assert.That(string.Join(" | ", TotalProblems([("2012-13", "India", "exports", 1840), ("2012-13", "India", "imports", 513), ("2012-13", "India", "total", 3400)])), Is.EqualTo("2012-13 India: total 3400, exports and imports 2353"));
        Assert.That(TotalProblems([("2012-13", "India", "exports", 1840), ("2012-13", "India", "total", 3400)]), Is.Empty, "a total without both parts is not checked");
    }

    [Test]
    public void Every_reported_total_matches_its_reported_exports_and_imports_within_rounding()
    {
        var rows = Read(TradeFile).Rows.Where(r => r[5] == "US$ million")
            .Select(r => (r[0], r[1], r[3], double.Parse(r[4], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToList();

        Assert.That(rows.Count(r => r.Item3 == "total"), Is.GreaterThanOrEqualTo(5));
        Assert.That(TotalProblems(rows), Is.Empty);
    }

    // ---- leaders' meetings ----

    [Test]
    public void Meetings_file_has_the_documented_header_and_dated_ordered_rows_with_sources()
    {
        var (header, rows) = Read(MeetingsFile);

        Assert.That(header, Is.EqualTo(MeetingsHeader));
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(20));
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                Assert.That(row, Has.Length.EqualTo(MeetingsHeader.Length));
                Assert.That(Month(ParseDate(row[0])), Is.InRange(SpanStart, SpanEnd), $"{row[0]}: outside the span");
                Assert.That(row[4], Is.AnyOf("bilateral_visit", "margins", "informal"), $"{row[0]}: kind");
                Assert.That(row[2], Is.Not.Empty, $"{row[0]}: no Indian leader");
                Assert.That(row[3], Is.Not.Empty, $"{row[0]}: no Pakistani leader");
                Assert.That(row[5], Is.Not.Empty, $"{row[0]}: no source");
            }
        }

        Assert.That(rows.Select(r => ParseDate(r[0])).ToList(), Is.Ordered);
    }

    [TestCase("Vajpayee's bus journey to Lahore")]
    [TestCase("Agra summit between Vajpayee and Musharraf")]
    [TestCase("Zia's \"cricket diplomacy\" visit")]
    public void A_meeting_in_the_events_file_has_the_same_date_in_the_meetings_file(string eventText)
    {
        var date = EventDate(eventText);

        Assert.That(Read(MeetingsFile).Rows.Select(r => ParseDate(r[0])), Does.Contain(date), $"{eventText} ({date:yyyy-MM-dd})");
    }

    [TestCase("2006-09")]
    [TestCase("2010-04")]
    public void A_leaders_meeting_that_reopened_the_dialogue_is_dated_as_the_dialogue_period_it_opened(string from)
    {
        var period = Dialogue().Single(p => p.From == ParseMonth(from));
        var meetings = Read(MeetingsFile).Rows.Select(r => ParseDate(r[0])).ToList();

        Assert.That(period.State, Is.EqualTo("open"));
        Assert.That(meetings, Does.Contain(period.EventDate), $"no meeting dated {period.EventDate:yyyy-MM-dd}, the event that opened {from}");
    }

    // ---- the checks ----

    /// <summary>
    /// Why periods (months, both ends included, in file order) do not tile the span from
    /// <paramref name="start"/> to <paramref name="end"/>: a period that ends before it starts, a gap
    /// or overlap between neighbours, or a wrong first or last month.
    /// </summary>
    internal static IReadOnlyList<string> TilingProblems(IReadOnlyList<(DateOnly From, DateOnly To)> periods, DateOnly start, DateOnly end)
    {
        if (periods.Count == 0)
        {
            return ["no period"];
        }

        var problems = new List<string>();
        if (periods[0].From != start)
        {
            problems.Add($"starts {periods[0].From:yyyy-MM}, not {start:yyyy-MM}");
        }

        foreach (var (from, to) in periods.Where(p => p.To < p.From))
        {
            problems.Add($"{from:yyyy-MM} to {to:yyyy-MM}: ends before it starts");
        }

        for (int i = 1; i < periods.Count; i++)
        {
            if (Months(periods[i - 1].To, periods[i].From) != 1)
            {
                problems.Add($"gap or overlap between {periods[i - 1].To:yyyy-MM} and {periods[i].From:yyyy-MM}");
            }
        }

        if (periods[^1].To != end)
        {
            problems.Add($"ends {periods[^1].To:yyyy-MM}, not {end:yyyy-MM}");
        }

        return problems;
    }

    /// <summary>Each (fiscal year, reporter) whose US$ total differs from its exports plus imports by more than rounding allows.</summary>
    internal static IReadOnlyList<string> TotalProblems(IReadOnlyList<(string Year, string Reporter, string Flow, double Value)> rows)
    {
        var problems = new List<string>();
        foreach (var group in rows.GroupBy(r => (r.Year, r.Reporter)))
        {
            var byFlow = group.ToDictionary(r => r.Flow, r => r.Value);
            if (byFlow.TryGetValue("total", out double total) && byFlow.TryGetValue("exports", out double exports) && byFlow.TryGetValue("imports", out double imports)
                && Math.Abs(total - (exports + imports)) > TotalTolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Key.Year} {group.Key.Reporter}: total {total}, exports and imports {exports + imports}"));
            }
        }

        return problems;
    }

    /// <summary>The first calendar year of a fiscal year written <c>YYYY-YY</c> (the second part the next year's last two digits), or -1.</summary>
    internal static int FiscalYearStart(string text)
    {
        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int second))
        {
            return -1;
        }

        return (first + 1) % 100 == second ? first : -1;
    }

    // ---- reading ----

    /// <summary>One dialogue period: its first and last months (as their first days), state, process and event date.</summary>
    private sealed record Period(DateOnly From, DateOnly To, string State, string Process, DateOnly? EventDate);

    private static List<Period> Dialogue() =>
        [.. Read(DialogueFile).Rows.Select(r => new Period(ParseMonth(r[0]), ParseMonth(r[1]), r[2], r[3], r[5].Length == 0 ? null : ParseDate(r[5])))];

    /// <summary>The state of the period that holds a month, or "none" when no period does.</summary>
    private static string StateIn(IEnumerable<Period> periods, DateOnly month) =>
        periods.SingleOrDefault(p => p.From <= month && month <= p.To)?.State ?? "none";

    /// <summary>The date of the one row of data/india-pakistan-events.csv whose event begins with the text.</summary>
    private static DateOnly EventDate(string eventText)
    {
        var matches = Read("data/india-pakistan-events.csv").Rows.Where(r => r[3].StartsWith(eventText, StringComparison.Ordinal)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"events matching '{eventText}'");
        return ParseDate(matches[0][0]);
    }

    private static (string[] Header, List<string[]> Rows) Read(string relative)
    {
        using var reader = new StringReader(RepositoryFiles.Read(relative));
        var records = CsvText.Records(reader).ToList();
        return (records[0], records.Skip(1).ToList());
    }

    /// <summary>A date of the precision the data files use: <c>YYYY-MM-DD</c> or <c>YYYY-MM</c> (the first of the month).</summary>
    private static DateOnly ParseDate(string text) =>
        text.Length == 7 ? ParseMonth(text) : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseMonth(string text) => DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Month(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Whole months from the month of <paramref name="from"/> to the month of <paramref name="to"/>.</summary>
    private static int Months(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}

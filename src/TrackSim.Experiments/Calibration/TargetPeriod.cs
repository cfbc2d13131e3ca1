using System.Globalization;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// A span of days, both ends included, written in a targets file as <c>YYYY</c> (a year),
/// <c>YYYY-MM</c> (a month), <c>YYYY-MM-DD</c> (a day) or <c>A..B</c> of two of those (from the
/// first day of A to the last day of B).
/// </summary>
/// <param name="First">The first day.</param>
/// <param name="Last">The last day (not before <paramref name="First"/>).</param>
public sealed record TargetPeriod(DateOnly First, DateOnly Last)
{
    /// <summary>Whether <paramref name="day"/> is inside the period.</summary>
    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Parses a period; null with <paramref name="error"/> saying why when the text is not one.</summary>
    public static TargetPeriod? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        string[] ends = text.Split("..");
        if (ends.Length > 2)
        {
            error = $"'{text}' is not a period (YYYY, YYYY-MM, YYYY-MM-DD or A..B)";
            return null;
        }

        if (ParseEnd(ends[0].Trim()) is not { } first || ParseEnd(ends[^1].Trim()) is not { } last)
        {
            error = $"'{text}' is not a period (YYYY, YYYY-MM, YYYY-MM-DD or A..B)";
            return null;
        }

        if (last.Last < first.First)
        {
            error = $"the period '{text}' ends before it starts";
            return null;
        }

        return new TargetPeriod(first.First, last.Last);
    }

    /// <summary>Parses a date written <c>YYYY-MM-DD</c> or <c>YYYY-MM</c> (its first day).</summary>
    public static DateOnly? ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
    }

    /// <inheritdoc />
    public override string ToString() =>
        First == Last ? Day(First) : $"{Day(First)}..{Day(Last)}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TargetPeriod? ParseEnd(string text)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1)
        {
            return new TargetPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new TargetPeriod(day, day);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new TargetPeriod(month, month.AddMonths(1).AddDays(-1));
        }

        return null;
    }
}

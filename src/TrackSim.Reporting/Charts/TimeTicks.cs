using System.Globalization;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Date ticks for the x axis: years for runs of three years or more (every 1, 2, 5, 10... years,
/// whichever is the densest whose labels fit), months for shorter runs, days for the shortest.
/// </summary>
internal static class TimeTicks
{
    private static readonly int[] YearSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
    private static readonly int[] MonthSteps = [1, 2, 3, 6];
    private static readonly int[] DaySteps = [1, 2, 7, 14];

    /// <summary>
    /// Major ticks with labels and minor ticks between <paramref name="first"/> and <paramref name="last"/>,
    /// for an axis <paramref name="length"/> long on which a label <c>s</c> takes <paramref name="measure"/>(s) plus <paramref name="gap"/>.
    /// </summary>
    public static (IReadOnlyList<(DateOnly Date, string Label)> Major, IReadOnlyList<DateOnly> Minor) For(
        DateOnly first, DateOnly last, double length, Func<string, double> measure, double gap)
    {
        ArgumentNullException.ThrowIfNull(measure);
        double years = (last.DayNumber - first.DayNumber) / 365.2425;
        if (years >= 3)
        {
            foreach (int step in YearSteps)
            {
                var major = Years(first, last, step).Select(d => (d, d.Year.ToString(CultureInfo.InvariantCulture))).ToList();
                if (Fits(major, length, measure, gap))
                {
                    int minorStep = step switch { 1 => 0, <= 10 => 1, <= 50 => 5, _ => 10 };
                    var minor = minorStep == 0 ? [] : Years(first, last, minorStep).Where(d => d.Year % step != 0).ToList();
                    return (major, minor);
                }
            }

            return (Years(first, last, YearSteps[^1]).Select(d => (d, d.Year.ToString(CultureInfo.InvariantCulture))).ToList(), []);
        }

        if (years >= 0.25)
        {
            foreach (int step in MonthSteps)
            {
                var major = Months(first, last, step).Select(d => (d, d.ToString("MMM yyyy", CultureInfo.InvariantCulture))).ToList();
                if (Fits(major, length, measure, gap))
                {
                    return (major, step == 1 ? [] : Months(first, last, 1).Where(d => (d.Month - 1) % step != 0).ToList());
                }
            }

            var yearly = Years(first, last, 1).Select(d => (d, d.Year.ToString(CultureInfo.InvariantCulture))).ToList();
            return (yearly, Months(first, last, 1).Where(d => d.Month != 1).ToList());
        }

        foreach (int step in DaySteps)
        {
            var major = Days(first, last, step).Select(d => (d, d.ToString("d MMM", CultureInfo.InvariantCulture))).ToList();
            if (Fits(major, length, measure, gap))
            {
                return (major, step == 1 ? [] : Days(first, last, 1).ToList());
            }
        }

        return (Months(first, last, 1).Select(d => (d, d.ToString("MMM yyyy", CultureInfo.InvariantCulture))).ToList(), []);
    }

    private static bool Fits(List<(DateOnly Date, string Label)> ticks, double length, Func<string, double> measure, double gap)
    {
        if (ticks.Count <= 1)
        {
            return true;
        }

        double widest = ticks.Max(t => measure(t.Label)) + gap;
        return widest * ticks.Count <= length * 0.9;
    }

    private static IEnumerable<DateOnly> Years(DateOnly first, DateOnly last, int step)
    {
        int year = first.Year + (first.Month == 1 && first.Day == 1 ? 0 : 1);
        year = (int)Math.Ceiling(year / (double)step) * step;
        for (; year <= last.Year; year += step)
        {
            yield return new DateOnly(year, 1, 1);
        }
    }

    private static IEnumerable<DateOnly> Months(DateOnly first, DateOnly last, int step)
    {
        var date = new DateOnly(first.Year, first.Month, 1);
        if (date < first)
        {
            date = date.AddMonths(1);
        }

        for (; date <= last; date = date.AddMonths(1))
        {
            if ((date.Month - 1) % step == 0)
            {
                yield return date;
            }

            if (date.Year == DateOnly.MaxValue.Year && date.Month == 12)
            {
                yield break;
            }
        }
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last, int step)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (step == 1 || (step == 7 ? date.DayOfWeek == DayOfWeek.Monday : (date.Day - 1) % step == 0))
            {
                yield return date;
            }

            if (date == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }
}

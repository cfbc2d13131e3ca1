namespace TrackSim.Core.Domain;

/// <summary>
/// The real calendar a scenario steps on: step <c>k</c> covers the dates from
/// <c>DateOf(k)</c> up to, but not including, <c>DateOf(k + 1)</c>; the last step is the
/// one that contains <see cref="End"/>.
/// </summary>
public sealed record Calendar
{
    /// <summary>Mean length of a Gregorian year in days, used to express steps in years.</summary>
    public const double DaysPerYear = 365.2425;

    /// <summary>Creates a calendar; <paramref name="end"/> must not be before <paramref name="start"/>.</summary>
    public Calendar(DateOnly start, DateOnly end, StepUnit unit)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The end date must be on or after the start date {start:yyyy-MM-dd}.");
        }

        Start = start;
        End = end;
        Unit = unit;
        StepCount = StepOf(end) + 1;
    }

    /// <summary>First day of the first step.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day covered by the simulation (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>Length of one step.</summary>
    public StepUnit Unit { get; }

    /// <summary>Number of steps from <see cref="Start"/> through the step that contains <see cref="End"/>.</summary>
    public int StepCount { get; }

    /// <summary>Length of one step in years (a month is 1/12, a week 7/365.2425, a day 1/365.2425).</summary>
    public double YearsPerStep => YearsPer(Unit);

    /// <summary>Length of one step of the given unit in years.</summary>
    public static double YearsPer(StepUnit unit) => unit switch
    {
        StepUnit.Day => 1.0 / DaysPerYear,
        StepUnit.Week => 7.0 / DaysPerYear,
        StepUnit.Month => 1.0 / 12.0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown step unit."),
    };

    /// <summary>The first day of step <paramref name="step"/> (step 0 starts on <see cref="Start"/>).</summary>
    public DateOnly DateOf(int step) => Unit switch
    {
        StepUnit.Day => Start.AddDays(step),
        StepUnit.Week => Start.AddDays(7 * step),
        StepUnit.Month => Start.AddMonths(step),
        _ => throw new InvalidOperationException("Unknown step unit."),
    };

    /// <summary>
    /// The step that contains <paramref name="date"/>; negative for dates before the start and
    /// at least <see cref="StepCount"/> for dates after the end.
    /// </summary>
    public int StepOf(DateOnly date)
    {
        switch (Unit)
        {
            case StepUnit.Day:
                return date.DayNumber - Start.DayNumber;
            case StepUnit.Week:
                return (int)Math.Floor((date.DayNumber - Start.DayNumber) / 7.0);
            case StepUnit.Month:
                int months = ((date.Year - Start.Year) * 12) + date.Month - Start.Month;
                return Start.AddMonths(months) > date ? months - 1 : months;
            default:
                throw new InvalidOperationException("Unknown step unit.");
        }
    }

    /// <summary>
    /// Whether the first day after the last step (the end of the run's last step) is a date a
    /// <see cref="DateOnly"/> can hold, that is on or before 9999-12-31; a run needs it.
    /// </summary>
    public bool EndsWithinDates
    {
        get
        {
            long next = Unit switch
            {
                StepUnit.Day => Start.DayNumber + (long)StepCount,
                StepUnit.Week => Start.DayNumber + (7L * StepCount),
                _ => (Start.Year * 12L) + Start.Month - 1 + StepCount,
            };
            long last = Unit == StepUnit.Month ? (DateOnly.MaxValue.Year * 12L) + 11 : DateOnly.MaxValue.DayNumber;
            return next <= last;
        }
    }

    /// <summary>Whether <paramref name="date"/> falls between <see cref="Start"/> and <see cref="End"/> inclusive.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

using System.Globalization;

namespace TrackSim.Core.Domain;

/// <summary>A calendar duration such as "6 months" or "2 weeks".</summary>
/// <param name="Count">Number of units, at least 1.</param>
/// <param name="Unit">The unit; a year is written as 12 months.</param>
public sealed record Duration(int Count, StepUnit Unit)
{
    /// <summary>The duration in years.</summary>
    public double Years => Count * Calendar.YearsPer(Unit);

    /// <summary>
    /// The date <paramref name="times"/> durations after <paramref name="from"/>, or
    /// <see cref="DateOnly.MaxValue"/> when that is after the last date a <see cref="DateOnly"/>
    /// can hold (a schedule that far ahead never comes due in a run, which ends before it).
    /// </summary>
    public DateOnly AddTo(DateOnly from, int times = 1)
    {
        long count = (long)Count * times;
        switch (Unit)
        {
            case StepUnit.Day:
            case StepUnit.Week:
                long day = from.DayNumber + (count * (Unit == StepUnit.Week ? 7 : 1));
                return day > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : DateOnly.FromDayNumber((int)day);
            case StepUnit.Month:
                long month = (from.Year * 12L) + from.Month - 1 + count;
                return month > (DateOnly.MaxValue.Year * 12L) + 11 ? DateOnly.MaxValue : from.AddMonths((int)count);
            default:
                throw new InvalidOperationException("Unknown unit.");
        }
    }

    /// <summary>The scenario notation, for example <c>6 months</c>.</summary>
    public override string ToString()
    {
        string unit = Unit.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{Count} {unit}{(Count == 1 ? string.Empty : "s")}");
    }
}

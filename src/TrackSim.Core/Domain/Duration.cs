using System.Globalization;

namespace TrackSim.Core.Domain;

/// <summary>A calendar duration such as "6 months" or "2 weeks".</summary>
/// <param name="Count">Number of units, at least 1.</param>
/// <param name="Unit">The unit; a year is written as 12 months.</param>
public sealed record Duration(int Count, StepUnit Unit)
{
    /// <summary>The duration in years.</summary>
    public double Years => Count * Calendar.YearsPer(Unit);

    /// <summary>The date <paramref name="times"/> durations after <paramref name="from"/>.</summary>
    public DateOnly AddTo(DateOnly from, int times = 1) => Unit switch
    {
        StepUnit.Day => from.AddDays(Count * times),
        StepUnit.Week => from.AddDays(7 * Count * times),
        StepUnit.Month => from.AddMonths(Count * times),
        _ => throw new InvalidOperationException("Unknown unit."),
    };

    /// <summary>The scenario notation, for example <c>6 months</c>.</summary>
    public override string ToString()
    {
        string unit = Unit.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{Count} {unit}{(Count == 1 ? string.Empty : "s")}");
    }
}

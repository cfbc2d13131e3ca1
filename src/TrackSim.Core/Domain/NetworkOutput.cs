using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// When the networks of a run are snapshot (<c>outputs.networks</c>): the Track II participant
/// network and the cross-border ties of citizens, each at the recorded point that holds a date.
/// </summary>
/// <param name="At">Dates of the snapshots, in order; null takes one at the last recorded point, empty takes none.</param>
public sealed record NetworkOutput(ImmutableArray<DateOnly>? At)
{
    /// <summary>Cross-border citizen ties drawn into a snapshot's sample at most (see <see cref="Recording.CitizenTie"/>).</summary>
    public const int DefaultTieSample = 400;

    /// <summary>The snapshots when a scenario does not choose: one at the end of the run.</summary>
    public static NetworkOutput Default { get; } = new((ImmutableArray<DateOnly>?)null);

    /// <summary>
    /// The recorded points of a calendar the snapshots are taken at, ascending and distinct: for a
    /// date, the last point whose first day is on or before it (the state at the start of the step
    /// that holds the date), or the last point when no date is given.
    /// </summary>
    public ImmutableArray<int> Points(Calendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (At is not { } dates)
        {
            return [calendar.StepCount];
        }

        var points = new SortedSet<int>();
        foreach (var date in dates)
        {
            points.Add(Math.Clamp(calendar.StepOf(date), 0, calendar.StepCount));
        }

        return [.. points];
    }
}

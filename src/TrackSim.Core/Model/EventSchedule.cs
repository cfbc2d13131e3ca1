using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>The scenario's events by the step they start in, the span events, and events injected by a caller.</summary>
internal sealed class EventSchedule
{
    /// <summary>Schedules the events of a scenario on its calendar; events outside the calendar are dropped.</summary>
    public EventSchedule(Scenario scenario)
    {
        var calendar = scenario.Calendar;
        foreach (var e in scenario.Events)
        {
            int first = calendar.StepOf(e.Date);
            int last = e.End is { } end ? Math.Min(calendar.StepOf(end), calendar.StepCount - 1) : first;
            if (first < 0 || first >= calendar.StepCount)
            {
                continue;
            }

            if (!Starting.TryGetValue(first, out var list))
            {
                Starting[first] = list = [];
            }

            list.Add(e);
            if (last > first)
            {
                Spans.Add((first, last, e));
            }
        }
    }

    /// <summary>Events by the step that contains their date, in file order.</summary>
    public Dictionary<int, List<EventSpec>> Starting { get; } = [];

    /// <summary>Events that cover several steps: the first and last step.</summary>
    public List<(int First, int Last, EventSpec Event)> Spans { get; } = [];

    /// <summary>Events injected since the last step; they start in the next.</summary>
    public List<EventSpec> Injected { get; } = [];
}

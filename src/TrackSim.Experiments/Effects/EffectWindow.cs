namespace TrackSim.Experiments.Effects;

/// <summary>A stretch of the recorded series over which a run is summarised by its mean.</summary>
/// <param name="Name"><c>whole</c>, or <c>after:&lt;event-id&gt;</c>.</param>
/// <param name="First">Index of the first recorded value in the window (0 is the state before the first step).</param>
/// <param name="EventId">The event the window follows, or null for the whole run.</param>
/// <param name="EventStep">Index of the last value recorded before the event acted, or -1 for the whole run.</param>
public sealed record EffectWindow(string Name, int First, string? EventId, int EventStep)
{
    /// <summary>The window covering every recorded value.</summary>
    public static EffectWindow Whole { get; } = new("whole", 0, null, -1);

    /// <summary>Mean of <paramref name="values"/> from <see cref="First"/> to the end.</summary>
    public double MeanOf(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0;
        for (int i = First; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / (values.Count - First);
    }
}

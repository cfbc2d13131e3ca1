using System.Collections.Immutable;

namespace TrackSim.Core.Recording;

/// <summary>Everything one run (a variant and a replicate) recorded.</summary>
/// <param name="Variant">Variant name (<c>base</c> for the scenario itself).</param>
/// <param name="Replicate">Replicate index from 0.</param>
/// <param name="Dates">First day of each recorded point: step 0 is the initial state, point k the state after step k - 1.</param>
/// <param name="Series">Every metric series, in a fixed order.</param>
/// <param name="Log">Event log in time order.</param>
public sealed record RunResult(
    string Variant,
    int Replicate,
    ImmutableArray<DateOnly> Dates,
    ImmutableArray<RecordedSeries> Series,
    ImmutableArray<LogEntry> Log)
{
    /// <summary>The distributions of citizens' trust at the points <c>outputs.distributions</c> chooses (none when it is off).</summary>
    public ImmutableArray<DistributionSnapshot> Distributions { get; init; } = [];

    /// <summary>The snapshots of the networks at the points <c>outputs.networks</c> chooses.</summary>
    public ImmutableArray<NetworkSnapshot> Networks { get; init; } = [];

    /// <summary>The series of <paramref name="metric"/> for <paramref name="subject"/>.</summary>
    public RecordedSeries Get(string metric, string subject) =>
        Series.FirstOrDefault(s => s.Key.Metric == metric && s.Key.Subject == subject)
        ?? throw new KeyNotFoundException($"No series {metric} for {subject}.");
}

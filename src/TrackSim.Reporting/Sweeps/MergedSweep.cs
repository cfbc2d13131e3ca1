using TrackSim.Experiments.Sweeps;

namespace TrackSim.Reporting.Sweeps;

/// <summary>The shards of one sweep, read and checked: the plan and scenario hash they share, and every run in order.</summary>
/// <param name="Plan">The sweep's plan.</param>
/// <param name="ScenarioSha256">The SHA-256 of the scenario file the shards ran.</param>
/// <param name="Rows">Every run of the sweep, by point and replicate.</param>
public sealed record MergedSweep(SweepPlan Plan, string ScenarioSha256, IReadOnlyList<RunsRow> Rows)
{
    /// <summary>The series the shards kept (the same in every shard).</summary>
    public SweepSeries Series { get; init; } = SweepSeries.None;

    /// <summary>Each shard's folder and share of the points, for copying their series files.</summary>
    public IReadOnlyList<(string Folder, SweepShard Shard)> Shards { get; init; } = [];
}

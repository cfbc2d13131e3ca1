using TrackSim.Experiments.Sweeps;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Combines shard folders of one sweep into the runs.csv the unsharded sweep would have written.</summary>
public static class SweepMerge
{
    /// <summary>
    /// Reads every shard's sweep.json and runs.csv and checks they are shards of the same sweep
    /// that together hold every run exactly once; writes nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">The shards differ in any input (<see cref="SweepInputs"/>), were made by another version than <paramref name="toolVersion"/>, overlap, or miss runs.</exception>
    public static MergedSweep Collect(IReadOnlyList<string> shards, string? toolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("At least one shard folder is needed.", nameof(shards));
        }

        var (plan, _, sha, _, _) = SweepManifest.Read(shards[0]);
        var first = Inputs(shards[0]);
        if (toolVersion is not null && first.Values.TryGetValue("tool_version", out var made) && !made.SequenceEqual([toolVersion]))
        {
            throw new InvalidDataException($"{shards[0]} was made by tracksim {string.Join(" ", made)}; this is tracksim {toolVersion}: merge with the version that made the shards");
        }

        var rows = new List<RunsRow>();
        var owners = new List<(string Folder, SweepShard Shard)>();
        foreach (string folder in shards)
        {
            var (other, otherShard, otherSha, _, _) = SweepManifest.Read(folder);
            owners.Add((folder, otherShard));
            var differences = SweepInputs.Differences(first, Inputs(folder), $"in {shards[0]}", $"in {folder}", "shard");
            if (!differences.IsEmpty || SweepManifest.PlanJson(other) != SweepManifest.PlanJson(plan) || otherSha != sha)
            {
                throw new InvalidDataException($"{folder} is a shard of a different sweep than {shards[0]}; they differ in:\n  {string.Join("\n  ", differences)}");
            }

            rows.AddRange(RunsCsv.Read(Path.Combine(folder, RunsCsv.FileName), plan.Header));
        }

        rows.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Replicate.CompareTo(b.Replicate));
        int points = plan.CreateDesign().Points.Length;
        int expected = points * plan.Replicates;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Point != i / plan.Replicates || rows[i].Replicate != i % plan.Replicates)
            {
                throw new InvalidDataException($"the shards do not hold each run once: expected point {i / plan.Replicates} replicate {i % plan.Replicates}, found point {rows[i].Point} replicate {rows[i].Replicate} (a shard unfinished, given twice, or missing?)");
            }
        }

        if (rows.Count != expected)
        {
            throw new InvalidDataException($"the shards hold {rows.Count} of the sweep's {expected} runs; finish or add the missing shards (run them with --resume)");
        }

        // Every point's series file must be there before anything is written.
        var series = first.Series;
        for (int point = 0; point < points && series.FileOf(point) is { } file; point++)
        {
            string source = Path.Combine(owners.First(o => o.Shard.Owns(point)).Folder, file);
            if (!File.Exists(source))
            {
                throw new InvalidDataException($"{source} is missing: the shard holds the runs of point {point} but not its series file; run that shard again with --resume");
            }
        }

        return new MergedSweep(plan, sha, rows) { Series = series, Shards = owners };
    }

    /// <summary>
    /// <see cref="Collect"/>s the shards, then writes runs.csv, sensitivity.csv and the charts to <paramref name="output"/>.
    /// Returns the plan and the scenario hash the shards share, and the files written (charts when <paramref name="charts"/> is given).
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="Collect"/>.</exception>
    public static (SweepPlan Plan, string ScenarioSha256, IReadOnlyList<string> Files) Merge(IReadOnlyList<string> shards, string output, Charts.ChartStyle? charts = null, string? toolVersion = null) =>
        Write(Collect(shards, toolVersion), output, charts);

    /// <summary>Writes a collected sweep's runs.csv, sensitivity.csv and charts to <paramref name="output"/>.</summary>
    public static (SweepPlan Plan, string ScenarioSha256, IReadOnlyList<string> Files) Write(MergedSweep sweep, string output, Charts.ChartStyle? charts = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(output);
        RunsCsv.WriteAll(Path.Combine(output, RunsCsv.FileName), sweep.Plan.Header, sweep.Rows);
        return (sweep.Plan, sweep.ScenarioSha256, SweepFolder.Finish(output, sweep.Plan, charts));
    }

    private static SweepInputs Inputs(string folder) =>
        SweepManifest.ReadInputs(folder) ?? throw new InvalidDataException(SweepManifest.OlderManifest(folder) + "; run the shard again with this version");
}

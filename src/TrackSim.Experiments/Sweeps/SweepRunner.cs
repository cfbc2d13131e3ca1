using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// Runs a sweep's points (or one shard's) and appends their runs to runs.csv. Points run in
/// parallel batches but their rows are written strictly in point order, each row flushed, so the
/// file only ever grows by whole runs in a fixed order: resuming and sharding reproduce it byte for byte.
/// When the sweep keeps series, a point's series file is written (atomically) before its rows are
/// appended, so a point in runs.csv always has its series file; one without rows is rewritten on resume.
/// </summary>
public static class SweepRunner
{
    /// <summary>
    /// Runs every point of <paramref name="shard"/> not yet in the folder's runs.csv (all of them
    /// unless <paramref name="resume"/>). Returns the number of runs done by this call.
    /// </summary>
    /// <param name="folder">The sweep folder (created if missing).</param>
    /// <param name="plan">The sweep.</param>
    /// <param name="shard">The share of points to run.</param>
    /// <param name="scenarioAt">The scenario with one point's values applied (parameter order as in the plan).</param>
    /// <param name="threads">Points run at a time; results do not depend on it.</param>
    /// <param name="resume">Keep the complete points of an existing runs.csv (dropping a partial last point) and run the rest.</param>
    /// <param name="progress">Receives the number of runs finished so far (including those kept on resume).</param>
    /// <param name="cancellationToken">Stops after writing the points finished so far.</param>
    public static int Run(
        string folder,
        SweepPlan plan,
        SweepShard shard,
        Func<ImmutableArray<double>, Scenario> scenarioAt,
        int threads,
        bool resume,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(folder, plan, shard, scenarioAt, threads, resume, null, progress, cancellationToken);

    /// <summary>
    /// Runs every point of <paramref name="shard"/> not yet in the folder's runs.csv (all of them
    /// unless <paramref name="resume"/>), writing each point's series file through
    /// <paramref name="series"/> before its rows. Returns the number of runs done by this call.
    /// </summary>
    /// <param name="folder">The sweep folder (created if missing).</param>
    /// <param name="plan">The sweep.</param>
    /// <param name="shard">The share of points to run.</param>
    /// <param name="scenarioAt">The scenario with one point's values applied (parameter order as in the plan).</param>
    /// <param name="threads">Points run at a time; results do not depend on it.</param>
    /// <param name="resume">Keep the complete points of an existing runs.csv whose series file is there (dropping the rest) and run the rest.</param>
    /// <param name="series">Writes each point's series file; none when null.</param>
    /// <param name="progress">Receives the number of runs finished so far (including those kept on resume).</param>
    /// <param name="cancellationToken">Stops after writing the points finished so far.</param>
    public static int Run(
        string folder,
        SweepPlan plan,
        SweepShard shard,
        Func<ImmutableArray<double>, Scenario> scenarioAt,
        int threads,
        bool resume,
        ISweepSeriesWriter? series,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(scenarioAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Directory.CreateDirectory(folder);
        var design = plan.CreateDesign();
        int[] owned = [.. Enumerable.Range(0, design.Points.Length).Where(shard.Owns)];
        string path = Path.Combine(folder, RunsCsv.FileName);
        int done = resume && File.Exists(path) ? KeepComplete(path, plan, owned, point => series?.Exists(point) ?? true) : StartFresh(path, plan);
        int runsDone = done * plan.Replicates;
        progress?.Report(runsDone);

        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, AtomicFile.Utf8NoBom) { NewLine = "\n" };
        int ran = 0;

        // Every point runs with the plan's seed, so its replicate r draws the same network as
        // every other point's unless a range changes the network or the number of citizens.
        var networks = new NetworkCache(NetworkCache.SharedKeepBytes);
        for (int start = done; start < owned.Length; start += threads)
        {
            int count = Math.Min(threads, owned.Length - start);
            var rows = new string[count][];
            try
            {
                Parallel.For(
                    0,
                    count,
                    new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                    j =>
                    {
                        int point = owned[start + j];
                        rows[j] = RunPoint(plan, point, design.Points[point], scenarioAt, networks, series, cancellationToken);
                        progress?.Report(Interlocked.Add(ref runsDone, plan.Replicates));
                    });
            }
            catch (Exception e) when (e is OperationCanceledException or AggregateException)
            {
                // Keep the points that did finish, in order, then stop.
                ran += Append(writer, stream, rows.TakeWhile(r => r is not null));
                cancellationToken.ThrowIfCancellationRequested();

                // One point failed (a value the scenario refuses): its own exception says why.
                if (e is AggregateException { InnerExceptions.Count: 1 } single)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(single.InnerExceptions[0]).Throw();
                }

                throw;
            }

            ran += Append(writer, stream, rows);
        }

        return ran;
    }

    private static string[] RunPoint(
        SweepPlan plan,
        int point,
        ImmutableArray<double> values,
        Func<ImmutableArray<double>, Scenario> scenarioAt,
        NetworkCache networks,
        ISweepSeriesWriter? series,
        CancellationToken token)
    {
        var scenario = scenarioAt(values);
        var options = new EnsembleOptions { Replicates = plan.Replicates, Seed = plan.Seed, Threads = 1, Variants = [Scenario.BaseVariant], Snapshots = false, Networks = networks };
        var ensemble = Ensemble.Run(scenario, options, null, token);
        series?.Write(point, ensemble, token);
        var lines = new string[plan.Replicates];
        foreach (var run in ensemble.Runs)
        {
            double[] outcomes = [.. plan.Outcomes.Select(o => o.Evaluate(run, scenario.Calendar))];
            lines[run.Replicate] = RunsCsv.Row(point, run.Replicate, plan.Seed, values, outcomes);
        }

        return lines;
    }

    private static int Append(StreamWriter writer, FileStream stream, IEnumerable<string[]> points)
    {
        int runs = 0;
        foreach (string[] lines in points)
        {
            foreach (string line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
                writer.Flush();
                runs++;
            }

            stream.Flush(flushToDisk: true);
        }

        return runs;
    }

    private static int StartFresh(string path, SweepPlan plan)
    {
        AtomicFile.WriteAllText(path, plan.Header + "\n");
        return 0;
    }

    // Keeps the longest prefix of whole points in the expected order whose series file (if kept) is
    // there, and cuts the file after it.
    private static int KeepComplete(string path, SweepPlan plan, int[] owned, Func<int, bool> hasSeries)
    {
        var rows = RunsCsv.Read(path, plan.Header);
        long keep = RunsCsv.LineBytes(plan.Header);
        int points = 0;
        int r = 0;
        while (points < owned.Length && r + plan.Replicates <= rows.Count)
        {
            bool whole = true;
            long bytes = 0;
            for (int k = 0; k < plan.Replicates; k++)
            {
                var row = rows[r + k];
                whole &= row.Point == owned[points] && row.Replicate == k;
                bytes += RunsCsv.LineBytes(row.Text);
            }

            if (!whole || !hasSeries(owned[points]))
            {
                break;
            }

            keep += bytes;
            r += plan.Replicates;
            points++;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(keep);
            stream.Flush(flushToDisk: true);
        }

        return points;
    }
}

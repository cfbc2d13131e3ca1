using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Sweeps;

/// <summary>
/// The per-point series files of a sweep folder (<see cref="SweepSeries"/>): written through its
/// <see cref="OutputFolder"/> (no link or special file is written through), listed for sweep.json,
/// cleared when a sweep starts again, and copied from shards by <c>merge</c>.
/// </summary>
public sealed class SweepSeriesFiles : ISweepSeriesWriter
{
    private readonly OutputFolder _output;
    private readonly SweepSeries _series;

    /// <summary>The point files of <paramref name="series"/> in <paramref name="output"/>.</summary>
    public SweepSeriesFiles(OutputFolder output, SweepSeries series)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(series);
        _output = output;
        _series = series;
    }

    /// <inheritdoc />
    public bool Exists(int point) =>
        _series.FileOf(point) is not { } file || FileKinds.Of(Path.Combine(_output.Path, file)) == FileKind.Regular;

    /// <inheritdoc />
    public void Write(int point, EnsembleResult ensemble, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (_series.FileOf(point) is not { } file)
        {
            return;
        }

        if (_series.Format == SeriesFormat.Csv)
        {
            _output.Write(
                file,
                stream =>
                {
                    using var writer = new StreamWriter(stream, AtomicFile.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
                    SeriesCsv.WritePoint(writer, point, ensemble, _series.Keeps, cancellationToken);
                },
                cancellationToken);
        }
        else
        {
            _output.Write(file, stream => SeriesParquet.WritePoint(stream, point, ensemble, _series.Keeps, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The point files of the points of <paramref name="shard"/>, relative to the sweep folder, in point order (none without series).</summary>
    public static IReadOnlyList<string> Files(SweepSeries series, SweepPlan plan, SweepShard shard)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        return [.. Enumerable.Range(0, plan.CreateDesign().Points.Length).Where(shard.Owns).Select(series.FileOf).OfType<string>()];
    }

    /// <summary>
    /// Deletes every file in the series folder of <paramref name="output"/> named as a point file (of
    /// either format) but not in <paramref name="keep"/> (paths relative to the folder): a sweep started
    /// again, or a merge into an earlier sweep's folder, must not leave the earlier points beside its
    /// own. Anything else there is kept (and refused by the folder check unless forced).
    /// </summary>
    public static void RemoveOthers(OutputFolder output, IReadOnlyCollection<string> keep)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(keep);
        string folder = Path.Combine(output.Path, SweepSeries.FolderName);
        if (FileKinds.Of(folder) != FileKind.Directory)
        {
            return;
        }

        foreach (string name in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(SweepSeries.IsPointFileName).Order(StringComparer.Ordinal))
        {
            string relative = SweepSeries.FolderName + "/" + name;
            if (!keep.Contains(relative) && output.IsSafe(relative))
            {
                File.Delete(output.Resolve(relative));
            }
        }
    }

    /// <summary>
    /// Copies every point file of a merged sweep from the shard that ran the point into
    /// <paramref name="output"/> (atomically, one by one); returns the files copied, in point order.
    /// <see cref="SweepMerge.Collect"/> has checked that each is there.
    /// </summary>
    public static IReadOnlyList<string> Copy(MergedSweep sweep, OutputFolder output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(output);
        var files = Files(sweep.Series, sweep.Plan, SweepShard.All);
        for (int point = 0; point < files.Count; point++)
        {
            string source = Path.Combine(sweep.Shards.First(s => s.Shard.Owns(point)).Folder, files[point]);
            output.Write(
                files[point],
                stream =>
                {
                    using var input = File.OpenRead(source);
                    input.CopyTo(stream);
                },
                cancellationToken);
        }

        return files;
    }
}

using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Writes of a sweep folder through its <see cref="OutputFolder"/>.</summary>
public static class SweepFiles
{
    /// <summary>
    /// Why runs.csv, sweep.json or (when <paramref name="series"/> keeps any) the series folder cannot
    /// be written (a link, a FIFO, a folder, a file where the folder goes), or null.
    /// </summary>
    public static string? Unwritable(OutputFolder output, SweepSeries? series = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] files = [RunsCsv.FileName, SweepManifest.FileName, SensitivityCsv.FileName, .. series?.FileOf(0) is { } point ? [point] : Array.Empty<string>()];
        foreach (string file in files)
        {
            try
            {
                output.Resolve(file);
            }
            catch (OutputFolderException e)
            {
                return e.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="SweepFolder.Finish"/> with sensitivity.csv and the charts staged and renamed into
    /// place together; then removes the files of the previous finished sweep not written again.
    /// </summary>
    public static IReadOnlyList<string> Finish(OutputFolder output, SweepPlan plan, ChartStyle? charts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var previous = SweepManifest.ReadFiles(output.Path);
        IReadOnlyList<string> files;
        using (var staged = output.Stage())
        {
            files = SweepFolder.Finish(output.Path, plan, charts, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            staged.Commit();
        }

        SweepManifest.RemoveOwned(output, previous, files);
        return files;
    }

    /// <summary>
    /// <see cref="SweepMerge.Write"/> of shards already collected into the locked <paramref name="output"/>, after copying
    /// their series files (<see cref="SweepSeriesFiles.Copy"/>); then removes the files a previous sweep.json there listed
    /// and this merge did not write again, and any other point file left in its series folder.
    /// </summary>
    public static (SweepPlan Plan, string ScenarioSha256, IReadOnlyList<string> Files) Merge(MergedSweep sweep, OutputFolder output, ChartStyle? charts)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(output);
        if (Unwritable(output, sweep.Series) is { } special)
        {
            throw new OutputFolderException(special);
        }

        var previous = SweepManifest.ReadFiles(output.Path);
        var series = SweepSeriesFiles.Copy(sweep, output);
        var (plan, sha, files) = SweepMerge.Write(sweep, output.Path, charts);
        IReadOnlyList<string> all = [.. files, .. series];
        SweepManifest.RemoveOwned(output, previous, all);
        SweepSeriesFiles.RemoveOthers(output, all);
        return (plan, sha, all);
    }
}

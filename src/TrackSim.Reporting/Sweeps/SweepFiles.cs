using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Writes of a sweep folder through its <see cref="OutputFolder"/>.</summary>
public static class SweepFiles
{
    /// <summary>Why runs.csv or sweep.json cannot be written (a link, a FIFO, a folder), or null.</summary>
    public static string? Unwritable(OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (string file in new[] { RunsCsv.FileName, SweepManifest.FileName, SensitivityCsv.FileName })
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
    /// <see cref="SweepMerge.Write"/> of shards already collected into the locked <paramref name="output"/>, then removes the files
    /// a previous sweep.json there listed and this merge did not write again.
    /// </summary>
    public static (SweepPlan Plan, string ScenarioSha256, IReadOnlyList<string> Files) Merge(MergedSweep sweep, OutputFolder output, ChartStyle? charts)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Unwritable(output) is { } special)
        {
            throw new OutputFolderException(special);
        }

        var previous = SweepManifest.ReadFiles(output.Path);
        var result = SweepMerge.Write(sweep, output.Path, charts);
        SweepManifest.RemoveOwned(output, previous, result.Files);
        return result;
    }
}

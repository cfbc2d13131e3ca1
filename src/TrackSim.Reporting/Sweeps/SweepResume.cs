using TrackSim.Experiments.Sweeps;

namespace TrackSim.Reporting.Sweeps;

/// <summary>Whether <c>sweep --resume</c> may continue the sweep in a folder.</summary>
public static class SweepResume
{
    /// <summary>
    /// Null when the sweep recorded in <paramref name="folder"/> has exactly the inputs
    /// <paramref name="now"/>; otherwise the reason it may not be continued, naming every input
    /// that differs with both values, or saying the manifest is too old to record them.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder has no readable sweep.json.</exception>
    public static string? Refusal(string folder, SweepInputs now)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(now);
        if (SweepManifest.ReadInputs(folder) is not { } recorded)
        {
            return SweepManifest.OlderManifest(folder) + "; --resume continues only the same sweep: start again with --force, or choose another --out";
        }

        var differences = SweepInputs.Differences(recorded, now, $"in {folder}", "now");
        return differences.IsEmpty
            ? null
            : $"{folder} holds a different sweep; --resume continues only the same sweep, and these inputs differ:\n  {string.Join("\n  ", differences)}";
    }
}

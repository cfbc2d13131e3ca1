using System.Collections.Immutable;

namespace TrackSim.Reporting.Results;

/// <summary>
/// <c>manifest.json</c>: how a results folder was made (version, scenario file and its SHA-256,
/// seed, replicates, variants, overrides, threads, command line, start and end time) and every
/// file in it with its SHA-256, so a figure can be traced and reproduced. It is written last: a
/// results folder without one is incomplete.
/// </summary>
/// <param name="Version">TrackSim version.</param>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="ScenarioTitle">Scenario title.</param>
/// <param name="ScenarioPath">Scenario file as the user named it.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Replicates">Replicates per variant.</param>
/// <param name="Variants">Variants run, in order.</param>
/// <param name="Overrides">Overrides applied (<c>PATH=VALUE</c>).</param>
/// <param name="Threads">Runs at a time.</param>
/// <param name="CommandLine">Command line of the run.</param>
/// <param name="StartedUtc">Start of the run.</param>
/// <param name="FinishedUtc">End of the run (all files written but this one).</param>
/// <param name="Files">Every file written, with size and SHA-256.</param>
/// <param name="ReplottedUtc">When <c>tracksim plot</c> last redrew the charts, or null.</param>
/// <param name="ReplotCommandLine">That command line, or null.</param>
public sealed record Manifest(
    string Version,
    string ScenarioName,
    string ScenarioTitle,
    string ScenarioPath,
    string ScenarioSha256,
    ulong Seed,
    int Replicates,
    ImmutableArray<string> Variants,
    ImmutableArray<string> Overrides,
    int Threads,
    string CommandLine,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    ImmutableArray<ManifestFile> Files,
    DateTimeOffset? ReplottedUtc = null,
    string? ReplotCommandLine = null)
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The tool name recorded in the file.</summary>
    public const string Tool = "tracksim";
}

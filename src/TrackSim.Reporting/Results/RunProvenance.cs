using System.Collections.Immutable;
using System.Security.Cryptography;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Files;

namespace TrackSim.Reporting.Results;

/// <summary>What the manifest records about how a run was made, besides what the ensemble itself holds.</summary>
/// <param name="ToolVersion">TrackSim version.</param>
/// <param name="ScenarioPath">The scenario file as the user named it.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file's bytes.</param>
/// <param name="Overrides">Overrides applied, as <c>PATH=VALUE</c>.</param>
/// <param name="Threads">Runs at a time (results do not depend on it).</param>
/// <param name="CommandLine">The command line, or a description of the caller.</param>
/// <param name="StartedUtc">When the run started.</param>
public sealed record RunProvenance(
    string ToolVersion,
    string ScenarioPath,
    string ScenarioSha256,
    ImmutableArray<string> Overrides,
    int Threads,
    string CommandLine,
    DateTimeOffset StartedUtc)
{
    /// <summary>The version of this library, the model's version.</summary>
    public static string LibraryVersion { get; } = ReadVersion();

    /// <summary>Provenance for a run of the scenario file at <paramref name="scenarioPath"/>, hashing it now.</summary>
    public static RunProvenance For(string scenarioPath, IEnumerable<string> overrides, int threads, string commandLine, DateTimeOffset startedUtc, string? toolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(scenarioPath);
        ArgumentNullException.ThrowIfNull(overrides);
        return new RunProvenance(toolVersion ?? LibraryVersion, scenarioPath, FileHash.Sha256(scenarioPath), [.. overrides], threads, commandLine, startedUtc);
    }

    /// <summary>The SHA-256 of a text, for a scenario that did not come from a file.</summary>
    public static string Sha256OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(AtomicFile.Utf8NoBom.GetBytes(text)));
    }

    private static string ReadVersion()
    {
        string? informational = typeof(RunProvenance).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(RunProvenance).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

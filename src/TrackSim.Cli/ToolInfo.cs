using System.Reflection;

namespace TrackSim.Cli;

/// <summary>The name and version of the tool, as shown in help, messages and <c>--version</c>.</summary>
internal static class ToolInfo
{
    /// <summary>The command name users type.</summary>
    public const string Name = "tracksim";

    /// <summary>
    /// The informational version without build metadata (the SDK appends <c>+commit</c>), for
    /// example <c>0.1.0</c>.
    /// </summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        string? informational = typeof(ToolInfo).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

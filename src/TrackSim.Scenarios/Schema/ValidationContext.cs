using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>Collects the diagnostics of one file.</summary>
/// <param name="file">The file name used in every diagnostic.</param>
public sealed class ValidationContext(string file)
{
    /// <summary>The file name used in every diagnostic.</summary>
    public string File { get; } = file;

    /// <summary>The problems found so far.</summary>
    public List<Diagnostic> Errors { get; } = [];

    /// <summary>Records a problem at <paramref name="position"/>.</summary>
    public void Error(Position position, string path, string message) =>
        Errors.Add(new Diagnostic(File, position.Line, position.Column, path, message));

    /// <summary>Records a problem at <paramref name="node"/>.</summary>
    public void Error(YamlNode node, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        Error(node.Position, path, message);
    }
}

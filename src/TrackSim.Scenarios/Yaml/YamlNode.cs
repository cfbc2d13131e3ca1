namespace TrackSim.Scenarios.Yaml;

/// <summary>
/// A node of a parsed YAML document with its position. The scenario loader works on these
/// nodes rather than on deserialised classes: positions survive to every error message, a YAML
/// tag can never choose a .NET type, and <c>--set</c> overrides edit the tree before validation.
/// </summary>
public abstract class YamlNode(Position position)
{
    /// <summary>Where the node starts.</summary>
    public Position Position { get; } = position;

    /// <summary>A short name of the node's kind for messages ("a mapping", "a list", "a value").</summary>
    public abstract string KindName { get; }
}

namespace TrackSim.Scenarios.Yaml;

/// <summary>A sequence (list) of nodes.</summary>
public sealed class YamlSequence(Position position) : YamlNode(position)
{
    /// <summary>The items in order.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <inheritdoc />
    public override string KindName => "a list";
}

namespace TrackSim.Scenarios.Yaml;

/// <summary>A 1-based line and column in a YAML text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct Position(int Line, int Column)
{
    /// <summary>The start of the text.</summary>
    public static Position Start { get; } = new(1, 1);
}

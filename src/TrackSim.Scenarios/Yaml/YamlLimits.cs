namespace TrackSim.Scenarios.Yaml;

/// <summary>Size limits that keep a hostile or broken file from exhausting memory or time.</summary>
public static class YamlLimits
{
    /// <summary>Largest scenario file read, in bytes (16 MiB: the largest shipped scenario is far below 1 MiB).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists (the format itself needs fewer than 10 levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes in a document, counting every node an alias repeats ("billion laughs" defence).</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>Longest mapping key, in characters (the YAML scanner's limit for a key written without '?').</summary>
    public const int MaxKeyLength = 1024;
}

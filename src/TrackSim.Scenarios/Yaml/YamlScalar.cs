namespace TrackSim.Scenarios.Yaml;

/// <summary>A scalar: text, number, boolean, date or null.</summary>
public sealed class YamlScalar(Position position, string value, bool isPlain) : YamlNode(position)
{
    /// <summary>The text of the scalar.</summary>
    public string Value { get; set; } = value;

    /// <summary>Whether the scalar was written without quotes (only plain scalars can be null, numbers or booleans).</summary>
    public bool IsPlain { get; set; } = isPlain;

    /// <summary>Whether this is a YAML null (empty, <c>~</c> or <c>null</c>, unquoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string KindName => IsNull ? "nothing (null)" : $"the value '{Shorten(Value)}'";

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}

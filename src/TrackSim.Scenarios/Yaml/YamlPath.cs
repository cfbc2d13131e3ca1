namespace TrackSim.Scenarios.Yaml;

/// <summary>Builds YAML paths such as <c>events[3].severity</c> from segments.</summary>
public static class YamlPath
{
    /// <summary>Joins segments: index segments (<c>[3]</c>) attach directly, keys with a dot.</summary>
    public static string Join(IEnumerable<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var text = new System.Text.StringBuilder();
        foreach (string segment in segments)
        {
            if (text.Length > 0 && !segment.StartsWith('['))
            {
                text.Append('.');
            }

            text.Append(segment);
        }

        return text.ToString();
    }

    /// <summary>The path of a child key under <paramref name="parent"/>.</summary>
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>The path of a list item under <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}

namespace TrackSim.Scenarios.Yaml;

/// <summary>A mapping whose keys are scalars, in file order; duplicate keys are refused when it is read.</summary>
public sealed class YamlMapping(Position position) : YamlNode(position)
{
    /// <summary>The entries in file order.</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The key node of <paramref name="key"/>, or null.</summary>
    public YamlScalar? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Key;

    /// <summary>Sets or adds the value under <paramref name="key"/>.</summary>
    public void Set(YamlScalar key, YamlNode value)
    {
        int index = Entries.FindIndex(e => e.Key.Value == key.Value);
        if (index >= 0)
        {
            Entries[index] = KeyValuePair.Create(Entries[index].Key, value);
        }
        else
        {
            Entries.Add(KeyValuePair.Create(key, value));
        }
    }
}

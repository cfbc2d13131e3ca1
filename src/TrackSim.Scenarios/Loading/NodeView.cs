using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// Reads a mapping through its shape: a value that is present and valid is returned, anything
/// else gives the shape's default (the structural check has already reported the problem), so
/// the mapper can go on and report every semantic problem in the same pass.
/// </summary>
/// <param name="Map">The mapping, or null when absent or not a mapping.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Path">Its YAML path.</param>
/// <param name="Fallback">Position used for a missing mapping (its parent's).</param>
internal readonly record struct NodeView(YamlMapping? Map, ObjectShape Shape, string Path, Position Fallback)
{
    /// <summary>Where the mapping is, or its parent when it is absent.</summary>
    public Position Position => Map?.Position ?? Fallback;

    /// <summary>The node under <paramref name="key"/>, or null when absent or null.</summary>
    public YamlNode? Raw(string key) =>
        Map?.Get(key) is { } node && node is not YamlScalar { IsNull: true } ? node : null;

    /// <summary>Whether the key is present with a value.</summary>
    public bool Has(string key) => Raw(key) is not null;

    /// <summary>The YAML path of a key.</summary>
    public string PathOf(string key) => YamlPath.Key(Path, key);

    /// <summary>Where a key's value is, or the mapping's position when absent.</summary>
    public Position PositionOf(string key) => Raw(key)?.Position ?? Position;

    /// <summary>A number, or the default.</summary>
    public double Number(string key) => OptionalNumber(key) ?? Convert.ToDouble(Shape[key].Default, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid number, or null.</summary>
    public double? OptionalNumber(string key)
    {
        var shape = (NumberShape)Shape[key].Shape;
        return Raw(key) is YamlScalar s && Scalars.TryNumber(s, out double v) && v >= shape.Min && v <= shape.Max
            && (!shape.WholeNumber || v == Math.Floor(v)) ? v : null;
    }

    /// <summary>Text, or the default (which may be null).</summary>
    public string? Text(string key) => Raw(key) is YamlScalar s ? s.Value : Shape[key].Default as string;

    /// <summary>A valid enum word, or the default.</summary>
    public string? Word(string key)
    {
        var shape = (EnumShape)Shape[key].Shape;
        return Raw(key) is YamlScalar s && shape.Values.Contains(s.Value) ? s.Value : Shape[key].Default as string;
    }

    /// <summary>A boolean, or the default.</summary>
    public bool Bool(string key) =>
        Raw(key) is YamlScalar s && Scalars.TryBool(s, out bool v) ? v : Shape[key].Default is true;

    /// <summary>A valid date, or null.</summary>
    public DateOnly? Date(string key)
    {
        var shape = (DateShape)Shape[key].Shape;
        return Raw(key) is YamlScalar s && Scalars.TryDate(s.Value, shape.EndOfPeriod, out var date) ? date : null;
    }

    /// <summary>The view of a child mapping (present or not).</summary>
    public NodeView Object(string key) =>
        new(Raw(key) as YamlMapping, (ObjectShape)Shape[key].Shape, PathOf(key), PositionOf(key));

    /// <summary>The items of a list of mappings that are mappings.</summary>
    public IEnumerable<NodeView> Objects(string key)
    {
        var shape = (ObjectShape)((ListShape)Shape[key].Shape).Item;
        if (Raw(key) is not YamlSequence sequence)
        {
            yield break;
        }

        for (int i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlMapping item)
            {
                yield return new NodeView(item, shape, YamlPath.Index(PathOf(key), i), item.Position);
            }
        }
    }

    /// <summary>The non-null scalar items of a list, with their paths.</summary>
    public IEnumerable<(YamlScalar Node, string Path)> Words(string key)
    {
        if (Raw(key) is not YamlSequence sequence)
        {
            yield break;
        }

        for (int i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlScalar { IsNull: false } item)
            {
                yield return (item, YamlPath.Index(PathOf(key), i));
            }
        }
    }

    /// <summary>The entries of a map-shaped key, with their paths.</summary>
    public IEnumerable<(YamlScalar Key, YamlNode Value, string Path)> Entries(string key)
    {
        if (Raw(key) is not YamlMapping map)
        {
            yield break;
        }

        foreach (var (k, v) in map.Entries)
        {
            yield return (k, v, YamlPath.Key(PathOf(key), k.Value));
        }
    }
}

using System.Collections.Immutable;

namespace TrackSim.Core.Parameters;

/// <summary>
/// Values for the parameters of <see cref="ParameterCatalog"/>: the default unless set, with
/// where each set value came from, so a model description can say it.
/// </summary>
public sealed class ParameterSet
{
    private readonly ImmutableSortedDictionary<string, (double Value, string Source)> _set;

    private ParameterSet(ImmutableSortedDictionary<string, (double Value, string Source)> set) => _set = set;

    /// <summary>Every parameter at its default.</summary>
    public static ParameterSet Defaults { get; } = new(ImmutableSortedDictionary<string, (double, string)>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The value of the parameter with the dotted key <c>group.name</c>.</summary>
    public double this[string key] =>
        _set.TryGetValue(key, out var entry) ? entry.Value : Definition(key).Default;

    /// <summary>Where the value of a parameter came from: <c>default</c>, or the source recorded when it was set.</summary>
    public string SourceOf(string key) =>
        _set.TryGetValue(key, out var entry) ? entry.Source : "default";

    /// <summary>The parameters that differ from their default source, by key.</summary>
    public IEnumerable<KeyValuePair<string, double>> Overrides => _set.Select(p => KeyValuePair.Create(p.Key, p.Value.Value));

    /// <summary>A copy with one parameter set, recording its source (for example <c>lens realist</c> or <c>scenario</c>).</summary>
    public ParameterSet With(string key, double value, string source)
    {
        var definition = Definition(key);
        if (!definition.Accepts(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Parameter {key} must be a number in [{definition.Min}, {definition.Max}].");
        }

        return new ParameterSet(_set.SetItem(key, (value, source)));
    }

    /// <summary>A copy with every value of <paramref name="values"/> set from <paramref name="source"/>.</summary>
    public ParameterSet With(IEnumerable<KeyValuePair<string, double>> values, string source)
    {
        var result = this;
        foreach (var (key, value) in values)
        {
            result = result.With(key, value, source);
        }

        return result;
    }

    private static ParameterDefinition Definition(string key) =>
        ParameterCatalog.Find(key) ?? throw new ArgumentException($"Unknown parameter '{key}'.", nameof(key));
}

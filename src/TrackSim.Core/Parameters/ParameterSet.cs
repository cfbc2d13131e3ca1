using System.Collections.Immutable;

namespace TrackSim.Core.Parameters;

/// <summary>
/// Values for the parameters of <see cref="ParameterCatalog"/>: the default unless set, with
/// where each set value came from, so a model description can say it. A parameter of
/// <see cref="ParameterScope.State"/> can also hold a value for one state, written
/// <c>group.name[STATE]</c>, which wins over the value for all states.
/// </summary>
public sealed class ParameterSet
{
    private readonly ImmutableSortedDictionary<string, (double Value, string Source)> _set;

    private ParameterSet(ImmutableSortedDictionary<string, (double Value, string Source)> set) => _set = set;

    /// <summary>Every parameter at its default.</summary>
    public static ParameterSet Defaults { get; } = new(ImmutableSortedDictionary<string, (double, string)>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The value of the parameter with the dotted key <c>group.name</c> (or <c>group.name[STATE]</c>).</summary>
    public double this[string key]
    {
        get
        {
            if (_set.TryGetValue(key, out var entry))
            {
                return entry.Value;
            }

            var (definition, state) = Parse(key);
            return state is null ? definition.Default : this[definition.Key];
        }
    }

    /// <summary>The value of a parameter for one state: its own if set, else the value for all states.</summary>
    public double Of(string key, string stateId) => this[StateKey(key, stateId)];

    /// <summary>Where the value of a parameter came from: <c>default</c>, or the source recorded when it was set.</summary>
    public string SourceOf(string key) =>
        _set.TryGetValue(key, out var entry) ? entry.Source : "default";

    /// <summary>The parameters that differ from their default source, by key (per-state values as <c>group.name[STATE]</c>).</summary>
    public IEnumerable<KeyValuePair<string, double>> Overrides => _set.Select(p => KeyValuePair.Create(p.Key, p.Value.Value));

    /// <summary>The key of a parameter's value for one state, <c>group.name[STATE]</c>.</summary>
    public static string StateKey(string key, string stateId) => $"{key}[{stateId}]";

    /// <summary>A copy with one parameter set, recording its source (for example <c>lens realist</c> or <c>scenario</c>).</summary>
    /// <param name="key"><c>group.name</c>, or <c>group.name[STATE]</c> for a parameter of a state.</param>
    /// <param name="value">The value, inside the parameter's range.</param>
    /// <param name="source">Where the value comes from.</param>
    public ParameterSet With(string key, double value, string source)
    {
        var (definition, _) = Parse(key);
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

    /// <summary>The definition a key names and the state it is for (null for all states).</summary>
    private static (ParameterDefinition Definition, string? State) Parse(string key)
    {
        int open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return (Definition(key), null);
        }

        if (!key.EndsWith(']') || open == key.Length - 2)
        {
            throw new ArgumentException($"'{key}' is not a parameter key: expected group.name or group.name[STATE].", nameof(key));
        }

        var definition = Definition(key[..open]);
        if (definition.Scope != ParameterScope.State)
        {
            throw new ArgumentException($"Parameter {definition.Key} is one value for the whole model; it cannot be set for one state.", nameof(key));
        }

        return (definition, key[(open + 1)..^1]);
    }

    private static ParameterDefinition Definition(string key) =>
        ParameterCatalog.Find(key) ?? throw new ArgumentException($"Unknown parameter '{key}'.", nameof(key));
}

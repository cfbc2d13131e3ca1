using System.Collections.Frozen;
using TrackSim.Core.Engine;

namespace TrackSim.Core.Parameters;

/// <summary>
/// Every model parameter, collected from the rules in the order of the step (each rule file
/// declares its own parameters: key, default, range, unit and meaning are written once, there).
/// The scenario schema, the validation and the docs are built from this list. Rates are per
/// year and converted to the scenario's step length by the rules.
/// </summary>
public static class ParameterCatalog
{
    private static readonly FrozenDictionary<string, ParameterDefinition> ByKey;

#pragma warning disable CA1810 // The catalog and its indices are built together from the rules, in one pass.
    static ParameterCatalog()
#pragma warning restore CA1810
    {
        var all = new List<ParameterDefinition>();
        var mechanisms = new List<Mechanism>();
        var keys = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var rule in ModelRules.Step)
        {
            if (rule.Mechanism is { } mechanism)
            {
                mechanisms.Add(mechanism);
            }

            foreach (var definition in rule.Parameters)
            {
                if (!keys.TryAdd(definition.Key, definition))
                {
                    throw new InvalidOperationException($"Parameter {definition.Key} is declared twice (the second time by {rule.RuleId}).");
                }

                definition.Index = all.Count;
                all.Add(definition);
            }
        }

        All = all;
        Mechanisms = mechanisms;
        ByKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
        Groups = [.. all.Select(p => p.Group).Distinct()];
    }

    /// <summary>All parameter definitions in the order of the rules that declare them.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; }

    /// <summary>The group names in documentation order.</summary>
    public static IReadOnlyList<string> Groups { get; }

    /// <summary>Every mechanism switch, in the order of the rules that declare them.</summary>
    internal static IReadOnlyList<Mechanism> Mechanisms { get; }

    /// <summary>The definition with the dotted key <c>group.name</c>, or null.</summary>
    public static ParameterDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The definitions of one group, in documentation order.</summary>
    public static IEnumerable<ParameterDefinition> InGroup(string group) => All.Where(p => p.Group == group);
}

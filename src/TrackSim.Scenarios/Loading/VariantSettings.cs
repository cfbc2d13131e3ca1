using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// A variant's <c>set</c>: values set by path in the scenario, as <c>--set</c> sets them, before
/// the variant's other changes. For each variant that sets values, a copy of the scenario tree
/// (its variants' own <c>set</c> taken out) gets them with the <c>--set</c> machinery and is
/// checked and mapped like a file; the result is the variant's <see cref="VariantSpec.Base"/>.
/// Every problem is reported in the file, at the variant's <c>set</c>: a bad path or value at its
/// key, a problem it causes elsewhere (a <c>citizens.per_state</c> too small for the network's
/// degree) at the <c>set</c> key, naming the place.
/// </summary>
internal static class VariantSettings
{
    // Above the lines of the command line's overrides (Overrides.FirstSyntheticLine + N), so the
    // nodes a variant's values make are told apart from theirs.
    private const int FirstLine = 1_500_000_000;

    /// <summary>
    /// The scenario with every variant's <see cref="VariantSpec.Base"/> set; problems go to
    /// <paramref name="context"/>, and then the result is null.
    /// </summary>
    /// <param name="root">The scenario tree as checked and mapped (with the command line's overrides in place).</param>
    /// <param name="scenario">The scenario mapped from it, without errors.</param>
    /// <param name="context">The file's diagnostics.</param>
    /// <param name="defaultName">The scenario's name when it gives none.</param>
    public static Scenario? Apply(YamlMapping root, Scenario scenario, ValidationContext context, string defaultName)
    {
        if (root.Get("variants") is not YamlSequence items)
        {
            return scenario;
        }

        var variants = scenario.Variants.ToList();
        int errors = context.Errors.Count;
        for (int k = 0; k < items.Items.Count; k++)
        {
            if (items.Items[k] is not YamlMapping item || item.Get("set") is not YamlMapping set || set.Entries.Count == 0)
            {
                continue;
            }

            string path = YamlPath.Key(YamlPath.Index("variants", k), "set");
            var name = (item.Get("name") as YamlScalar)?.Value;
            int index = variants.FindIndex(v => v.Name == name);
            if (Base(root, set, path, item.KeyNode("set")!.Position, context, defaultName) is { } start && index >= 0)
            {
                variants[index] = variants[index] with { Base = start with { Variants = [] } };
            }
        }

        return context.Errors.Count > errors ? null : scenario with { Variants = [.. variants] };
    }

    /// <summary>The scenario with one variant's values in place, or null after reporting why not.</summary>
    private static Scenario? Base(YamlMapping root, YamlMapping set, string path, Position setKey, ValidationContext context, string defaultName)
    {
        // A value refused outright is reported and left out; the others are still tried, so
        // that every problem is reported at once.
        var overrides = new List<Override>();
        var keys = new List<YamlScalar>();
        bool refused = false;
        foreach (var (key, value) in set.Entries)
        {
            if (Refusal(key.Value) is { } reason)
            {
                context.Error(key, YamlPath.Key(path, key.Value), reason);
                refused = true;
                continue;
            }

            var scalar = (YamlScalar)value;
            overrides.Add(new Override(key.Value, scalar.IsPlain ? scalar.Value : $"\"{scalar.Value}\""));
            keys.Add(key);
        }

        var copy = (YamlMapping)Copy(root);
        if (copy.Get("variants") is YamlSequence variants)
        {
            foreach (var variant in variants.Items.OfType<YamlMapping>())
            {
                variant.Entries.RemoveAll(e => e.Key.Value == "set");
            }
        }

        var own = new ValidationContext(context.File);
        Overrides.Apply(copy, overrides, own, FirstLine);
        ScenarioSchema.Root.Validate(copy, string.Empty, own);
        var scenario = ScenarioMapper.Map(copy, own, defaultName);
        foreach (var diagnostic in own.Errors.Distinct())
        {
            int entry = diagnostic.Line - FirstLine;
            if (entry >= 0 && entry < keys.Count)
            {
                context.Error(keys[entry], YamlPath.Key(path, keys[entry].Value), diagnostic.Message);
            }
            else
            {
                string where = diagnostic.Line < Overrides.FirstSyntheticLine ? string.Create(CultureInfo.InvariantCulture, $" (line {diagnostic.Line})") : string.Empty;
                context.Error(setKey, path, $"with the values this variant sets, {(diagnostic.Path.Length == 0 ? "the scenario" : diagnostic.Path)}{where}: {diagnostic.Message}");
            }
        }

        return own.Errors.Count == 0 && !refused ? scenario : null;
    }

    /// <summary>Why a path may not be set by a variant, or null when it may.</summary>
    private static string? Refusal(string path)
    {
        int end = path.IndexOfAny(['.', '[']);
        string first = end < 0 ? path : path[..end];
        if (ScenarioSchema.SharedByVariants.Contains(first))
        {
            return $"a variant cannot set {first}: every variant shares it (the variants are compared step by step on one calendar, from one ensemble)";
        }

        return path == "id" || path.EndsWith(".id", StringComparison.Ordinal)
            ? "a variant cannot change an id: the variant's other keys, its results and the comparisons with the base name things by their ids"
            : null;
    }

    /// <summary>A copy of the tree whose mappings and lists are new (a list or mapping an alias repeats is copied at each place); scalars are shared, as the overrides replace them rather than change them.</summary>
    private static YamlNode Copy(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var map = new YamlMapping(mapping.Position);
                map.Entries.AddRange(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, Copy(e.Value))));
                return map;
            case YamlSequence sequence:
                var list = new YamlSequence(sequence.Position);
                list.Items.AddRange(sequence.Items.Select(Copy));
                return list;
            default:
                return node;
        }
    }
}

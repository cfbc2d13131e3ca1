using System.Collections.Immutable;
using TrackSim.Scenarios.Schema;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Loading;

/// <summary>
/// The node tree of a scenario text with overrides applied, exactly as <see cref="ScenarioLoader"/>
/// validates it, so that a scenario with changes can be written back as a file
/// (<see cref="YamlTreeWriter"/>) that loads to the same scenario with no overrides.
/// </summary>
public static class ScenarioTree
{
    /// <summary>
    /// Reads <paramref name="text"/> and applies <paramref name="overrides"/> to its tree; the tree is
    /// null, with the problems, when the text is not a YAML mapping or an override names no value of it.
    /// The tree is not validated: load the text with the same overrides for that.
    /// </summary>
    /// <param name="text">The scenario text.</param>
    /// <param name="file">The name messages give the text.</param>
    /// <param name="overrides">Values to set, as <c>--set</c> sets them.</param>
    public static (YamlMapping? Tree, ImmutableArray<Diagnostic> Errors) WithOverrides(string text, string file, IReadOnlyList<Override> overrides)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(overrides);
        var context = new ValidationContext(file);
        var root = YamlTreeReader.Read(text, file, context.Errors);
        if (root is not YamlMapping mapping)
        {
            return (null, root is null ? [.. context.Errors] : [new Diagnostic(file, 1, 1, string.Empty, $"expected a scenario mapping, found {root.KindName}")]);
        }

        Overrides.Apply(mapping, overrides, context);
        return context.Errors.Count == 0 ? (mapping, []) : (null, [.. context.Errors.Select(e => Overrides.Relocate(e, overrides))]);
    }
}

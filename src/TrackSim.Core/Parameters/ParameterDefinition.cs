namespace TrackSim.Core.Parameters;

/// <summary>A model parameter: where it lives, its default, its documented range and unit.</summary>
/// <param name="Group">Mechanism group, the key under <c>parameters</c> in a scenario.</param>
/// <param name="Name">Name within the group.</param>
/// <param name="Default">Value used when neither the lens nor the scenario sets one.</param>
/// <param name="Min">Smallest allowed value (inclusive).</param>
/// <param name="Max">Largest allowed value (inclusive).</param>
/// <param name="Unit">Unit, for the docs and the model description.</param>
/// <param name="Description">What the parameter means, in one sentence.</param>
/// <remarks>
/// A rule declares its parameters as static fields; <see cref="ParameterCatalog"/> collects them
/// from the rules in step order and numbers them, so a run reads a value by that number rather
/// than by its key. Records compare by value, so two definitions of one key would be one: the
/// catalog rejects a key declared twice.
/// </remarks>
public sealed record ParameterDefinition(
    string Group,
    string Name,
    double Default,
    double Min,
    double Max,
    string Unit,
    string Description)
{
    /// <summary>Whether the parameter is one value for the model or a property of each state.</summary>
    public ParameterScope Scope { get; init; } = ParameterScope.Model;

    /// <summary>The dotted key, <c>group.name</c>.</summary>
    public string Key => $"{Group}.{Name}";

    /// <summary>Position in <see cref="ParameterCatalog.All"/>, set once when the catalog is built (a field, so a run reads a value by array index).</summary>
    internal int Index { get; set; } = -1;

    /// <summary>Whether <paramref name="value"/> is a finite number inside the range.</summary>
    public bool Accepts(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}

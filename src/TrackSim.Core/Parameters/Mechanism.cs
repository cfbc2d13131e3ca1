namespace TrackSim.Core.Parameters;

/// <summary>A mechanism of the model that a scenario or variant can switch off by name.</summary>
/// <param name="Name">snake_case name used under <c>mechanisms</c> in a scenario.</param>
/// <param name="RuleId">Stable id of the rule that implements it.</param>
/// <param name="Description">What switching it off removes.</param>
/// <remarks>
/// Each rule that can be switched off declares its mechanism as a static field, and code asks
/// <see cref="MechanismSet.IsOn(Mechanism)"/> with that field, never with a string.
/// </remarks>
public sealed record Mechanism(string Name, string RuleId, string Description)
{
    /// <summary>Every mechanism, in the order of the step (collected from the rules).</summary>
    public static IReadOnlyList<Mechanism> All => ParameterCatalog.Mechanisms;

    /// <summary>The mechanism with the given name, or null.</summary>
    public static Mechanism? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}

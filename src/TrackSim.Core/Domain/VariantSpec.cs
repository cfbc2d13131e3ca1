using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// A named what-if overlay on the base scenario: values set by path in the scenario
/// (<see cref="Set"/>, which give <see cref="Base"/>), then events, initiatives, agreements,
/// parameters, mechanisms and lens changed on top.
/// </summary>
/// <param name="Name">Name (kebab or snake case), unique, not <c>base</c>.</param>
/// <param name="Description">What the variant asks.</param>
/// <param name="RemoveEvents">Ids of base events left out.</param>
/// <param name="AddEvents">Events added.</param>
/// <param name="RemoveInitiatives">Ids of base initiatives left out.</param>
/// <param name="AddInitiatives">Initiatives added.</param>
/// <param name="Parameters">Parameter values set on top of the base, by dotted key.</param>
/// <param name="Mechanisms">Mechanisms switched on (true) or off (false).</param>
/// <param name="Lens">Lens used instead of the base lens; null keeps it.</param>
/// <param name="RemoveAgreements">Ids of agreements taken off the table.</param>
public sealed record VariantSpec(
    string Name,
    string? Description,
    ImmutableArray<string> RemoveEvents,
    ImmutableArray<EventSpec> AddEvents,
    ImmutableArray<string> RemoveInitiatives,
    ImmutableArray<InitiativeSpec> AddInitiatives,
    ImmutableSortedDictionary<string, double> Parameters,
    ImmutableSortedDictionary<string, bool> Mechanisms,
    string? Lens,
    ImmutableArray<string> RemoveAgreements = default)
{
    /// <summary>Ids of agreements taken off the table; empty when none.</summary>
    public ImmutableArray<string> RemovedAgreements => RemoveAgreements.IsDefault ? [] : RemoveAgreements;

    /// <summary>The values the variant sets by path in the scenario file (<c>set</c>), as written, in file order; empty when none.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Set { get; init; } = [];

    /// <summary>
    /// The scenario with the values of <see cref="Set"/> in place and no variants, on which the
    /// variant's other changes are made; null when the variant sets no value.
    /// </summary>
    public Scenario? Base { get; init; }
}

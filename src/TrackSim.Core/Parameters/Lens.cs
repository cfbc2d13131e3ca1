using System.Collections.Immutable;

namespace TrackSim.Core.Parameters;

/// <summary>
/// A theory lens: a named bundle of parameter values that reads the same history through one
/// school of international relations. Scenario parameters override the lens.
/// </summary>
/// <param name="Name">Name used in scenarios (<c>lens: realist</c>).</param>
/// <param name="Description">What the lens assumes, in one or two sentences.</param>
/// <param name="Values">Parameter values by dotted key.</param>
public sealed record Lens(string Name, string Description, ImmutableSortedDictionary<string, double> Values)
{
    /// <summary>Every lens a scenario can name.</summary>
    public static IReadOnlyList<Lens> All { get; } =
    [
        new("functionalist",
            "Mitrany and Haas: technical cooperation builds interdependence and contact, restrains states and spills over; Track II input reaches receptive governments.",
            Bundle(
                ("posture.interdependence_restraint", 0.5),
                ("functional.growth", 0.08),
                ("functional.spillover", 0.1),
                ("contact.effect", 0.03),
                ("transfer.base", 0.6))),
        new("realist",
            "Friendly contact cannot replace official diplomacy backed by force: fear of the other's posture dominates, interdependence and Track II barely restrain states.",
            Bundle(
                ("posture.fear", 0.5),
                ("posture.interdependence_restraint", 0.02),
                ("posture.cbm_restraint", 0.1),
                ("functional.spillover", 0.0),
                ("contact.effect", 0.005),
                ("transfer.base", 0.1),
                ("outreach.effect", 0.01))),
        new("constructivist",
            "Identities and public narratives drive relations: the media and people-to-people contact weigh more than material interdependence.",
            Bundle(
                ("media.effect", 0.15),
                ("contact.effect", 0.04),
                ("outreach.effect", 0.1),
                ("posture.audience_pressure", 0.6))),
    ];

    /// <summary>The lens with the given name, or null.</summary>
    public static Lens? Find(string name) => All.FirstOrDefault(l => l.Name == name);

    private static ImmutableSortedDictionary<string, double> Bundle(params (string Key, double Value)[] values) =>
        values.ToImmutableSortedDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}

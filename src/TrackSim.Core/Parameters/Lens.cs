using System.Collections.Immutable;
using TrackSim.Core.Rules;

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
                (StPostureRule.InterdependenceRestraint, 0.5),
                (FnGrowthRule.Growth, 0.08),
                (FnSpilloverRule.Spillover, 0.1),
                (CitContactRule.Effect, 0.03),
                (T2TransferRule.Base, 0.6))),
        new("realist",
            "Friendly contact cannot replace official diplomacy backed by force: fear of the other's posture dominates, interdependence and Track II barely restrain states or inform their governments' optimism.",
            Bundle(
                (StPostureRule.Fear, 0.5),
                (StPostureRule.InterdependenceRestraint, 0.02),
                (StPostureRule.CbmRestraint, 0.1),
                (FnSpilloverRule.Spillover, 0.0),
                (CitContactRule.Effect, 0.005),
                (T2TransferRule.Base, 0.1),
                (T2OutreachRule.Effect, 0.01),
                (TiReadinessRule.BackchannelWeight, 0.1),
                (TiReadinessRule.TextWeight, 0.1),
                (TiAgreeRule.TextProgress, 0.02))),
        new("constructivist",
            "Identities and public narratives drive relations: the media and people-to-people contact weigh more than material interdependence.",
            Bundle(
                (CitMediaRule.Effect, 0.15),
                (CitContactRule.Effect, 0.04),
                (T2OutreachRule.Effect, 0.1),
                (StAudienceRule.Pressure, 0.6))),
    ];

    /// <summary>The lens with the given name, or null.</summary>
    public static Lens? Find(string name) => All.FirstOrDefault(l => l.Name == name);

    /// <summary>The values by key, from the definitions the rules declare (so a lens cannot name a parameter that does not exist).</summary>
    private static ImmutableSortedDictionary<string, double> Bundle(params (ParameterDefinition Parameter, double Value)[] values) =>
        values.ToImmutableSortedDictionary(v => v.Parameter.Key, v => v.Value, StringComparer.Ordinal);
}

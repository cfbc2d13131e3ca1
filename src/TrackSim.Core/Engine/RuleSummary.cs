using TrackSim.Core.Parameters;

namespace TrackSim.Core.Engine;

/// <summary>What a rule of the model declares, for describing the model outside the engine.</summary>
/// <param name="Id">The rule id (<c>ST-POSTURE</c>).</param>
/// <param name="Mechanism">The switch that turns it off, or null when it always runs.</param>
/// <param name="Parameters">The keys of the parameters it declares.</param>
/// <param name="Metrics">The names of the metrics it records.</param>
/// <param name="Citation">The work its equations come from, or that it has none.</param>
public sealed record RuleSummary(string Id, Mechanism? Mechanism, IReadOnlyList<string> Parameters, IReadOnlyList<string> Metrics, string Citation)
{
    /// <summary>Every rule in the order of a step.</summary>
    public static IReadOnlyList<RuleSummary> All { get; } =
    [
        .. ModelRules.Step.Select(rule => new RuleSummary(
            rule.RuleId,
            rule.Mechanism,
            [.. rule.Parameters.Select(p => p.Key)],
            [.. rule.Metrics.Select(m => m.Metric.Name)],
            rule.Citation)),
    ];
}

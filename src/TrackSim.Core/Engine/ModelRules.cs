using System.Collections.Immutable;
using TrackSim.Core.Rules;

namespace TrackSim.Core.Engine;

/// <summary>
/// The model as an ordered list of rules: the engine runs them in this order at every step, and
/// the process overview of docs/MODEL.md lists them in the same order (a test holds the two
/// together). Consecutive rules that act on one initiative at a time run initiative by initiative.
/// </summary>
internal static class ModelRules
{
    /// <summary>The rules of a step, in order.</summary>
    public static ImmutableArray<Rule> Step { get; } =
    [
        // 1. Events dated in the step, later steps of span events, injected events.
        new EventRule(),

        // 2. Incidents.
        new StIncidentsRule(),

        // 3-4. Track II, initiative by initiative: co-optation, the meeting, the transfer of its recommendations.
        new T2CooptRule(),
        new T2MeetRule(),
        new T2TransferRule(),

        // Links asked for by events and adopted recommendations.
        new FnCreateRule(),

        // 5-6. Citizens.
        new CitInfluenceRule(),
        new CitNoiseRule(),
        new CitMediaRule(),
        new CitContactRule(),
        new T2OutreachRule(),
        new CitTurnoverRule(),
        new CitPublicRule(),

        // 7. States, then functional links.
        new StAudienceRule(),
        new StPostureRule(),
        new StTensionRule(),
        new StTrustRule(),
        new StDialogueRule(),
        new FnSuspendRule(),
        new FnGrowthRule(),
        new FnSpilloverRule(),
    ];

    /// <summary>The rule with the given id, or null.</summary>
    public static Rule? Find(string ruleId) => Step.FirstOrDefault(r => r.RuleId == ruleId);
}

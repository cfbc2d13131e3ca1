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
        // 0. The governments in force: their receptivity, hawkishness, sensitivity and contacts.
        new StGovernmentRule(),

        // Journalists in Track II frame the news of the step's events for their publics.
        new T2MediaRule(),

        // 1. Spoiler attacks, then events dated in the step, later steps of span events, injected events;
        // then the sides' trust in the third parties the events name.
        new TiSpoilerRule(),
        new EventRule(),
        new T2ThirdTrustRule(),

        // 2. Incidents.
        new StIncidentsRule(),

        // 3-4. Track II, initiative by initiative: the working language, funders and drafters, co-optation,
        // the hosts, the meeting, the third-party funders' schedule, the transfer of its recommendations,
        // the links of business and faith, the youth who grow up; then the leaks and exposures of secret channels.
        new T2LanguageRule(),
        new T2FundingRule(),
        new T2ResearchRule(),
        new T2CooptRule(),
        new T2ThirdHostRule(),
        new T2MeetRule(),
        new T2ThirdFundingRule(),
        new T2TransferRule(),
        new T2BusinessRule(),
        new T2FaithRule(),
        new T2PipelineRule(),
        new T2SecrecyRule(),

        // Links asked for by events and adopted recommendations.
        new FnCreateRule(),

        // 5-6. Citizens, with the contact that citizen exchanges bring.
        new T2ExchangeRule(),
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
        new T2ActivismRule(),
        new TiReadinessRule(),
        new TiTalksRule(),
        new TiGuaranteeRule(),
        new TiAgreeRule(),
        new FnSuspendRule(),
        new FnGrowthRule(),
        new FnSpilloverRule(),
    ];

    /// <summary>
    /// <see cref="Step"/> as the engine runs it: each entry one rule, or a run of consecutive
    /// initiative rules that go together initiative by initiative (see <see cref="InitiativeRule"/>).
    /// </summary>
    public static ImmutableArray<ImmutableArray<Rule>> Stages { get; } = GroupInitiativeRules(Step);

    private static ImmutableArray<ImmutableArray<Rule>> GroupInitiativeRules(ImmutableArray<Rule> rules)
    {
        var stages = ImmutableArray.CreateBuilder<ImmutableArray<Rule>>();
        for (int r = 0; r < rules.Length; r++)
        {
            int end = r + 1;
            while (rules[r] is InitiativeRule && end < rules.Length && rules[end] is InitiativeRule)
            {
                end++;
            }

            stages.Add(rules[r..end]);
            r = end - 1;
        }

        return stages.ToImmutable();
    }
}

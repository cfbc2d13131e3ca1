using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-THIRD-HOST: third parties that host, convene, facilitate or guarantee an initiative (Kydd 2003; Beardsley 2011; Kelman's third-party panel).
/// <para>
/// The sides' trust in an initiative's hosts is h = min over its states s of (max over its hosts k
/// of τ_sk), with τ the trust T2-THIRD-TRUST keeps: each side is reassured by the host it trusts
/// most (a co-host pair such as Cuba and Norway at Havana balances the sides' leanings), and the
/// least reassured side limits the process, since a mediator helps only if it is credible to the
/// side it must convince (Kydd 2003). The minimum rather than the product: the product would count
/// a neutral host (0.5 for both) as a quarter and penalise every host twice for the same doubt.
/// A meeting of a hosted initiative builds cross-side trust with the contact gain of T2-MEET times
/// 1 + η·(2h − 1), η = <c>third_party.host_effect</c>: a trusted host speeds it, a distrusted one
/// slows it, a neutral one (h = 0.5) leaves it as it is. A facilitator or mediator host also
/// carries texts between the sides: with h_t the same trust over the hosts that carry texts, the
/// convergence of T2-MEET is multiplied by 1 + χ·h_t, χ = <c>third_party.text_effect</c> (Beardsley
/// 2011: mediators' proposals make agreements more likely). The linear forms and the defaults are
/// assumptions of TrackSim's, chosen so that a neutral host leaves trust-building unchanged; no
/// study gives their size. Switched off, or without hosts, both factors are 1.
/// </para>
/// </summary>
internal sealed class T2ThirdHostRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    [],
    "Kydd, A. (2003). Which side are you on? Bias, credibility, and mediation. American Journal of Political Science 47(4); Beardsley, K. (2011). The Mediation Dilemma. Cornell University Press; Kelman, H. C. (1972). The problem-solving workshop in conflict resolution (the third-party panel).")
{
    public const string Id = "T2-THIRD-HOST";

    public static readonly Mechanism Switch = new("third_party_hosts", Id, "hosts of initiatives speeding or slowing trust-building by the sides' trust in them, and carrying texts");

    public static readonly ParameterDefinition HostEffect = new("third_party", "host_effect", 0.5, 0, 1, "1", "Change of the trust a meeting builds across the sides with a host both sides trust fully (+) or not at all (-), as a share of T2-MEET's contact gain.");
    public static readonly ParameterDefinition TextEffect = new("third_party", "text_effect", 0.5, 0, 2, "1", "Rise of the convergence of positions at a meeting with a facilitator or mediator host both sides trust fully, as a share of T2-MEET's convergence.");

    private static readonly ParameterDefinition[] Declared = [HostEffect, TextEffect];

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        initiative.ContactFactor = 1;
        initiative.TextFactor = 1;
        if (initiative.Hosts.Length == 0 || !world.On(Switch))
        {
            return;
        }

        double h = ThirdPartyRuntime.Reassurance(world.ThirdParties, initiative.States, initiative.Hosts, textsOnly: false);
        initiative.ContactFactor = 1 + (world.P[HostEffect] * ((2 * h) - 1));
        double texts = ThirdPartyRuntime.Reassurance(world.ThirdParties, initiative.States, initiative.Hosts, textsOnly: true);
        if (texts >= 0)
        {
            initiative.TextFactor = 1 + (world.P[TextEffect] * texts);
        }
    }
}

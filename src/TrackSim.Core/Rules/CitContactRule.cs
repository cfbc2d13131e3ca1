using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-CONTACT: the contact hypothesis (Allport 1954; Pettigrew and Tropp 2006).
/// <para>
/// Trust is directed: each state's citizens meet each actor they relate to through the active
/// functional links of the dyad with it (their summed strength L_st, plus, toward a state with
/// citizens, the contact its citizen exchanges bring, set by T2-EXCHANGE) and through their own
/// active ties to its citizens, at
/// <c>contact.rate</c> contacts per year per unit; a share <c>contact.negative_share</c> of
/// contacts is negative, and the effect <c>contact.effect</c> is weighted by the mean of
/// Allport's four conditions (the kernel <see cref="Contact"/>). Rate and effect are parameters of a
/// state: how often a public meets the other side per link or tie (a small nation's citizens meet
/// a large neighbour's more often than the other way round) and how much a contact moves it; the
/// negative share and Allport's conditions describe the contact situation both sides share.
/// </para>
/// </summary>
internal sealed class CitContactRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Allport, G. W. (1954). The Nature of Prejudice. Addison-Wesley; Pettigrew, T. F., and Tropp, L. R. (2006). A meta-analytic test of intergroup contact theory. Journal of Personality and Social Psychology 90.")
{
    public const string Id = "CIT-CONTACT";

    public static readonly Mechanism Switch = new("contact", Id, "cross-border contact through functional links and ties");

    public static readonly ParameterDefinition Rate = new("contact", "rate", 0.5, 0, 365, "contacts/year", "Cross-border contacts per year per unit of active functional-link strength or per cross-border tie.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Effect = new("contact", "effect", 0.02, 0, 1, "trust per contact", "Trust gained from one positive contact under ideal conditions.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition NegativeShare = new("contact", "negative_share", 0.15, 0, 1, "1", "Share of contacts that are negative and lower trust.");
    public static readonly ParameterDefinition EqualStatus = new("contact", "equal_status", 0.6, 0, 1, "1", "Allport's condition: equal status in the contact situation.");
    public static readonly ParameterDefinition CommonGoals = new("contact", "common_goals", 0.6, 0, 1, "1", "Allport's condition: common goals.");
    public static readonly ParameterDefinition Cooperation = new("contact", "cooperation", 0.6, 0, 1, "1", "Allport's condition: intergroup cooperation.");
    public static readonly ParameterDefinition InstitutionalSupport = new("contact", "institutional_support", 0.6, 0, 1, "1", "Allport's condition: support of authorities, law or custom.");

    private static readonly ParameterDefinition[] Declared = [Rate, Effect, NegativeShare, EqualStatus, CommonGoals, Cooperation, InstitutionalSupport];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        var p = world.P;
        var citizens = world.Citizens;
        var population = citizens.Population;
        for (int s = 0; s < population.StateCount; s++)
        {
            citizens.ContactRate[s] = p.Of(Rate, s);
            citizens.ContactEffect[s] = p.Of(Effect, s);
        }

        // Trust toward each actor grows with contact through the links of the dyad with it and
        // the ties to its citizens (a non-state party has links at most, no citizens).
        double allport = Contact.AllportFactor(p[EqualStatus], p[CommonGoals], p[Cooperation], p[InstitutionalSupport]);
        var links = citizens.LayerValues;
        for (int k = 0; k < population.Layers; k++)
        {
            for (int s = 0; s < population.StateCount; s++)
            {
                var targets = population.TargetsOf(s);
                links[s] = k >= targets.Length ? 0
                    : world.ActiveStrength(world.DyadOf(s, targets[k])) + (targets[k] < population.StateCount ? world.ExchangeContact[s] : 0);
            }

            Contact.Apply(population, k, links, citizens.ContactRate, world.Dt, citizens.ContactEffect, p[NegativeShare], allport, citizens.Threads);
        }
    }
}

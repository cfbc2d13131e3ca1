using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-TRANSFER: a joint recommendation reaching Track I (Kelman 1972; Chataway 1998 on the transfer problem).
/// <para>
/// A recommendation is adopted with probability
/// b · Ā · R̄ · (1 − τ·T) · (1 − η·H̄), with b = <c>transfer.base</c>, Ā the mean access of the
/// sides' participants present at the meeting (a third party's participants carry texts between the
/// sides, not into a government of their own), R̄ the mean receptivity of the governments that receive
/// it (as ST-GOVERNMENT keeps it: <c>transfer.receptivity</c> of the state, or its government
/// period), T the highest tension among their dyads, H̄ the mean hostile share of their publics,
/// τ = <c>transfer.tension_penalty</c> and η = <c>transfer.hostility_penalty</c>. The governments
/// that receive it are those of the initiative's states that allow contacts with the other side;
/// a government that bans them receives nothing. An adopted recommendation adds
/// <c>transfer.cbm_per_adoption</c> to the CBM stock of each dyad among the receiving governments and <c>trust.track2_gain</c> of the gap to 1
/// in official trust; on a topic named after a sector it creates a link in that sector where the
/// dyad has none; and it is an agreed text the governments have received on the topic (weighing
/// 1 + δ in their stock, δ the extra weight of a text the initiative's drafters wrote, T2-RESEARCH), which
/// raises their optimism about agreements on it (TI-READINESS) and moves the negotiation of those
/// agreements on (TI-AGREE). Each topic agreed at a meeting of this
/// step is one recommendation, in topic order, right after the meeting (before the next
/// initiative's meeting).
/// </para>
/// </summary>
internal sealed class T2TransferRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Kelman, H. C. (1972). The problem-solving workshop in conflict resolution; Chataway, C. J. (1998). Track II diplomacy: from a Track I perspective. Negotiation Journal 14(3).")
{
    public const string Id = "T2-TRANSFER";

    public static readonly Mechanism Switch = new("transfer", Id, "recommendations reaching Track I and their adoption");

    public static readonly ParameterDefinition TrustGain = new("trust", "track2_gain", 0.03, 0, 1, "trust per recommendation", "Share of the gap to 1 closed by an adopted Track II recommendation.");
    public static readonly ParameterDefinition Base = new("transfer", "base", 0.5, 0, 1, "probability", "Chance that a recommendation from participants of full access reaches a fully receptive government.");
    public static readonly ParameterDefinition TensionPenalty = new("transfer", "tension_penalty", 0.8, 0, 1, "1", "Drop in receptivity at tension 1.");
    public static readonly ParameterDefinition HostilityPenalty = new("transfer", "hostility_penalty", 0.5, 0, 1, "1", "Drop in receptivity with a fully hostile public.");
    public static readonly ParameterDefinition CbmPerAdoption = new("transfer", "cbm_per_adoption", 0.2, 0, 5, "CBM", "Confidence-building-measure stock added per adopted recommendation.");
    public static readonly ParameterDefinition Receptivity = new("transfer", "receptivity", 0.5, 0, 1, "1", "Receptivity of the government to Track II input where no government period says otherwise.") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [TrustGain, Base, TensionPenalty, HostilityPenalty, CbmPerAdoption, Receptivity];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.RecommendationsAdopted, (world, i) => world.Initiatives[i].RecommendationsAdopted)];

    /// <summary>Passes on the recommendations of a meeting the initiative held in this step.</summary>
    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        if (!initiative.MetThisStep)
        {
            return;
        }

        var topics = initiative.Spec.Topics;
        for (int t = 0; t < topics.Length; t++)
        {
            if (initiative.Agreed[t])
            {
                Recommend(world, initiative, topics[t]);
            }
        }
    }

    /// <summary>One recommendation on <paramref name="topic"/>: adopted or not, and what adoption does.</summary>
    public static void Recommend(World world, InitiativeRuntime initiative, TopicSpec topic)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(topic);
        if (!world.On(Switch))
        {
            return;
        }

        double chance = AdoptionChance(world, initiative);
        if (world.TransferStream.NextDouble() >= chance)
        {
            return;
        }

        var p = world.P;
        initiative.RecommendationsAdopted++;
        world.Record(Id, initiative.Spec.Id, $"recommendation on {topic.Name} adopted (chance {chance.ToString("0.##", CultureInfo.InvariantCulture)})");
        var sector = SectorOf(topic);
        foreach (var dyad in initiative.Dyads)
        {
            // A government that bans contacts with the other side receives nothing from Track II.
            if (!Receives(world, dyad))
            {
                continue;
            }

            dyad.CbmStock += p[CbmPerAdoption];
            if (world.On(StTrustRule.Switch))
            {
                dyad.OfficialTrust += p[TrustGain] * (1 - dyad.OfficialTrust);
            }

            if (sector is { } s)
            {
                world.LinkRequests.Add(new LinkRequest(dyad, dyad.NewLinkId(s, world.Step), s, p[FnSpilloverRule.Strength], p[FnSpilloverRule.Threshold], null, OnlyIfSectorFree: true, $"created after a recommendation of {initiative.Spec.Id} was adopted"));
            }

            int k = world.TopicIndex(topic.Id);
            // A text drafted with academics and mediators weighs more (T2-RESEARCH).
            dyad.Texts[k] += 1 + initiative.Drafting;
            dyad.NewTexts[k]++;
        }
    }

    /// <summary>The chance that a recommendation of the initiative is adopted now.</summary>
    /// <remarks>
    /// Ā is the mean access of the sides' participants present at the meeting (<see cref="InitiativeRuntime.Present"/>);
    /// Q̄, H̄ and T are taken over the governments that receive the recommendation: the
    /// initiative's states that allow contacts, and the dyads among them.
    /// </remarks>
    public static double AdoptionChance(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        var p = world.P;

        // Plain loops rather than LINQ, which allocated at every agreed topic; each mean sums
        // from the first value and divides by the count, and the maximum keeps the first of
        // equal values and passes over NaN, as Enumerable.Average and Max do, so the chance
        // is bit for bit the one LINQ gave.
        var participants = initiative.Participants;
        var present = initiative.Present;
        double access = 0;
        int attending = 0;
        for (int q = 0; q < participants.Length; q++)
        {
            if (present[q] && !participants[q].OfThirdParty)
            {
                access = attending == 0 ? participants[q].Access : access + participants[q].Access;
                attending++;
            }
        }

        var states = world.States;
        double receptivity = 0;
        double hostile = 0;
        int receiving = 0;
        foreach (int s in initiative.States)
        {
            if (states[s].ContactsBanned)
            {
                continue;
            }

            receptivity = receiving == 0 ? states[s].Receptivity : receptivity + states[s].Receptivity;
            hostile = receiving == 0 ? states[s].HostileShare : hostile + states[s].HostileShare;
            receiving++;
        }

        if (attending == 0 || receiving == 0)
        {
            throw new InvalidOperationException($"Initiative {initiative.Spec.Id} has no participants present or no state that receives its recommendations.");
        }

        access /= attending;
        receptivity /= receiving;
        hostile /= receiving;
        double tension = 0;
        bool first = true;
        foreach (var dyad in initiative.Dyads)
        {
            if (!Receives(world, dyad))
            {
                continue;
            }

            double x = dyad.Tension;
            if (first || x > tension || double.IsNaN(tension))
            {
                tension = x;
            }

            first = false;
        }

        return p[Base] * access * receptivity * (1 - (p[TensionPenalty] * tension)) * (1 - (p[HostilityPenalty] * hostile));
    }

    /// <summary>Whether both governments of the dyad receive Track II recommendations (neither bans contacts).</summary>
    public static bool Receives(World world, DyadRuntime dyad)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(dyad);
        return !world.States[dyad.A].ContactsBanned && !world.States[dyad.B].ContactsBanned;
    }

    /// <summary>The topic's sector, when its id names one (a recommendation on it can create a link).</summary>
    public static Sector? SectorOf(TopicSpec topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Enum.TryParse<Sector>(topic.Id, ignoreCase: true, out var sector) && Enum.IsDefined(sector) && !int.TryParse(topic.Id, out _) ? sector : null;
    }
}

using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// TI-READINESS: each government's readiness to negotiate, from motivation and optimism
/// (Pruitt's readiness theory; Zartman's ripeness).
/// <para>
/// For government i of a dyad, with C the felt cost of the conflict (tension averaged over the
/// recent past: C moves toward tension by 1 − e^(−Δt/c) of the gap each step, c =
/// <c>readiness.cost_memory</c>, so a crisis raises motivation over months, not at once), Y the years tension has stayed at or
/// above <c>readiness.hurting_tension</c> (the stalemate clock; it restarts when tension falls
/// below), π_i the public trust of i's citizens in the other (a peace constituency; 0 for a non-state party, which has no public in the model), τ official
/// trust, W_i the working trust i draws from Track II (over the dyad's running initiatives, the
/// highest mean of access × cross-side trust of i's participants whose group takes part on the
/// step's first day and who have a counterpart of another side taking part; 0 while i bans
/// contacts with the other side) and h_i the leadership's
/// hawkishness as ST-GOVERNMENT keeps it:
/// motivation M_i = 1 − (1 − c_T·C)(1 − c_S·(1 − e^(−Y/y)))(1 − c_P·π_i)(1 − A_i), A_i the
/// pressure for peace of i's activists in Track II (set by T2-ACTIVISM),
/// optimism O_i = 1 − (1 − τ)(1 − c_W·W_i),
/// readiness R_i = √(M_i·O_i)·(1 − c_H·h_i)·(1 − χ_i) (both are necessary: either at 0 gives 0; the
/// geometric mean keeps readiness on the scale of its parts; χ_i is the share a government
/// withholds for a while after a secret channel it was party to is exposed, set by T2-SECRECY),
/// with c_T = <c>readiness.tension_weight</c>, c_S = <c>readiness.stalemate_weight</c>,
/// y = <c>readiness.stalemate_years</c>, c_P = <c>readiness.public_weight</c>,
/// c_W = <c>readiness.backchannel_weight</c> and c_H = <c>readiness.hawkishness_weight</c>.
/// Each source of optimism can only add to it (a noisy-or), so Track II never lowers readiness.
/// The stock of agreed Track II texts received on each topic (added by T2-TRANSFER) fades with
/// half-life <c>readiness.text_half_life</c>; on an agreement's topic it raises optimism further
/// (TI-AGREE), by the weight <c>readiness.text_weight</c>. The weights c_T, c_S, c_P, c_W and the
/// text weight are parameters of a state, read for government i: how much each government draws
/// from cost, stalemate, its public, its backchannel and agreed texts. The felt cost, the
/// stalemate clock and the text stock belong to the dyad, so their time scales and the hurting
/// level are one value; c_H scales the hawkishness h_i, which is already the state's own.
/// </para>
/// </summary>
internal sealed class TiReadinessRule() : Rule(
    Id,
    null,
    Declared,
    Recorded,
    "Pruitt, D. G. (2007). Readiness theory and the Northern Ireland conflict. American Behavioral Scientist 50(11); Zartman, I. W. (2000). Ripeness: the hurting stalemate and beyond. In Stern and Druckman (eds.), International Conflict Resolution after the Cold War. National Academies Press.")
{
    public const string Id = "TI-READINESS";

    public static readonly ParameterDefinition TensionWeight = new("readiness", "tension_weight", 0.6, 0, 1, "1", "Motivation a government draws from tension 1 (the cost and risk of the conflict).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition CostMemory = new("readiness", "cost_memory", 1.0, 0.01, 100, "years", "Time over which the governments feel the cost of the conflict: the felt cost follows tension with this time constant.");
    public static readonly ParameterDefinition StalemateWeight = new("readiness", "stalemate_weight", 0.5, 0, 1, "1", "Motivation from a long hurting stalemate.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition HurtingTension = new("readiness", "hurting_tension", 0.5, 0, 1, "tension", "Tension at or above which the stalemate hurts and its clock runs.");
    public static readonly ParameterDefinition StalemateYears = new("readiness", "stalemate_years", 3.0, 0.05, 100, "years", "Years of hurting stalemate that bring 63 % of its motivation.");
    public static readonly ParameterDefinition PublicWeight = new("readiness", "public_weight", 0.5, 0, 1, "1", "Motivation from a public that fully trusts the other nation (a peace constituency).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition BackchannelWeight = new("readiness", "backchannel_weight", 0.5, 0, 1, "1", "Optimism from full working trust carried in by Track II participants with full access.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition TextWeight = new("readiness", "text_weight", 0.5, 0, 1, "1", "Optimism about an agreement from a large stock of agreed Track II texts on its topic.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition TextHalfLife = new("readiness", "text_half_life", 5.0, 0.1, 100, "years", "Half-life of the stock of Track II texts the governments have received.");
    public static readonly ParameterDefinition HawkishnessWeight = new("readiness", "hawkishness_weight", 0.5, 0, 1, "1", "Share of readiness a fully hawkish leadership withholds.");

    private static readonly ParameterDefinition[] Declared = [TensionWeight, CostMemory, StalemateWeight, HurtingTension, StalemateYears, PublicWeight, BackchannelWeight, TextWeight, TextHalfLife, HawkishnessWeight];
    private static readonly MetricReader[] Recorded =
    [
        new(MetricCatalog.Readiness, (world, d) => world.Dyads[d].MinReadiness),
        new(MetricCatalog.Motivation, (world, s) => MeanOverDyads(world, s, d => d.Motivation)),
        new(MetricCatalog.Optimism, (world, s) => MeanOverDyads(world, s, d => d.Optimism)),
    ];

    /// <summary>Readiness at the start, so the first step's decisions and the first record see it.</summary>
    public override void Initialize(World world) => Apply(world, fadeTexts: false);

    public override void Apply(World world) => Apply(world, fadeTexts: true);

    /// <summary>Optimism of government <paramref name="side"/> about an agreement on <paramref name="topic"/>, with the Track II texts received on it.</summary>
    /// <remarks><paramref name="topic"/> is the index in <c>World.Topics</c>, or -1 for none.</remarks>
    public static double TopicOptimism(World world, DyadRuntime dyad, int side, int topic)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(dyad);
        return GovernmentReadiness.TopicOptimism(dyad, side, topic, world.P.Of(TextWeight, side == 0 ? dyad.A : dyad.B));
    }

    /// <summary>Readiness of government <paramref name="side"/> for an agreement on <paramref name="topic"/>.</summary>
    public static double TopicReadiness(World world, DyadRuntime dyad, int side, int topic)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(dyad);
        return GovernmentReadiness.ForTopic(world, dyad, side, topic, world.P.Of(TextWeight, side == 0 ? dyad.A : dyad.B), world.P[HawkishnessWeight]);
    }

    private static void Apply(World world, bool fadeTexts)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        double textMemory = ModelParameters.Decay(p[TextHalfLife], world.Dt);
        foreach (var dyad in world.Dyads)
        {
            if (!fadeTexts)
            {
                dyad.FeltCost = dyad.Tension;
            }
            else
            {
                dyad.FeltCost += (1 - Math.Exp(-world.Dt / p[CostMemory])) * (dyad.Tension - dyad.FeltCost);
                dyad.HurtingYears = dyad.Tension >= p[HurtingTension] ? dyad.HurtingYears + world.Dt : 0;
                for (int k = 0; k < dyad.Texts.Length; k++)
                {
                    dyad.Texts[k] *= textMemory;
                }
            }

            double stalemate = 1 - Math.Exp(-dyad.HurtingYears / p[StalemateYears]);
            for (int side = 0; side < 2; side++)
            {
                int state = side == 0 ? dyad.A : dyad.B;
                int other = side == 0 ? dyad.B : dyad.A;
                dyad.WorkingTrust[side] = WorkingTrust(world, dyad, state);
                dyad.Motivation[side] = 1 - ((1 - (p.Of(TensionWeight, state) * dyad.FeltCost))
                    * (1 - (p.Of(StalemateWeight, state) * stalemate))
                    * (1 - (p.Of(PublicWeight, state) * world.Citizens.PublicTrust(world.States, state, other)))
                    * (1 - world.Advocacy[state]));
                dyad.Optimism[side] = 1 - ((1 - dyad.OfficialTrust) * (1 - (p.Of(BackchannelWeight, state) * dyad.WorkingTrust[side])));
                dyad.Readiness[side] = GovernmentReadiness.Of(dyad.Motivation[side], dyad.Optimism[side], p[HawkishnessWeight], world.States[state].Hawkishness, dyad.Withheld[side]);
            }
        }
    }

    /// <summary>The highest, over the dyad's running initiatives, mean of access × cross-side trust of the state's participants who take part (0 while the state bans contacts).</summary>
    private static double WorkingTrust(World world, DyadRuntime dyad, int state)
    {
        // A government that bans contacts with the other side draws nothing from its nationals.
        if (world.States[state].ContactsBanned)
        {
            return 0;
        }

        double best = 0;
        foreach (var initiative in world.Initiatives)
        {
            if (!initiative.IsRunning(world.Date) || Array.IndexOf(initiative.Dyads, dyad) < 0)
            {
                continue;
            }

            double sum = 0;
            int count = 0;
            var participants = initiative.Participants;
            for (int q = 0; q < participants.Length; q++)
            {
                if (participants[q].State == state && participants[q].IsMember(world.Date) && initiative.TryCrossSideTrustOf(q, world.Date, out double trust))
                {
                    sum += participants[q].Access * trust;
                    count++;
                }
            }

            if (count > 0 && sum / count > best)
            {
                best = sum / count;
            }
        }

        return best;
    }

    /// <summary>A state's mean, over its dyads, of one side's value.</summary>
    private static double MeanOverDyads(World world, int state, Func<DyadRuntime, double[]> values)
    {
        double sum = 0;
        int count = 0;
        foreach (var dyad in world.Dyads)
        {
            if (dyad.A == state || dyad.B == state)
            {
                sum += values(dyad)[dyad.SideOf(state)];
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }
}

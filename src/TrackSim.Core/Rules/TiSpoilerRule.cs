using System.Globalization;
using MathNet.Numerics.Distributions;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// TI-SPOILER: violence by those who oppose a settlement, rising as talks progress (Kydd and
/// Walter 2002; Stedman 1997).
/// <para>
/// Each step, for each dyad, the peace momentum μ is the largest, over the agreements on its
/// table, of the negotiation progress of one not in force and 2^(−y/h) for one in force since y
/// years (h = <c>spoilers.memory</c>): spoilers strike when a deal is near and just after it is
/// signed; an agreement negotiated in secret counts only once it is signed or exposed
/// (T2-SECRECY). Groups based in state i attack the other state of the dyad N ~ Poisson(Δt·λ_i·μ) times
/// (λ_i = <c>spoilers.rate</c>, a parameter of a state); each attack is a terror attack of severity
/// <c>spoilers.severity</c> with i as the state it is blamed on, applied by EVENT in this step like
/// a dated attack (grievance, official trust, the publics, and the governments' answer in
/// TI-TALKS). A dyad with nothing on the table has no momentum and no spoiler attacks; the dated
/// attacks of a scenario stay and this rule adds to them.
/// </para>
/// </summary>
internal sealed class TiSpoilerRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Kydd, A., and Walter, B. F. (2002). Sabotaging the peace: the politics of extremist violence. International Organization 56(2); Stedman, S. J. (1997). Spoiler problems in peace processes. International Security 22(2).")
{
    public const string Id = "TI-SPOILER";

    public static readonly Mechanism Switch = new("spoilers", Id, "attacks by opponents of a settlement as talks progress");

    public static readonly ParameterDefinition Rate = new("spoilers", "rate", 0.3, 0, 100, "attacks/year", "Attacks per year by groups based in the state at full peace momentum.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Severity = new("spoilers", "severity", 0.6, 0, 1, "severity", "Severity of a spoiler attack.");
    public static readonly ParameterDefinition Memory = new("spoilers", "memory", 0.5, 0.01, 100, "years", "Half-life of the momentum a signed agreement gives spoilers.");

    private static readonly ParameterDefinition[] Declared = [Rate, Severity, Memory];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch) || world.Agreements.Length == 0)
        {
            return;
        }

        var p = world.P;
        foreach (var dyad in world.Dyads)
        {
            double momentum = Momentum(world, dyad);
            if (momentum <= 0)
            {
                continue;
            }

            for (int side = 0; side < 2; side++)
            {
                int based = side == 0 ? dyad.A : dyad.B;
                double rate = world.Dt * p.Of(Rate, based) * momentum;
                int attacks = rate > 0 ? Poisson.Sample(world.SpoilerStream, rate) : 0;
                for (int k = 0; k < attacks; k++)
                {
                    Attack(world, dyad, based, momentum, k);
                }
            }
        }
    }

    /// <summary>The dyad's peace momentum: the largest progress of an agreement on its table, or the fading signal of one signed.</summary>
    public static double Momentum(World world, DyadRuntime dyad)
    {
        ArgumentNullException.ThrowIfNull(world);
        double memory = world.P[Memory];
        double momentum = 0;
        foreach (var agreement in world.Agreements)
        {
            // Spoilers cannot time their attacks to talks they do not know of (T2-SECRECY).
            if (agreement.Dyad != dyad || !agreement.OnTable(world.Date) || (agreement.Secret && !agreement.InForce))
            {
                continue;
            }

            double m = agreement.InForce ? Math.Pow(0.5, agreement.YearsInForce / memory) : agreement.Progress;
            momentum = Math.Max(momentum, Math.Clamp(m, 0, 1));
        }

        return momentum;
    }

    private static void Attack(World world, DyadRuntime dyad, int based, double momentum, int k)
    {
        string from = world.States[based].Id;
        string target = world.States[dyad.Other(based)].Id;
        string id = string.Create(CultureInfo.InvariantCulture, $"spoiler-{from}-{target}-{world.Step}{(k > 0 ? $"-{k}" : string.Empty)}");
        world.Record(Id, dyad.Subject, string.Create(CultureInfo.InvariantCulture, $"spoiler attack on {target} by a group based in {from} (momentum {momentum:0.##}): {id}"));
        world.Events.Injected.Add(new EventSpec(
            id,
            $"Spoiler attack on {target} by a group based in {from}",
            "spoiler attack",
            world.Date,
            null,
            EventKind.TerrorAttack,
            world.P[Severity],
            [from, target],
            EventEffects.None,
            "TI-SPOILER"));
    }
}

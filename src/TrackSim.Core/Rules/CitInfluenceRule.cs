using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-INFLUENCE: bounded-confidence social influence among citizens (Deffuant, Neau, Amblard and
/// Weisbuch 2000).
/// <para>
/// The citizens of state s have floor(rate_s·Δt) influence rounds in the step, plus one more when
/// a uniform number drawn from a hash of the seed and the step (one for all states) is below the
/// fractional part, so the yearly rate <c>influence.rate</c> of the state holds on average. In each
/// of its rounds every citizen listens to one partner and moves by <c>influence.convergence</c> of
/// the gap when the gap is below the confidence bound <c>influence.confidence_bound</c> of its
/// state (the kernel <see cref="SocialInfluence"/>). Rate and bound are parameters of a state: how
/// often a public talks about the other nation and how open-minded it is.
/// </para>
/// </summary>
internal sealed class CitInfluenceRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Deffuant, G., Neau, D., Amblard, F., and Weisbuch, G. (2000). Mixing beliefs among interacting agents. Advances in Complex Systems 3.")
{
    public const string Id = "CIT-INFLUENCE";

    public static readonly Mechanism Switch = new("social_influence", Id, "bounded-confidence influence among citizens");

    public static readonly ParameterDefinition Rate = new("influence", "rate", 2, 0, 365, "interactions/year", "Interactions of each citizen with a neighbour per year.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Convergence = new("influence", "convergence", 0.3, 0, 0.5, "1", "Share of the opinion gap closed in an interaction within the confidence bound (Deffuant's mu).");
    public static readonly ParameterDefinition ConfidenceBound = new("influence", "confidence_bound", 0.3, 0.01, 1, "trust", "Bounded-confidence threshold epsilon: citizens influence each other only when their trust differs by less.") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [Rate, Convergence, ConfidenceBound];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        // Interactions per step are rate·Δt; the fractional part is drawn, with one number for
        // every state, so each state's yearly rate holds on average.
        double u = StableHash.ToUnit(StableHash.Combine(StableHash.Combine(world.InfluenceSeed, (ulong)world.Step), ulong.MaxValue));
        var citizens = world.Citizens;
        var population = citizens.Population;
        for (int s = 0; s < population.StateCount; s++)
        {
            double expected = world.P.Of(Rate, s) * world.Dt;
            int rounds = (int)Math.Floor(expected);
            double fraction = expected - rounds;
            citizens.Rounds[s] = fraction > 0 && u < fraction ? rounds + 1 : rounds;
            citizens.Bound[s] = world.P.Of(ConfidenceBound, s);
        }

        // Each actor a public holds trust toward is a separate opinion, influenced separately.
        for (int k = 0; k < population.Layers; k++)
        {
            SocialInfluence.Step(population, k, citizens.Network, citizens.Bound, world.P[Convergence], citizens.Rounds, world.InfluenceSeed, world.Step, citizens.Threads);
        }
    }
}

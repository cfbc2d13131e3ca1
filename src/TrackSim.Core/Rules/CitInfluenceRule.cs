using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-INFLUENCE: bounded-confidence social influence among citizens (Deffuant, Neau, Amblard and
/// Weisbuch 2000).
/// <para>
/// The step has floor(rate·Δt) influence rounds, plus one more with probability equal to the
/// fractional part (drawn from a hash of the seed and the step), so the yearly rate
/// <c>influence.rate</c> holds on average. In each round every citizen listens to one partner and
/// moves by <c>influence.convergence</c> of the gap when the gap is below the confidence bound
/// <c>influence.confidence_bound</c> (the kernel <see cref="SocialInfluence"/>).
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

    public static readonly ParameterDefinition Rate = new("influence", "rate", 2, 0, 365, "interactions/year", "Interactions of each citizen with a neighbour per year.");
    public static readonly ParameterDefinition Convergence = new("influence", "convergence", 0.3, 0, 0.5, "1", "Share of the opinion gap closed in an interaction within the confidence bound (Deffuant's mu).");
    public static readonly ParameterDefinition ConfidenceBound = new("influence", "confidence_bound", 0.3, 0.01, 1, "trust", "Bounded-confidence threshold epsilon: citizens influence each other only when their trust differs by less.");

    private static readonly ParameterDefinition[] Declared = [Rate, Convergence, ConfidenceBound];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        // Interactions per step are rate·Δt; the fractional part is drawn so the yearly rate holds on average.
        double expected = world.P[Rate] * world.Dt;
        int rounds = (int)Math.Floor(expected);
        double fraction = expected - rounds;
        if (fraction > 0 && StableHash.ToUnit(StableHash.Combine(StableHash.Combine(world.InfluenceSeed, (ulong)world.Step), ulong.MaxValue)) < fraction)
        {
            rounds++;
        }

        var citizens = world.Citizens;
        SocialInfluence.Step(citizens.Population, citizens.Network, world.P[ConfidenceBound], world.P[Convergence], rounds, world.InfluenceSeed, world.Step, citizens.Threads);
    }
}

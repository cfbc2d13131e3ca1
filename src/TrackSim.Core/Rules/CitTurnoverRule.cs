using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-TURNOVER: generational turnover (Mannheim 1928; Firebaugh 1989).
/// <para>
/// Each citizen of state s is replaced in a step with probability 1 − (1 − r_s)^Δt, r_s =
/// <c>turnover.rate</c> per year of the state (a parameter of a state: the pace at which its
/// generations succeed each other); the newcomer's trust is drawn around the state's current mean with the SD of its
/// initial distribution, and it speaks the shared language and keeps its cross-border ties with
/// the cohort's probabilities (the kernel <see cref="Turnover"/>).
/// </para>
/// </summary>
internal sealed class CitTurnoverRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Mannheim, K. (1928). The problem of generations; Firebaugh, G. (1989). Methods for estimating cohort replacement effects. Sociological Methodology 19.")
{
    public const string Id = "CIT-TURNOVER";

    public static readonly Mechanism Switch = new("turnover", Id, "generational turnover of citizens");

    public static readonly ParameterDefinition Rate = new("turnover", "rate", 0.02, 0, 0.2, "1/year", "Share of citizens replaced by a new cohort per year.") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [Rate];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        var cohorts = world.Scenario.Citizens.Cohorts;
        var citizens = world.Citizens;
        var population = citizens.Population;
        int n = population.StateCount;
        for (int s = 0; s < n; s++)
        {
            citizens.Replace[s] = 1 - Math.Pow(1 - world.P.Of(Rate, s), world.Dt);
        }

        // Turnover reads only the means, of every layer; the SD and hostile share wait for CIT-PUBLIC.
        for (int k = 0; k < population.Layers; k++)
        {
            CitizenMetrics.Means(population, k, citizens.Mean.AsSpan(k * n, n), citizens.Threads);
        }

        Turnover.Apply(citizens.Population, citizens.Network, citizens.Replace, cohorts, citizens.Mean, citizens.InitialSd, world.TurnoverSeed, world.Step);
    }
}

using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-NOISE: idiosyncratic experience (Pineda, Toral and Hernández-García 2009).
/// <para>
/// Every citizen's trust moves by an independent draw with SD σ_s·√Δt·2√(x(1 − x)), σ_s =
/// <c>influence.noise</c> of the citizen's state, a parameter of a state: how volatile its public's
/// opinion of the other nation is (the kernel <see cref="OpinionNoise"/>).
/// </para>
/// </summary>
internal sealed class CitNoiseRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Pineda, M., Toral, R., and Hernández-García, E. (2009). Noisy continuous-opinion dynamics. Journal of Statistical Mechanics P08001.")
{
    public const string Id = "CIT-NOISE";

    public static readonly Mechanism Switch = new("opinion_noise", Id, "idiosyncratic changes in each citizen's trust");

    public static readonly ParameterDefinition Noise = new("influence", "noise", 0.1, 0, 1, "trust/sqrt(year)", "Spread of idiosyncratic changes in a citizen's trust: the SD of a year's noise (per step, this times the square root of the step in years).") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [Noise];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        var citizens = world.Citizens;
        var population = citizens.Population;
        for (int s = 0; s < population.StateCount; s++)
        {
            citizens.NoiseSd[s] = world.P.Of(Noise, s) * Math.Sqrt(world.Dt);
        }

        for (int k = 0; k < population.Layers; k++)
        {
            OpinionNoise.Apply(population, k, citizens.NoiseSd, world.NoiseSeed, world.Step, citizens.Threads);
        }
    }
}

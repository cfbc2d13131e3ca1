using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-MEDIA: the media effect of events on citizens, with a negativity bias (Soroka 2006).
/// <para>
/// Trust is directed: EVENT adds each event's shift D_s to the trust of the publics it reaches toward the other actors it names: −<c>media.effect</c>·b_s·s
/// for a hostile event of severity s, +<c>media.effect</c>·s for a cooperative one, b_s =
/// <c>media.negativity_bias</c> of the public's state. Coverage fades:
/// the shock S_s ← S_s·2^(−Δt/h_s) + D_s, h_s = <c>media.half_life</c> of the state, and the citizens take in its
/// change times the state's <c>media.sensitivity</c> k_s: citizen i of state s moves by
/// (S_s − S_s(previous))·k_s times its exposure
/// (the kernel <see cref="Media"/>), so an event's effect on trust halves every h_s years
/// (Hill, Lo, Vavreck and Zaller 2013). Exposure is drawn at the start with the mean
/// <c>media.exposure</c> of the citizen's state. Bias, exposure, half-life and sensitivity are
/// parameters of a state: properties of each public and its media; the effect of an event of
/// severity 1 is one scale for all.
/// </para>
/// </summary>
internal sealed class CitMediaRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Soroka, S. N. (2006). Good news and bad news. Journal of Politics 68(2); Hill, S. J., Lo, J., Vavreck, L., and Zaller, J. (2013). How quickly we forget. Political Communication 30(4).")
{
    public const string Id = "CIT-MEDIA";

    public static readonly Mechanism Switch = new("media", Id, "media effect of events on citizens");

    public static readonly ParameterDefinition Effect = new("media", "effect", 0.1, 0, 1, "trust per severity", "Trust change of a fully exposed citizen from a cooperative event of severity 1.");
    public static readonly ParameterDefinition NegativityBias = new("media", "negativity_bias", 2.0, 1, 10, "1", "How much more a hostile event moves trust than a cooperative one of equal severity.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Exposure = new("media", "exposure", 0.6, 0, 1, "1", "Mean media exposure of citizens.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition HalfLife = new("media", "half_life", 2.0, 0.05, 1000, "years", "Half-life of a media shock: the coverage of an event fades and its effect on trust with it (a large value makes shocks permanent).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Sensitivity = new("media", "sensitivity", 1.0, 0, 5, "1", "How strongly a state's public takes in the media shift of events, relative to the others (1: as the shift says).") { Scope = ParameterScope.State };

    private static readonly ParameterDefinition[] Declared = [Effect, NegativityBias, Exposure, HalfLife, Sensitivity];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        // Coverage fades: a shock s is applied at once and taken back as it decays, so its
        // effect on trust halves every media.half_life years of the state. Contact and outreach, by contrast, last.
        var population = world.Citizens.Population;
        for (int s = 0; s < population.StateCount; s++)
        {
            double memory = ModelParameters.Decay(world.P.Of(HalfLife, s), world.Dt);
            double sensitivity = world.P.Of(Sensitivity, s);
            foreach (int t in population.TargetsOf(s))
            {
                double previous = world.MediaShock[s, t];
                world.MediaShock[s, t] = (previous * memory) + world.MediaDelta[s, t];
                world.MediaChange[s, t] = (world.MediaShock[s, t] - previous) * sensitivity;
            }
        }

        // Each layer's shift: state s's citizens take in the change toward their k-th target.
        for (int k = 0; k < population.Layers; k++)
        {
            Media.Apply(population, k, world.Citizens.InLayer(world.MediaChange, k), world.Citizens.Threads);
        }
    }
}

using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// FN-GROWTH: growth of active functional links (Haas 1958).
/// <para>
/// An active link's strength grows as s ← s + Δt·g·(1 − s), g = <c>functional.growth</c>.
/// </para>
/// </summary>
internal sealed class FnGrowthRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Haas, E. B. (1958). The Uniting of Europe. Stanford University Press.")
{
    public const string Id = "FN-GROWTH";

    public static readonly Mechanism Switch = new("functional_growth", Id, "growth of active functional links");

    public static readonly ParameterDefinition Growth = new("functional", "growth", 0.05, 0, 5, "1/year", "Growth of an active link's strength toward 1.");

    private static readonly ParameterDefinition[] Declared = [Growth];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        double rate = world.Dt * world.P[Growth];
        foreach (var dyad in world.Dyads)
        {
            foreach (var link in dyad.Links)
            {
                if (link.IsActive(world.Date))
                {
                    link.Strength += rate * (1 - link.Strength);
                }
            }
        }
    }
}

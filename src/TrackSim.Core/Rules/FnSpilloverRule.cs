using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// FN-SPILLOVER: spillover of functional cooperation into neighbouring sectors (Haas 1958).
/// <para>
/// An active link creates a link in a neighbouring sector with probability 1 − exp(−Δt·σ·s),
/// σ = <c>functional.spillover</c>, s its strength: it picks one neighbouring sector at random
/// and creates a link there unless the dyad already has one in it (so a link with fewer free
/// neighbours spills over less often); the new link has strength
/// <c>functional.spillover_strength</c> and threshold <c>functional.spillover_threshold</c>, and
/// starts next step.
/// </para>
/// </summary>
internal sealed class FnSpilloverRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Haas, E. B. (1958). The Uniting of Europe. Stanford University Press.")
{
    public const string Id = "FN-SPILLOVER";

    public static readonly Mechanism Switch = new("spillover", Id, "spillover of functional links into neighbouring sectors");

    public static readonly ParameterDefinition Spillover = new("functional", "spillover", 0.05, 0, 5, "links/year per strength", "Rate at which an active link creates a link in a neighbouring sector.");
    public static readonly ParameterDefinition Threshold = new("functional", "spillover_threshold", 0.6, 0, 1, "tension", "Suspension threshold of links created by spillover.");
    public static readonly ParameterDefinition Strength = new("functional", "spillover_strength", 0.1, 0, 1, "strength", "Initial strength of links created by spillover.");

    private static readonly ParameterDefinition[] Declared = [Spillover, Threshold, Strength];

    /// <summary>Neighbouring sectors, where spillover lands (water to energy and environment, trade to transit...).</summary>
    public static IReadOnlyDictionary<Sector, Sector[]> Neighbours { get; } = new Dictionary<Sector, Sector[]>
    {
        [Sector.Water] = [Sector.Energy, Sector.Environment, Sector.Health],
        [Sector.Trade] = [Sector.Transit, Sector.Travel, Sector.Energy, Sector.Communications],
        [Sector.Energy] = [Sector.Water, Sector.Trade, Sector.Transit, Sector.Environment],
        [Sector.Transit] = [Sector.Trade, Sector.Travel, Sector.Energy],
        [Sector.Travel] = [Sector.Transit, Sector.Pilgrimage, Sector.Culture, Sector.Trade],
        [Sector.Pilgrimage] = [Sector.Travel, Sector.Culture],
        [Sector.Health] = [Sector.Environment, Sector.Water, Sector.Culture],
        [Sector.Environment] = [Sector.Water, Sector.Energy, Sector.Health],
        [Sector.Culture] = [Sector.Travel, Sector.Communications, Sector.Pilgrimage],
        [Sector.Communications] = [Sector.Culture, Sector.Trade],
    };

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        double rate = p[Spillover];
        if (!world.On(Switch) || rate <= 0)
        {
            return;
        }

        foreach (var dyad in world.Dyads)
        {
            // Iterate over a fixed count: links created by spillover this step start next step.
            int count = dyad.Links.Count;
            for (int k = 0; k < count; k++)
            {
                var link = dyad.Links[k];
                if (!link.IsActive(world.Date))
                {
                    continue;
                }

                double chance = 1 - Math.Exp(-world.Dt * rate * link.Strength);
                if (world.SpilloverStream.NextDouble() < chance)
                {
                    var options = Neighbours[link.Sector];
                    var sector = options[world.SpilloverStream.Next(options.Length)];
                    if (!dyad.HasLinkIn(sector))
                    {
                        string id = dyad.NewLinkId(sector, world.Step);
                        dyad.Links.Add(new LinkRuntime(id, sector, p[Strength], p[Threshold], null));
                        world.Record(Id, id, $"spillover from {link.Id} ({link.Sector} to {sector})");
                    }
                }
            }
        }
    }
}

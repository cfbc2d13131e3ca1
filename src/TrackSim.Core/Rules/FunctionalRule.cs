using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// FN-GROWTH, FN-SPILLOVER and FN-SUSPEND: functional links (Mitrany 1943; Haas 1958).
/// <para>
/// FN-SUSPEND: a link is suspended when tension exceeds its threshold θ and resumes when tension
/// falls below θ − <c>functional.resume_margin</c>. FN-GROWTH: an active link's strength grows as
/// s ← s + Δt·g·(1 − s), g = <c>functional.growth</c>. FN-SPILLOVER: an active link creates a link
/// in a neighbouring sector the dyad has no link in yet with probability 1 − exp(−Δt·σ·s),
/// σ = <c>functional.spillover</c>, picks one neighbouring sector at random and creates a link
/// there unless the dyad already has one in it (so a link with fewer free neighbours spills over
/// less often); the new link has strength <c>functional.spillover_strength</c>
/// and threshold <c>functional.spillover_threshold</c>. FN-CREATE logs links created by events and
/// by adopted Track II recommendations.
/// </para>
/// </summary>
internal static class FunctionalRule
{
    public const string GrowthId = "FN-GROWTH";
    public const string SpilloverId = "FN-SPILLOVER";
    public const string SuspendId = "FN-SUSPEND";
    public const string CreateId = "FN-CREATE";

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

    public static void Apply(World world)
    {
        var p = world.P;
        foreach (var dyad in world.Dyads)
        {
            // Iterate over a fixed count: links created by spillover this step start next step.
            int count = dyad.Links.Count;
            for (int k = 0; k < count; k++)
            {
                var link = dyad.Links[k];
                if (!link.Exists(world.Date))
                {
                    continue;
                }

                if (world.On("link_suspension"))
                {
                    if (!link.SuspendedByTension && dyad.Tension > link.Threshold)
                    {
                        link.SuspendedByTension = true;
                        world.Record(SuspendId, link.Id, $"suspended: tension {Num(dyad.Tension)} above its threshold {Num(link.Threshold)}");
                    }
                    else if (link.SuspendedByTension && dyad.Tension < link.Threshold - p.LinkResumeMargin)
                    {
                        link.SuspendedByTension = false;
                        world.Record(SuspendId, link.Id, $"resumed: tension {Num(dyad.Tension)} below its threshold");
                    }
                }

                if (!link.IsActive(world.Date))
                {
                    continue;
                }

                if (world.On("functional_growth"))
                {
                    link.Strength += world.Dt * p.LinkGrowth * (1 - link.Strength);
                }

                if (world.On("spillover") && p.Spillover > 0)
                {
                    double chance = 1 - Math.Exp(-world.Dt * p.Spillover * link.Strength);
                    if (world.SpilloverStream.NextDouble() < chance)
                    {
                        var options = Neighbours[link.Sector];
                        var sector = options[world.SpilloverStream.Next(options.Length)];
                        if (!HasLinkIn(dyad, sector))
                        {
                            string id = $"{dyad.Subject.ToLowerInvariant()}-{SectorWord(sector)}-{world.Step}";
                            dyad.Links.Add(new LinkRuntime(id, sector, p.SpilloverStrength, p.SpilloverThreshold, null));
                            world.Record(SpilloverId, id, $"spillover from {link.Id} ({link.Sector} to {sector})");
                        }
                    }
                }
            }
        }
    }

    /// <summary>Creates a link in a sector after an adopted Track II recommendation, unless the dyad has one.</summary>
    public static void CreateFromRecommendation(World world, DyadRuntime dyad, Sector sector, string initiative)
    {
        if (HasLinkIn(dyad, sector))
        {
            return;
        }

        string id = $"{dyad.Subject.ToLowerInvariant()}-{SectorWord(sector)}-{world.Step}";
        dyad.Links.Add(new LinkRuntime(id, sector, world.P.SpilloverStrength, world.P.SpilloverThreshold, null));
        world.Record(CreateId, id, $"created after a recommendation of {initiative} was adopted");
    }

    /// <summary>Whether the dyad has a link in the sector; a loop, since a spillover into a taken sector must not allocate.</summary>
    private static bool HasLinkIn(DyadRuntime dyad, Sector sector)
    {
        foreach (var link in dyad.Links)
        {
            if (link.Sector == sector)
            {
                return true;
            }
        }

        return false;
    }

    private static string SectorWord(Sector sector) => sector.ToString().ToLowerInvariant();

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

using System.Text.RegularExpressions;
using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>FN-SUSPEND, FN-GROWTH and FN-SPILLOVER: functional links under tension, their growth and their spillover.</summary>
public sealed partial class FunctionalRuleTests
{
    // A few double operations per value: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private static World River(string links = "[ { id: indus, sector: water, strength: 0.3, threshold: 0.7 } ]", string extra = "mechanisms: { spillover: false }")
    {
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2049-12 }
            states: [ { id: AA }, { id: BB } ]
            dyads: [ { states: [AA, BB], functional_links: {{links}} } ]
            {{extra}}
            """);
        RuleWorlds.GoTo(world, 0);
        return world;
    }

    [Test]
    public void Link_is_suspended_above_its_threshold_and_resumes_only_below_it_minus_the_margin()
    {
        var world = River();
        var dyad = world.Dyads[0];
        var link = dyad.Links[0];
        var suspended = new List<bool>();
        foreach (double tension in (double[])[0.72, 0.68, 0.66, 0.64])
        {
            dyad.Tension = tension;
            RuleWorlds.Links(world);
            suspended.Add(link.SuspendedByTension);
        }

        // Threshold 0.7, margin 0.05: suspended at 0.72, still at 0.68 and 0.66, resumed at 0.64 < 0.65.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suspended, Is.EqualTo((bool[])[true, true, true, false]));
            Assert.That(world.Log.Select(e => (e.Rule, e.Detail)), Is.EqualTo(new[]
            {
                ("FN-SUSPEND", "suspended: tension 0.72 above its threshold 0.7"),
                ("FN-SUSPEND", "resumed: tension 0.64 below its threshold"),
            }));
        }
    }

    [Test]
    public void Active_link_grows_toward_full_strength_and_a_suspended_one_does_not()
    {
        var active = River();
        var suspended = River();
        active.Dyads[0].Tension = 0.3;
        suspended.Dyads[0].Tension = 0.9;

        RuleWorlds.Links(active);
        RuleWorlds.Links(suspended);

        // s + Δt·g·(1 − s) = 0.3 + 0.05·0.7/12 = 0.3029166...
        using (Assert.EnterMultipleScope())
        {
            Assert.That(active.Dyads[0].Links[0].Strength, Is.EqualTo(0.3 + (0.05 * 0.7 / 12)).Within(Rounding));
            Assert.That(suspended.Dyads[0].Links[0].Strength, Is.EqualTo(0.3));
        }
    }

    [Test]
    public void Link_that_does_not_exist_yet_is_neither_suspended_nor_grown()
    {
        var world = River("[ { id: later, sector: trade, strength: 0.3, threshold: 0.2, active_from: 2030-01 } ]");
        world.Dyads[0].Tension = 0.9;

        RuleWorlds.Links(world);

        var link = world.Dyads[0].Links[0];
        Assert.That((link.SuspendedByTension, link.Strength), Is.EqualTo((false, 0.3)));
    }

    [Test]
    public void Link_suspension_switched_off_keeps_links_active_at_any_tension()
    {
        var world = River(extra: "mechanisms: { spillover: false, link_suspension: false }");
        world.Dyads[0].Tension = 0.99;

        RuleWorlds.Links(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Dyads[0].Links[0].IsActive(world.Date), Is.True);
            Assert.That(world.Dyads[0].Links[0].Strength, Is.GreaterThan(0.3));
        }
    }

    [Test]
    public void Spillover_happens_at_the_rate_of_the_link_strength()
    {
        var world = River("[ { id: indus, sector: water, strength: 1, threshold: 0.99 } ]", "parameters: { functional: { spillover: 1 } }\nmechanisms: { functional_growth: false }");
        var dyad = world.Dyads[0];
        const int trials = 20_000;
        int created = 0;
        var newLinks = new List<LinkRuntime>();
        for (int k = 0; k < trials; k++)
        {
            RuleWorlds.Links(world);
            if (dyad.Links.Count > 1)
            {
                created++;
                newLinks.Add(dyad.Links[1]);
                dyad.Links.RemoveAt(1);
            }
        }

        // Chance per step 1 − e^(−Δt·σ·s) = 1 − e^(−1/12) = 0.07996; every neighbour of water (energy,
        // environment, health) is free, so each spillover creates a link. The share of 20,000 steps has
        // SD √(0.07996·0.92004/20000) = 0.0019: four SDs are 0.0077.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created / (double)trials, Is.EqualTo(1 - Math.Exp(-1.0 / 12)).Within(0.0077));
            Assert.That(newLinks.Select(l => l.Sector).Distinct(), Is.EquivalentTo(new[] { Sector.Energy, Sector.Environment, Sector.Health }));
            Assert.That(newLinks.Select(l => (l.Strength, l.Threshold)).Distinct(), Is.EqualTo(new[] { (0.1, 0.6) }));
            Assert.That(newLinks[0].Id, Is.EqualTo($"aa-bb-{newLinks[0].Sector.ToString().ToLowerInvariant()}-0"));
        }
    }

    [Test]
    public void Spillover_that_lands_on_a_sector_the_dyad_already_has_creates_nothing()
    {
        // Energy and environment links exist on paper (from 2049), so only health is free: the
        // spillover draw picks one of water's three neighbours and creates a link only on health.
        var world = River(
            """
            [ { id: indus, sector: water, strength: 1, threshold: 0.99 },
                { id: grid, sector: energy, active_from: 2049-01 }, { id: climate, sector: environment, active_from: 2049-01 } ]
            """,
            "parameters: { functional: { spillover: 1 } }\nmechanisms: { functional_growth: false }");
        var dyad = world.Dyads[0];
        const int trials = 20_000;
        int created = 0;
        var sectors = new HashSet<Sector>();
        for (int k = 0; k < trials; k++)
        {
            RuleWorlds.Links(world);
            if (dyad.Links.Count > 3)
            {
                created++;
                sectors.Add(dyad.Links[3].Sector);
                dyad.Links.RemoveAt(3);
            }
        }

        // One third of the spillover chance: 0.07996/3 = 0.02665, SD √(0.02665·0.97335/20000) = 0.00114: four SDs 0.0046.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created / (double)trials, Is.EqualTo((1 - Math.Exp(-1.0 / 12)) / 3).Within(0.0046));
            Assert.That(sectors, Is.EquivalentTo(new[] { Sector.Health }));
        }
    }

    [Test]
    public void Spillover_lands_only_in_neighbouring_sectors_and_never_duplicates_a_sector()
    {
        var world = River("[ { id: indus, sector: water, strength: 1, threshold: 0.99 } ]", "parameters: { functional: { spillover: 5 } }");
        var dyad = world.Dyads[0];
        for (int k = 0; k < 600; k++)
        {
            RuleWorlds.GoTo(world, k);
            RuleWorlds.Links(world);
        }

        var spills = world.Log.Where(e => e.Rule == "FN-SPILLOVER").Select(e => SpilloverDetail().Match(e.Detail)).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(spills, Has.Length.GreaterThan(3), "fifty years at a high spillover rate must spread beyond water's neighbours");
            Assert.That(spills.Select(m => m.Success), Is.All.True);
            foreach (var m in spills)
            {
                var from = Enum.Parse<Sector>(m.Groups["from"].Value);
                var to = Enum.Parse<Sector>(m.Groups["to"].Value);
                Assert.That(FnSpilloverRule.Neighbours[from], Does.Contain(to));
            }

            Assert.That(dyad.Links.Select(l => l.Sector), Is.Unique);
        }
    }

    [GeneratedRegex(@"^spillover from \S+ \((?<from>\w+) to (?<to>\w+)\)$")]
    private static partial Regex SpilloverDetail();
}

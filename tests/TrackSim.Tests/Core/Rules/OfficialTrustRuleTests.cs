using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>ST-TRUST: official trust grows with an open dialogue, drifts to its baseline, and the CBM stock halves.</summary>
public sealed class OfficialTrustRuleTests
{
    // A few double operations per step: 1e-12 covers rounding.
    private const double Rounding = 1e-12;

    private const string Yaml = """
        calendar: { start: 2000-01, end: 2009-12 }
        states: [ { id: AA }, { id: BB } ]
        """;

    [Test]
    public void Open_dialogue_draws_trust_toward_one_while_it_drifts_toward_the_baseline()
    {
        var world = RuleWorlds.Create(Yaml);
        world.Dyads[0].OfficialTrust = 0.4;
        world.Dyads[0].DialogueOpen = true;

        new StTrustRule().Apply(world);

        // τ + Δt·g·(1 − τ) + Δt·d·(τ₀ − τ) = 0.4 + (0.1·0.6)/12 + (0.05·(0.2 − 0.4))/12 = 0.4 + 0.005 − 0.000833... = 0.404166...
        Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.4 + (0.06 / 12) - (0.01 / 12)).Within(Rounding));
    }

    [TestCase(0.4, 0.4 - (0.01 / 12))]
    [TestCase(0.1, 0.1 + (0.005 / 12))]
    public void Suspended_dialogue_leaves_only_the_drift_toward_the_baseline(double before, double after)
    {
        // 0.4 → 0.4 + 0.05·(0.2 − 0.4)/12 (decay); 0.1 → 0.1 + 0.05·(0.2 − 0.1)/12 (recovers toward the baseline).
        var world = RuleWorlds.Create(Yaml);
        world.Dyads[0].OfficialTrust = before;
        world.Dyads[0].DialogueOpen = false;

        new StTrustRule().Apply(world);

        Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(after).Within(Rounding));
    }

    [Test]
    public void Cbm_stock_halves_over_its_half_life()
    {
        var world = RuleWorlds.Create(Yaml);
        world.Dyads[0].CbmStock = 2;

        new StTrustRule().Apply(world);
        double afterOneMonth = world.Dyads[0].CbmStock;
        for (int k = 1; k < 60; k++)
        {
            new StTrustRule().Apply(world);
        }

        // One month of a five-year half-life: 2·2^(−1/60); sixty months: 2·(2^(−1/60))^60 = 1, up to the
        // rounding of sixty multiplications (well under 1e-12).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterOneMonth, Is.EqualTo(2 * Math.Pow(2, -1.0 / 60)).Within(Rounding));
            Assert.That(world.Dyads[0].CbmStock, Is.EqualTo(1.0).Within(Rounding));
        }
    }

    [Test]
    public void Official_trust_switched_off_holds_trust_but_cbms_still_lapse()
    {
        var world = RuleWorlds.Create(Yaml + "\nmechanisms: { official_trust: false }");
        world.Dyads[0].OfficialTrust = 0.4;
        world.Dyads[0].CbmStock = 2;

        new StTrustRule().Apply(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Dyads[0].OfficialTrust, Is.EqualTo(0.4));
            Assert.That(world.Dyads[0].CbmStock, Is.EqualTo(2 * Math.Pow(2, -1.0 / 60)).Within(Rounding));
        }
    }
}

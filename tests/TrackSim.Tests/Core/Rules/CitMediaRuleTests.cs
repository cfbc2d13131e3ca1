using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>CIT-MEDIA: the fading media shock, taken in by each public according to its sensitivity.</summary>
public sealed class CitMediaRuleTests
{
    // Trust is stored in single precision: a float near 0.5 carries about 6e-8 of rounding per
    // operation, so 1e-6 is well above rounding and far below the shifts compared here (1e-2).
    private const float Rounding = 1e-6f;

    private static float[] MeanShift(string sensitivity)
    {
        // One cooperative shift of 0.1 on both publics, the same citizens (same seed), no other rule.
        var world = RuleWorlds.Create($$"""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 200, initial_trust: { AA: { mean: 0.5, sd: 0.05 }, BB: { mean: 0.5, sd: 0.05 } } }
            parameters: { media: { exposure: 0.5, sensitivity: {{sensitivity}} } }
            """);
        var population = world.Citizens.Population;
        float[] before = [.. population.Trust];
        world.MediaDelta[0, 1] = 0.1;
        world.MediaDelta[1, 0] = 0.1;

        new CitMediaRule().Apply(world);

        float[] shift = new float[2];
        for (int i = 0; i < before.Length; i++)
        {
            shift[i / population.PerState] += (population.Trust[i] - before[i]) / population.PerState;
        }

        return shift;
    }

    [Test]
    public void Each_public_takes_in_the_shift_times_its_own_sensitivity()
    {
        // The same citizens (same seed) with AA's sensitivity 0.4 and with 1: no citizen reaches
        // the clamp (trust 0.5 ± 0.2, moves below 0.1), so AA moves 0.4 times as far and BB the same.
        // Exposure has mean 0.5, so a public with sensitivity 1 moves by about 0.05.
        float[] plain = MeanShift("1");
        float[] damped = MeanShift("{ AA: 0.4 }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain[0], Is.EqualTo(0.05f).Within(0.01f));
            Assert.That(damped[0] / plain[0], Is.EqualTo(0.4f).Within(1e-4f));
            Assert.That(damped[1], Is.EqualTo(plain[1]).Within(Rounding));
        }
    }

    [Test]
    public void Sensitivity_one_for_all_is_the_shift_as_given_and_zero_shuts_a_public_off()
    {
        float[] plain = MeanShift("1");
        float[] deaf = MeanShift("{ BB: 0 }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deaf[0], Is.EqualTo(plain[0]).Within(Rounding), "AA keeps the default sensitivity 1");
            Assert.That(deaf[1], Is.Zero, "BB takes in nothing");
            Assert.That(plain[0], Is.GreaterThan(0.03f));
        }
    }
}

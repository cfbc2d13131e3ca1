using TrackSim.Core.Engine;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Property 3 of the design: a crisis raises tension and lowers trust, more when more severe, and fades with memory.</summary>
public sealed class CrisisTests
{
    private static RunResult RunWithCrisis(double? severity, double restraint = 0.8, bool media = true)
    {
        string crisis = severity is { } s
            ? $"events:\n  - {{ id: crisis, date: 2005-01, kind: crisis, severity: {s}, actors: [AA, BB] }}\n"
            : string.Empty;
        var scenario = EngineScenarios.Load($$"""
            calendar: { start: 2000-01, end: 2029-12 }
            states: [ { id: AA }, { id: BB } ]
            citizens: { per_state: 200 }
            parameters:
              posture: { restraint: {{restraint}} }
            mechanisms: { incidents: false, dialogue: false, agreements: false, spoilers: false, media: {{(media ? "true" : "false")}} }
            {{crisis}}
            """);
        return new Simulation(scenario, 0, seed: 7).Run();
    }

    private static double Peak(RunResult run, string metric, string subject, int from, int to) =>
        run.Get(metric, subject).Values.Skip(from).Take(to - from).Max();

    [Test]
    public void Crisis_raises_tension_more_when_more_severe()
    {
        // Step 60 is 2005-01, the crisis; point 61 records the state after its step.
        var none = RunWithCrisis(null);
        var mild = RunWithCrisis(0.3);
        var severe = RunWithCrisis(0.9);
        double before = none.Get("tension", "AA-BB").Values[60];

        Assert.Multiple(() =>
        {
            Assert.That(Peak(mild, "tension", "AA-BB", 60, 96), Is.GreaterThan(Peak(none, "tension", "AA-BB", 60, 96) + 0.01));
            Assert.That(Peak(severe, "tension", "AA-BB", 60, 96), Is.GreaterThan(Peak(mild, "tension", "AA-BB", 60, 96) + 0.02));
            Assert.That(Peak(severe, "tension", "AA-BB", 60, 96), Is.GreaterThan(before));
        });
    }

    [Test]
    public void Crisis_lowers_official_and_public_trust_more_when_more_severe()
    {
        var mild = RunWithCrisis(0.3);
        var severe = RunWithCrisis(0.9);
        var none = RunWithCrisis(null);

        // One step after the crisis (point 61) the direct effects are in; common random numbers make the runs comparable.
        Assert.Multiple(() =>
        {
            Assert.That(mild.Get("official_trust", "AA-BB").Values[61], Is.LessThan(none.Get("official_trust", "AA-BB").Values[61]));
            Assert.That(severe.Get("official_trust", "AA-BB").Values[61], Is.LessThan(mild.Get("official_trust", "AA-BB").Values[61]));
            Assert.That(severe.Get("public_trust", "AA").Values[61], Is.LessThan(mild.Get("public_trust", "AA").Values[61]));
            Assert.That(mild.Get("public_trust", "AA").Values[61], Is.LessThan(none.Get("public_trust", "AA").Values[61]));
        });
    }

    [Test]
    public void Crisis_effect_on_tension_peaks_in_its_step_and_fades_with_the_configured_memory()
    {
        // "Nothing else happening": without the media, the crisis does not move public opinion,
        // whose shifts persist by design (opinion dynamics have no memory decay of their own).
        var none = RunWithCrisis(null, 0.8, media: false);
        var shortMemory = RunWithCrisis(0.9, 0.8, media: false);
        var longMemory = RunWithCrisis(0.9, 0.5, media: false);
        var noneLong = RunWithCrisis(null, 0.5, media: false);
        double Excess(RunResult run, RunResult baseline, int point) =>
            run.Get("tension", "AA-BB").Values[point] - baseline.Get("tension", "AA-BB").Values[point];

        int peakPoint = Enumerable.Range(60, 36).MaxBy(k => Excess(shortMemory, none, k));
        double peak = Excess(shortMemory, none, peakPoint);

        // The crisis raises posture at once, so the excess peaks at point 61, the state after the
        // crisis's step. Its posture then relaxes at rate m − a = 0.8 − 0.3 = 0.5 a year (half-life
        // 1.4 years): 15 years on, 2^(−15/1.4) ≈ 0.1 % of the excess posture is left, so under 5 % of
        // the peak tension. With restraint 0.5 (m − a = 0.2, half-life 3.5 years) more is left after 3 years.
        Assert.Multiple(() =>
        {
            Assert.That(peakPoint, Is.EqualTo(61));
            Assert.That(peak, Is.GreaterThan(0.2));
            Assert.That(Excess(shortMemory, none, 61 + 12), Is.LessThan(0.7 * peak).And.GreaterThan(0.4 * peak));
            Assert.That(Excess(shortMemory, none, 60 + 180), Is.LessThan(0.05 * peak));
            Assert.That(Excess(longMemory, noneLong, 60 + 36), Is.GreaterThan(Excess(shortMemory, none, 60 + 36)));
        });
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Recording;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// A secret back channel over whole runs, on one seed: its meetings leave the publics exactly as if
/// it did not exist until it is exposed, where the same channel in public moves them; the channel
/// still works (meetings, working trust carried to the governments); and its exposure lowers public
/// trust and the governments' readiness at once, logged under T2-SECRECY.
/// </summary>
public sealed class SecretChannelTests
{
    private const ulong Seed = 5;

    // Monthly from 2000-01: the exposure on 2003-01 is applied in step 36 and first recorded at point 37.
    private const int ExposureStep = 36;

    /// <summary>
    /// Two states and a secret channel of journalists (who would speak to the publics, were it
    /// public) meeting every month from 2000-03 on one core topic, opened by a track2 event; the
    /// press exposes it on 2003-01. No leaks (so the exposure comes only from the event), no
    /// functional links, no agreements and no sector topic: the channel can reach the publics only
    /// through outreach and the media.
    /// </summary>
    private const string Yaml = """
        calendar: { start: 2000-01, end: 2004-12, step: month }
        states: [ { id: AA }, { id: BB } ]
        citizens:
          per_state: 400
          initial_trust: { AA: { mean: 0.35, sd: 0.15 }, BB: { mean: 0.3, sd: 0.15 } }
          shared_language: 0.8
        initiatives:
          - id: envoys
            start: 2000-03
            meeting_interval: 1 month
            resilience: 0.9
            secret: true
            topics: [ { id: border, core: true } ]
            participants:
              - { state: AA, role: journalist, count: 3, reach: 0.5 }
              - { state: BB, role: journalist, count: 3, reach: 0.5 }
        events:
          - { id: opening, date: 2000-03, kind: track2, severity: 0.5, actors: [AA, BB], effects: { start_initiatives: [envoys] } }
          - { id: revealed, date: 2003-01, kind: other, actors: [AA, BB], effects: { expose: [envoys] } }
        parameters:
          secrecy: { leak_per_meeting: 0 }
        """;

    private static readonly string[] States = ["AA", "BB"];
    private static readonly string[] PublicMetrics = ["public_trust", "polarization", "hostile_share"];

    private static readonly Lazy<Scenario> Secret = new(() => EngineScenarios.Load(Yaml));

    private static RunResult Run(Scenario scenario) => new Simulation(scenario, 0, Seed, citizenThreads: 1).Run();

    private static Scenario WithoutEvents(Scenario scenario, params string[] ids) =>
        scenario with { Events = [.. scenario.Events.Where(e => !ids.Contains(e.Id))] };

    /// <summary>The same scenario with the channel public, and nothing left to expose.</summary>
    private static Scenario Public() =>
        WithoutEvents(Secret.Value, "revealed") with { Initiatives = [.. Secret.Value.Initiatives.Select(i => i with { Secret = false })] };

    /// <summary>The same scenario without the channel and the events about it.</summary>
    private static Scenario Without() =>
        WithoutEvents(Secret.Value, "opening", "revealed") with { Initiatives = [] };

    private static double[] Values(RunResult run, string metric, string subject) => [.. run.Get(metric, subject).Values];

    [Test]
    public void A_secret_channels_meetings_leave_the_publics_as_if_it_did_not_exist_until_it_is_exposed()
    {
        var secret = Run(Secret.Value);
        var without = Run(Without());
        var open = Run(Public());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(secret, "meetings_held", "envoys")[ExposureStep], Is.GreaterThan(20), "the channel meets in secret");
            Assert.That(Values(secret, "track2_trust", "envoys")[ExposureStep], Is.GreaterThan(0.5), "and builds working trust");
            foreach (string state in States)
            {
                foreach (string metric in PublicMetrics)
                {
                    // Points 0 to 36: the state of the world up to the start of the exposure's step.
                    Assert.That(Values(secret, metric, state)[..(ExposureStep + 1)], Is.EqualTo(Values(without, metric, state)[..(ExposureStep + 1)]), $"{metric} {state}: secret channel against no channel");
                }

                Assert.That(Values(open, "public_trust", state)[ExposureStep], Is.Not.EqualTo(Values(without, "public_trust", state)[ExposureStep]), $"{state}: the same channel in public moves its public");
                Assert.That(Values(open, "public_trust", state)[ExposureStep], Is.GreaterThan(Values(secret, "public_trust", state)[ExposureStep]), $"{state}: journalists who come to trust the other side speak well of it");
            }
        }
    }

    [Test]
    public void The_governments_draw_working_trust_from_the_secret_channel()
    {
        var secret = Run(Secret.Value);
        var without = Run(Without());

        // The publics are the same in both runs until the exposure (above); the governments are
        // not: their optimism carries the working trust of the channel.
        using (Assert.EnterMultipleScope())
        {
            foreach (string state in States)
            {
                Assert.That(Values(secret, "optimism", state)[ExposureStep], Is.GreaterThan(Values(without, "optimism", state)[ExposureStep]), state);
            }
        }
    }

    [Test]
    public void The_exposure_lowers_public_trust_and_readiness_at_once_and_is_logged()
    {
        var exposed = Run(Secret.Value);
        var kept = Run(WithoutEvents(Secret.Value, "revealed"));
        var exposure = exposed.Log.Where(e => e.Rule == "T2-SECRECY").ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exposure.Select(e => (e.Step, e.Subject)), Is.EqualTo(new[] { (ExposureStep, "envoys") }));
            Assert.That(exposure[0].Detail, Does.StartWith("exposed by revealed; backlash on the public of AA -0.0"));
            Assert.That(kept.Log.Select(e => e.Rule), Has.None.EqualTo("T2-SECRECY"));
            Assert.That(Values(exposed, "readiness", "AA-BB")[ExposureStep], Is.EqualTo(Values(kept, "readiness", "AA-BB")[ExposureStep]), "nothing differs before the exposure");
            Assert.That(Values(exposed, "readiness", "AA-BB")[ExposureStep + 1], Is.LessThan(Values(kept, "readiness", "AA-BB")[ExposureStep + 1] * 0.75), "the governments withhold 0.3 of their readiness (and their publics trust less)");
            foreach (string state in States)
            {
                Assert.That(Values(exposed, "public_trust", state)[ExposureStep], Is.EqualTo(Values(kept, "public_trust", state)[ExposureStep]), state);
                Assert.That(Values(exposed, "public_trust", state)[ExposureStep + 1], Is.LessThan(Values(kept, "public_trust", state)[ExposureStep + 1] - 0.01), state);
            }
        }
    }
}

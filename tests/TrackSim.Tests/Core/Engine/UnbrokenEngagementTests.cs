using TrackSim.Experiments.Analysis;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Property 4 of the design: a Track II initiative that keeps meeting through a suspension speeds up resumption and lowers tension.</summary>
public sealed class UnbrokenEngagementTests
{
    private const int CrisisPoint = 60; // 2005-01 on a monthly calendar from 2000-01

    private static readonly string Yaml = """
        calendar: { start: 2000-01, end: 2014-12 }
        states: [ { id: AA }, { id: BB } ]
        citizens: { per_state: 200 }
        initiatives:
          - id: dialogue
            start: 2000-01
            meeting_interval: 2 months
            resilience: 1
            topics: [ { id: trade }, { id: kashmir, core: true } ]
            participants:
              - { state: AA, role: former_diplomat, count: 3 }
              - { state: BB, role: former_diplomat, count: 3 }
        events:
          - { id: attack, date: 2005-01, kind: terror_attack, severity: 0.9, actors: [BB, AA] }
        variants:
          - name: paused
            add_events:
              - { id: pause, date: 2005-01, kind: other, actors: [AA, BB], effects: { stop_initiatives: [dialogue] } }
              - { id: restart, date: 2010-01, kind: other, actors: [AA, BB], effects: { start_initiatives: [dialogue] } }
        # Hawkish leaderships (0.8, readiness × 0.6) make the governments' readiness, not the
        # shortest suspension (dialogue.min_suspension), the constraint on resumption: the
        # property is about what Track II does to readiness, so it is tested where readiness binds.
        # With the default hawkishness both variants resume when the shortest suspension ends.
        parameters:
          posture: { hawkishness: 0.8 }
        ensemble: { replicates: 40, seed: 11 }
        """;

    private static int StepsToResumption(RunResult run)
    {
        var open = run.Get("dialogue_open", "AA-BB").Values;
        for (int k = CrisisPoint + 1; k < open.Length; k++)
        {
            if (open[k] == 1)
            {
                return k - CrisisPoint;
            }
        }

        return open.Length - CrisisPoint; // censored at the end of the run: counted, not dropped
    }

    private static double MeanTensionAfterCrisis(RunResult run) =>
        run.Get("tension", "AA-BB").Values.Skip(CrisisPoint).Take(60).Average();

    [Test]
    public void Meeting_through_the_suspension_shortens_the_time_to_resumed_dialogue_and_lowers_tension()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var result = Ensemble.Run(scenario, new EnsembleOptions { Threads = 2 });
        var unbroken = result.RunsOf("base").ToArray();
        var paused = result.RunsOf("paused").ToArray();
        Assert.That(unbroken[0].Get("dialogue_open", "AA-BB").Values[CrisisPoint + 1], Is.Zero, "the attack must suspend the dialogue");

        var resumption = PairedDifference.Of([.. unbroken.Select(r => (double)StepsToResumption(r))], [.. paused.Select(r => (double)StepsToResumption(r))]);
        var tension = PairedDifference.Of([.. unbroken.Select(MeanTensionAfterCrisis)], [.. paused.Select(MeanTensionAfterCrisis)]);

        // Paired differences over 40 replicates on common random numbers: the 95 % t interval
        // must lie entirely below zero.
        Assert.Multiple(() =>
        {
            Assert.That(resumption.High, Is.LessThan(0), $"resumption difference mean {resumption.MeanDifference}, unbroken {unbroken.Average(r => (double)StepsToResumption(r))}, paused {paused.Average(r => (double)StepsToResumption(r))}");
            Assert.That(tension.High, Is.LessThan(0), $"tension difference mean {tension.MeanDifference}");
        });
    }
}

using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Effects;

/// <summary>Time to recovery after each labelled hostile event, per variant, with runs that never recover counted as censored.</summary>
public static class RecoveryTable
{
    /// <summary>Steps until the dyad's tension is below its level just before the event.</summary>
    public const string TensionMeasure = "tension_below_pre_event";

    /// <summary>Steps until the official dialogue is open (1 when the event did not close it).</summary>
    public const string DialogueMeasure = "dialogue_reopens";

    /// <summary>
    /// One row per variant, hostile labelled event (see <see cref="EffectsTable.Windows"/>) and measure.
    /// The dyad followed is the first that joins two of the event's actors, or the scenario's first dyad.
    /// </summary>
    public static ImmutableArray<RecoveryRow> Compute(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var scenario = ensemble.Scenario;
        if (scenario.Dyads.IsEmpty)
        {
            return [];
        }

        var rows = ImmutableArray.CreateBuilder<RecoveryRow>();
        foreach (var window in EffectsTable.Windows(scenario).Where(w => w.EventId is not null))
        {
            var e = scenario.Events.First(x => x.Id == window.EventId);
            if (e.Valence != Valence.Hostile)
            {
                continue;
            }

            string dyad = DyadOf(scenario, e);
            foreach (string variant in ensemble.Variants)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var runs = EffectsTable.Runs(ensemble, variant);
                var tension = new int?[runs.Length];
                var dialogue = new int?[runs.Length];
                for (int i = 0; i < runs.Length; i++)
                {
                    var t = runs[i].Get("tension", dyad).Values;
                    double before = t[window.EventStep];
                    tension[i] = Recovery.StepsUntil(t, window.EventStep, x => x < before);
                    dialogue[i] = Recovery.StepsUntil(runs[i].Get("dialogue_open", dyad).Values, window.EventStep, x => x >= 0.5);
                }

                rows.Add(Row(variant, e.Id, TensionMeasure, RecoverySummary.Of(tension)));
                rows.Add(Row(variant, e.Id, DialogueMeasure, RecoverySummary.Of(dialogue)));
            }
        }

        return rows.ToImmutable();
    }

    private static RecoveryRow Row(string variant, string eventId, string measure, RecoverySummary s) =>
        new(variant, eventId, measure, s.N, s.Recovered, s.Censored, s.MedianAmongRecovered, s.KaplanMeierMedian);

    private static string DyadOf(Scenario scenario, EventSpec e)
    {
        foreach (var dyad in scenario.Dyads)
        {
            if (e.Actors.Contains(dyad.A) && e.Actors.Contains(dyad.B))
            {
                return dyad.Subject;
            }
        }

        return scenario.Dyads[0].Subject;
    }
}

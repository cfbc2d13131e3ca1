using System.Collections.Immutable;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Outcomes;

/// <summary>
/// The official dialogue as an outcome of an ensemble, read from the runs' event logs
/// (<see cref="OutcomeLog"/>): per variant and dyad, how often the dialogue was suspended and
/// resumed, and how long it stayed shut. A suspension is every closing of the dialogue: a break
/// by a government (or by a decided event) and a lapse. The time to resume is counted from the
/// first day of the step of the suspension to that of the next resumption, in months
/// (<see cref="OutcomeLog.MonthsBetween"/>: whole months on a monthly calendar); a suspension not
/// resumed before the run ends has no such time and is counted in
/// <see cref="DialogueRow.Suspensions"/> but not in <see cref="DialogueRow.Resumed"/>.
/// </summary>
public static class DialogueTable
{
    /// <summary>One row per variant (in run order) and dyad (in scenario order).</summary>
    public static ImmutableArray<DialogueRow> Compute(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var rows = ImmutableArray.CreateBuilder<DialogueRow>();
        foreach (string variant in ensemble.Variants)
        {
            var runs = EffectsTable.Runs(ensemble, variant);
            if (runs.Length == 0)
            {
                continue;
            }

            var changes = runs.Select(OutcomeLog.Dialogue).ToArray();
            foreach (var dyad in ensemble.Scenario.Dyads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int suspensions = 0;
                int lapses = 0;
                int resumptions = 0;
                var months = new List<double>();
                foreach (var run in changes)
                {
                    var own = run.Where(c => c.Dyad == dyad.Subject).ToArray();
                    for (int i = 0; i < own.Length; i++)
                    {
                        var change = own[i];
                        if (!change.Closes)
                        {
                            resumptions++;
                            continue;
                        }

                        suspensions++;
                        lapses += change.Kind == DialogueChangeKind.Lapsed ? 1 : 0;
                        var next = own.Skip(i + 1).FirstOrDefault(c => c.Kind == DialogueChangeKind.Resumed);
                        if (next is not null)
                        {
                            months.Add(OutcomeLog.MonthsBetween(change.Date, next.Date));
                        }
                    }
                }

                double[] sorted = [.. months.Order()];
                rows.Add(new DialogueRow(
                    variant,
                    dyad.Subject,
                    runs.Length,
                    suspensions / (double)runs.Length,
                    lapses / (double)runs.Length,
                    resumptions / (double)runs.Length,
                    suspensions,
                    sorted.Length,
                    sorted.Length == 0 ? null : Quantiles.Type7(sorted, 0.05),
                    sorted.Length == 0 ? null : Quantiles.Type7(sorted, 0.50),
                    sorted.Length == 0 ? null : Quantiles.Type7(sorted, 0.95)));
            }
        }

        return rows.ToImmutable();
    }
}

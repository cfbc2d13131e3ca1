using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Outcomes;

namespace TrackSim.Experiments.Effects;

/// <summary>
/// Paired counterfactual effects: each variant against the base, replicate by replicate. Variants
/// share the base's random streams replicate by replicate, so the pairs differ only by the variant's
/// change and the noise it sets off, and their differences are far tighter than unpaired ones.
/// </summary>
public static class EffectsTable
{
    /// <summary>
    /// The windows compared: the whole run, then from each labelled event (the scenario's
    /// <c>outputs.label_events</c>, or every event inside the calendar when none are listed) to the end
    /// of the run. Windows come from the base scenario, so a variant that removes an event is still
    /// compared over the same stretch of time.
    /// </summary>
    public static ImmutableArray<EffectWindow> Windows(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var calendar = scenario.Calendar;
        var chosen = scenario.Outputs.LabelEvents.IsDefaultOrEmpty
            ? scenario.Events
            : [.. scenario.Outputs.LabelEvents.Select(id => scenario.Events.FirstOrDefault(e => e.Id == id)).OfType<EventSpec>()];
        var windows = ImmutableArray.CreateBuilder<EffectWindow>();
        windows.Add(EffectWindow.Whole);
        foreach (var e in chosen.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!calendar.Contains(e.Date))
            {
                continue;
            }

            // The event acts during its step, whose outcome is recorded at index step + 1.
            int step = calendar.StepOf(e.Date);
            windows.Add(new EffectWindow($"after:{e.Id}", step + 1, e.Id, step));
        }

        return windows.ToImmutable();
    }

    /// <summary>
    /// Every variant against the base, for each metric, subject and window, then for each agreement
    /// whether it was reached (<see cref="AgreementTable.Effects"/>); empty without a base and another variant.
    /// </summary>
    public static ImmutableArray<EffectRow> Compute(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (!ensemble.Variants.Contains(Scenario.BaseVariant) || ensemble.Variants.Length < 2)
        {
            return [];
        }

        var windows = Windows(ensemble.Scenario);
        var baseRuns = Runs(ensemble, Scenario.BaseVariant);
        var keys = baseRuns[0].Series.Select(s => s.Key).ToList();
        var rows = ImmutableArray.CreateBuilder<EffectRow>();
        var b = new double[baseRuns.Length];
        var v = new double[baseRuns.Length];
        foreach (string variant in ensemble.Variants.Where(n => n != Scenario.BaseVariant))
        {
            var runs = Runs(ensemble, variant);
            foreach (var key in keys)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A variant may drop an initiative; it then has nothing to compare for it.
                if (runs[0].Series.All(s => s.Key != key))
                {
                    continue;
                }

                var baseSeries = baseRuns.Select(r => r.Get(key.Metric, key.Subject).Values).ToArray();
                var variantSeries = runs.Select(r => r.Get(key.Metric, key.Subject).Values).ToArray();
                foreach (var window in windows)
                {
                    for (int i = 0; i < b.Length; i++)
                    {
                        b[i] = window.MeanOf(baseSeries[i]);
                        v[i] = window.MeanOf(variantSeries[i]);
                    }

                    var d = PairedDifference.Of(v, b);
                    rows.Add(new EffectRow(variant, key.Metric, key.Subject, window.Name, d.N, d.MeanBaseline, d.MeanVariant, d.MeanDifference, d.Low, d.High, d.FractionHigher));
                }
            }
        }

        rows.AddRange(AgreementTable.Effects(ensemble, cancellationToken));
        return rows.ToImmutable();
    }

    /// <summary>The runs of one variant in replicate order.</summary>
    public static RunResult[] Runs(EnsembleResult ensemble, string variant) =>
        [.. ensemble.RunsOf(variant).OrderBy(r => r.Replicate)];
}

using System.Collections.Immutable;
using CultureInfo = System.Globalization.CultureInfo;
using TrackSim.Core.Domain;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Outcomes;

/// <summary>
/// The official agreements as outcomes of an ensemble, read from the runs' event logs
/// (<see cref="OutcomeLog"/>): per variant and agreement, whether and when the runs reached it
/// (<see cref="AgreementRow"/>), and per historical date how many reached it near that date
/// (<see cref="AgreementTargetRow"/>).
/// <para>
/// Dates are the first days of the steps in which an agreement was reached. A historical date is
/// compared through the step that contains it: a run reached the agreement within 12 months of
/// the date when it reached it in a step whose first day is at most 12 months (by
/// <see cref="OutcomeLog.MonthsBetween"/>) before or after the first day of that step; on a
/// monthly calendar, in the target's month or the 12 months either side. Quantiles are
/// Hyndman and Fan's type 7 (<see cref="Quantiles"/>); a quantile of dates is that of their day
/// numbers, rounded to the nearest day (a half day up).
/// </para>
/// </summary>
public static class AgreementTable
{
    /// <summary>The pseudo-metric of the agreement rows of effects.csv: 1 for a run that reached the agreement, 0 otherwise.</summary>
    public const string ReachedMetric = "agreement_reached";

    /// <summary>Months either side of a historical date within which a reach counts as on time.</summary>
    public const double WindowMonths = 12;

    /// <summary>The prefix of the effects window of one historical date: <c>within_12_months:1999-02-21</c>.</summary>
    public const string TargetWindowPrefix = "within_12_months:";

    /// <summary>One row per variant (in run order) and agreement on its table (in scenario order).</summary>
    public static ImmutableArray<AgreementRow> Compute(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var rows = ImmutableArray.CreateBuilder<AgreementRow>();
        foreach (var (variant, agreements, runs) in ByVariant(ensemble))
        {
            foreach (var spec in agreements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var histories = runs.Select(r => r.Of(spec.Id)).ToArray();
                var first = histories.Where(h => h.Reaches.Length > 0).Select(h => (double)h.Reaches[0].Date.DayNumber).Order().ToArray();
                rows.Add(new AgreementRow(
                    variant,
                    spec.Id,
                    spec.Name,
                    spec.Historical,
                    runs.Length,
                    Share(histories, h => h.Reaches.Length > 0),
                    DateQuantile(first, 0.05),
                    DateQuantile(first, 0.50),
                    DateQuantile(first, 0.95),
                    histories.Average(h => (double)h.Reaches.Length),
                    Share(histories, h => h.Collapses > 0),
                    Share(histories, h => h.InForceAtEnd),
                    Share(histories, h => h.Scripted)));
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>One row per variant (in run order), agreement on its table (in scenario order) and historical date (in order).</summary>
    public static ImmutableArray<AgreementTargetRow> Targets(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var calendar = ensemble.Scenario.Calendar;
        var rows = ImmutableArray.CreateBuilder<AgreementTargetRow>();
        foreach (var (variant, agreements, runs) in ByVariant(ensemble))
        {
            foreach (var spec in agreements)
            {
                var histories = runs.Select(r => r.Of(spec.Id)).ToArray();
                foreach (var target in spec.Historical)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var offsets = histories.Select(h => NearestOffset(calendar, h, target)).OfType<double>().Order().ToArray();
                    rows.Add(new AgreementTargetRow(
                        variant,
                        spec.Id,
                        target,
                        runs.Length,
                        Share(histories, h => Within(calendar, h, target)),
                        offsets.Length,
                        offsets.Length == 0 ? null : Quantiles.Type7(offsets, 0.05),
                        offsets.Length == 0 ? null : Quantiles.Type7(offsets, 0.50),
                        offsets.Length == 0 ? null : Quantiles.Type7(offsets, 0.95)));
                }
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// The agreement rows of effects.csv: each variant against the base, paired by replicate, for
    /// every agreement on both tables. Metric <see cref="ReachedMetric"/>, subject the agreement,
    /// window <c>whole</c> (reached at all) and <c>within_12_months:DATE</c> for each historical
    /// date (reached within 12 months of it); each run counts 1 or 0, so the means are shares of
    /// runs and <c>fraction_higher</c> is the share of pairs in which only the variant reached it.
    /// Empty without a base and another variant.
    /// </summary>
    public static ImmutableArray<EffectRow> Effects(EnsembleResult ensemble, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        if (!ensemble.Variants.Contains(Scenario.BaseVariant) || ensemble.Variants.Length < 2)
        {
            return [];
        }

        var calendar = ensemble.Scenario.Calendar;
        var all = ByVariant(ensemble).ToList();
        var (_, baseAgreements, baseRuns) = all.Single(v => v.Variant == Scenario.BaseVariant);
        var rows = ImmutableArray.CreateBuilder<EffectRow>();
        foreach (var (variant, agreements, runs) in all.Where(v => v.Variant != Scenario.BaseVariant))
        {
            foreach (var spec in agreements.Where(a => baseAgreements.Any(b => b.Id == a.Id)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var b = baseRuns.Select(r => r.Of(spec.Id)).ToArray();
                var v = runs.Select(r => r.Of(spec.Id)).ToArray();
                rows.Add(Row(variant, spec.Id, "whole", v, b, h => h.Reaches.Length > 0));
                foreach (var target in spec.Historical)
                {
                    rows.Add(Row(variant, spec.Id, TargetWindowPrefix + target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v, b, h => Within(calendar, h, target)));
                }
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// The signed months from the first day of the step that contains <paramref name="target"/>
    /// to the first day of the step of the nearest reach (the earlier of two equally near); null
    /// when the run never reached the agreement.
    /// </summary>
    internal static double? NearestOffset(Calendar calendar, AgreementHistory history, DateOnly target)
    {
        DateOnly targetStep = calendar.DateOf(calendar.StepOf(target));
        double? best = null;
        foreach (var reach in history.Reaches)
        {
            double offset = OutcomeLog.MonthsBetween(targetStep, reach.Date);
            if (best is null || Math.Abs(offset) < Math.Abs(best.Value))
            {
                best = offset;
            }
        }

        return best;
    }

    private static bool Within(Calendar calendar, AgreementHistory history, DateOnly target) =>
        NearestOffset(calendar, history, target) is { } offset && Math.Abs(offset) <= WindowMonths + 1e-9;

    private static EffectRow Row(string variant, string agreement, string window, AgreementHistory[] v, AgreementHistory[] b, Func<AgreementHistory, bool> reached)
    {
        var d = PairedDifference.Of([.. v.Select(h => reached(h) ? 1.0 : 0.0)], [.. b.Select(h => reached(h) ? 1.0 : 0.0)]);
        return new EffectRow(variant, ReachedMetric, agreement, window, d.N, d.MeanBaseline, d.MeanVariant, d.MeanDifference, d.Low, d.High, d.FractionHigher);
    }

    private static double Share(AgreementHistory[] histories, Func<AgreementHistory, bool> holds) =>
        histories.Length == 0 ? 0 : histories.Count(holds) / (double)histories.Length;

    private static DateOnly? DateQuantile(double[] sortedDays, double p) =>
        sortedDays.Length == 0 ? null : DateOnly.FromDayNumber((int)Math.Floor(Quantiles.Type7(sortedDays, p) + 0.5));

    // The runs of each variant that has any, in run order, with the agreements on its table.
    private static IEnumerable<(string Variant, ImmutableArray<AgreementSpec> Agreements, RunAgreements[] Runs)> ByVariant(EnsembleResult ensemble)
    {
        foreach (string variant in ensemble.Variants)
        {
            var runs = EffectsTable.Runs(ensemble, variant);
            if (runs.Length == 0)
            {
                continue;
            }

            yield return (variant, ensemble.Scenario.ForVariant(variant).Agreements, [.. runs.Select(RunAgreements.Of)]);
        }
    }

    /// <summary>The agreement changes of one run, by agreement.</summary>
    private sealed class RunAgreements
    {
        private readonly Dictionary<string, AgreementHistory> _byAgreement;

        private RunAgreements(Dictionary<string, AgreementHistory> byAgreement) => _byAgreement = byAgreement;

        public static RunAgreements Of(RunResult run) =>
            new(OutcomeLog.Agreements(run).GroupBy(c => c.Agreement, StringComparer.Ordinal).ToDictionary(g => g.Key, g => AgreementHistory.Of([.. g]), StringComparer.Ordinal));

        public AgreementHistory Of(string agreement) => _byAgreement.GetValueOrDefault(agreement) ?? AgreementHistory.Never;
    }
}

/// <summary>What happened to one agreement in one run.</summary>
/// <param name="Reaches">Its reaches, in time order.</param>
/// <param name="Collapses">How many times it collapsed.</param>
/// <param name="InForceAtEnd">Whether it was in force when the run ended.</param>
/// <param name="Scripted">Whether a decided event reached it at least once.</param>
internal sealed record AgreementHistory(ImmutableArray<AgreementChange> Reaches, int Collapses, bool InForceAtEnd, bool Scripted)
{
    /// <summary>An agreement never reached.</summary>
    public static AgreementHistory Never { get; } = new([], 0, false, false);

    /// <summary>The history told by the changes of one agreement in log order.</summary>
    public static AgreementHistory Of(ImmutableArray<AgreementChange> changes)
    {
        var reaches = changes.Where(c => c.Kind == AgreementChangeKind.Reached).ToImmutableArray();
        return new AgreementHistory(
            reaches,
            changes.Count(c => c.Kind == AgreementChangeKind.Collapsed),
            changes.Length > 0 && changes[^1].Kind == AgreementChangeKind.Reached,
            reaches.Any(c => c.Scripted));
    }
}

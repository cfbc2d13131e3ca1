using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Outcomes;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// Scores one run against a list of targets, and combines the scores into the distance ABC uses
/// (docs/CALIBRATION.md, "The distance"). Each target's discrepancy d is its miss in tolerances:
/// |model - observed| / tolerance for levels and timings, the shortfall of the change below the
/// observed one for changes, the months by which a resumption observed as "none" came too early.
/// A run meets a target when d is at most 1. The distance is the weighted root mean square of the
/// discrepancies, each capped at <see cref="Cap"/> so that one target missed by far cannot outweigh
/// the others: D = sqrt(Σ w_i min(d_i, 3)² / Σ w_i).
/// </summary>
public static class TargetEvaluator
{
    /// <summary>The most a single discrepancy counts for in the distance, in tolerances.</summary>
    public const double Cap = 3;

    /// <summary>The problems of <paramref name="targets"/> for <paramref name="scenario"/>: subjects, agreements or periods it does not have.</summary>
    public static ImmutableArray<string> Problems(IReadOnlyList<CalibrationTarget> targets, Scenario scenario, string where)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = ImmutableArray.CreateBuilder<string>();
        var calendar = scenario.Calendar;
        foreach (var target in targets)
        {
            string at = $"{where}:{target.Line}: target '{target.Id}'";
            switch (target.Kind)
            {
                case TargetKind.Agreement:
                    if (!scenario.Agreements.Any(a => a.Id == target.Subject))
                    {
                        problems.Add($"{at}: the scenario has no agreement '{target.Subject}'; it has {List(scenario.Agreements.Select(a => a.Id))}");
                    }

                    break;
                case TargetKind.Favourable or TargetKind.Unfavourable:
                    var pairs = MetricSubjects.Of(MetricCatalog.PublicTrust, scenario);
                    string holder = target.Subject.Split('>')[0];
                    if (!pairs.Contains(target.Subject) && !(PairOf(target.Subject, scenario) is { } single && pairs.Contains(single)))
                    {
                        problems.Add($"{at}: public trust is recorded for {List(pairs)}, not '{target.Subject}'");
                    }
                    else if (!MetricSubjects.Of(MetricCatalog.Polarization, scenario).Contains(holder))
                    {
                        problems.Add($"{at}: the spread of opinion (polarization) is not recorded for '{holder}'");
                    }

                    break;
                default:
                    var metric = MetricCatalog.Find(target.Metric)!;
                    var subjects = MetricSubjects.Of(metric, scenario);
                    if (!subjects.Contains(target.Subject))
                    {
                        problems.Add($"{at}: {metric.Name} is recorded for {List(subjects)}, not '{target.Subject}'");
                    }

                    break;
            }

            foreach (var (name, period) in new[] { ("period", target.Period), ("baseline", target.Baseline) })
            {
                if (period is not null && (period.First < calendar.Start || period.Last > calendar.End))
                {
                    problems.Add($"{at}: the {name} {period} is not inside the run ({calendar.Start:yyyy-MM-dd} to {calendar.End:yyyy-MM-dd})");
                }
            }

            if (target.ObservedDate is { } date && (date < calendar.Start || date > calendar.End))
            {
                problems.Add($"{at}: the observed date {date:yyyy-MM-dd} is not inside the run ({calendar.Start:yyyy-MM-dd} to {calendar.End:yyyy-MM-dd})");
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>How <paramref name="run"/> does on each target, in the targets' order.</summary>
    /// <exception cref="KeyNotFoundException">The run does not record a series a target reads (check with <see cref="Problems"/> first).</exception>
    public static ImmutableArray<TargetFit> Evaluate(IReadOnlyList<CalibrationTarget> targets, RunResult run, ObservationModel observation)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(observation);
        var series = Index(run);
        ImmutableArray<AgreementChange>? agreements = null;
        var fits = ImmutableArray.CreateBuilder<TargetFit>(targets.Count);
        foreach (var target in targets)
        {
            fits.Add(target.Kind switch
            {
                TargetKind.Level => Level(target, Mean(run, Values(series, target.Metric, target.Subject), target.Period!)),
                TargetKind.Favourable or TargetKind.Unfavourable => Level(target, Survey(target, run, series, observation)),
                TargetKind.Change => Change(target, run, Values(series, target.Metric, target.Subject)),
                TargetKind.Peak => Peak(target, run, Values(series, target.Metric, target.Subject)),
                TargetKind.Agreement => Agreement(target, agreements ??= OutcomeLog.Agreements(run), run),
                TargetKind.Resumption => Resumption(target, run, Values(series, MetricCatalog.DialogueOpen.Name, target.Subject)),
                _ => throw new InvalidOperationException($"No evaluation for {target.Kind}."),
            });
        }

        return fits.MoveToImmutable();
    }

    /// <summary>The distance of a run from the targets: the weighted root mean square of the capped discrepancies.</summary>
    public static double Distance(IReadOnlyList<TargetFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        double sum = 0;
        double weights = 0;
        foreach (var fit in fits)
        {
            double d = Math.Min(fit.Discrepancy, Cap);
            sum += fit.Target.Weight * d * d;
            weights += fit.Target.Weight;
        }

        return weights > 0 ? Math.Sqrt(sum / weights) : throw new ArgumentException("No targets to measure a distance from.", nameof(fits));
    }

    /// <summary>The subject <c>A&gt;B</c> recorded as <c>A</c> when A relates to one actor only, or null.</summary>
    private static string? PairOf(string subject, Scenario scenario)
    {
        int arrow = subject.IndexOf('>', StringComparison.Ordinal);
        if (arrow < 0)
        {
            return null;
        }

        string holder = subject[..arrow];
        var related = scenario.Dyads.Where(d => d.A == holder || d.B == holder).Select(d => d.A == holder ? d.B : d.A).ToList();
        return related.Count == 1 && related[0] == subject[(arrow + 1)..] ? holder : null;
    }

    /// <summary>A run's series by metric and subject, for <see cref="Values"/>.</summary>
    internal static Dictionary<(string Metric, string Subject), ImmutableArray<double>> Index(RunResult run) =>
        run.Series.ToDictionary(s => (s.Key.Metric, s.Key.Subject), s => s.Values);

    /// <summary>The series of <paramref name="metric"/> for <paramref name="subject"/>; public trust <c>A&gt;B</c> is A's when A relates to B only.</summary>
    internal static ImmutableArray<double> Values(Dictionary<(string Metric, string Subject), ImmutableArray<double>> series, string metric, string subject)
    {
        if (series.TryGetValue((metric, subject), out var values))
        {
            return values;
        }

        // Public trust of A toward B is recorded as A's when A relates to B only.
        int arrow = subject.IndexOf('>', StringComparison.Ordinal);
        return arrow > 0 && series.TryGetValue((metric, subject[..arrow]), out var single)
            ? single
            : throw new KeyNotFoundException($"The run records no series {metric} for {subject}.");
    }

    private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";

    private static TargetFit Level(CalibrationTarget target, double model) =>
        new(target, model, null, Math.Abs(model - target.Observed) / target.Tolerance);

    private static double Survey(CalibrationTarget target, RunResult run, Dictionary<(string Metric, string Subject), ImmutableArray<double>> series, ObservationModel observation)
    {
        var trust = Values(series, MetricCatalog.PublicTrust.Name, target.Subject);
        var spread = Values(series, MetricCatalog.Polarization.Name, target.Subject.Split('>')[0]);
        double sum = 0;
        int count = 0;
        foreach (int k in Points(run, target.Period!))
        {
            sum += target.Kind == TargetKind.Favourable ? observation.Favourable(trust[k], spread[k]) : observation.Unfavourable(trust[k], spread[k]);
            count++;
        }

        return sum / count;
    }

    private static TargetFit Change(CalibrationTarget target, RunResult run, ImmutableArray<double> values)
    {
        double change = Mean(run, values, target.Period!) - Mean(run, values, target.Baseline!);
        double shortfall = Math.Max(0, Math.Abs(target.Observed) - (Math.Sign(target.Observed) * change));
        return new TargetFit(target, change, null, shortfall / target.Tolerance);
    }

    private static TargetFit Peak(CalibrationTarget target, RunResult run, ImmutableArray<double> values)
    {
        int best = -1;
        foreach (int k in Points(run, target.Period!))
        {
            if (best < 0 || values[k] > values[best])
            {
                best = k;
            }
        }

        return Timing(target, run.Dates[best]);
    }

    /// <summary>The reach nearest the observed date; an agreement never reached in the period counts as reached the day after it (or the run) ends.</summary>
    private static TargetFit Agreement(CalibrationTarget target, ImmutableArray<AgreementChange> changes, RunResult run)
    {
        var observed = target.ObservedDate!.Value;
        DateOnly? nearest = null;
        foreach (var change in changes)
        {
            if (change.Kind == AgreementChangeKind.Reached && change.Agreement == target.Subject && (target.Period?.Contains(change.Date) ?? true)
                && (nearest is not { } n || Math.Abs(OutcomeLog.MonthsBetween(observed, change.Date)) < Math.Abs(OutcomeLog.MonthsBetween(observed, n))))
            {
                nearest = change.Date;
            }
        }

        var after = (target.Period?.Last ?? run.Dates[^1]).AddDays(1);
        return nearest is { } date
            ? Timing(target, date)
            : new TargetFit(target, double.NaN, null, Math.Abs(OutcomeLog.MonthsBetween(observed, after)) / target.Tolerance);
    }

    /// <summary>
    /// The first reopening within the period: the first recorded point with the dialogue open
    /// after one with it closed. A dialogue that never closes in the period "reopens" on its first
    /// day (the model has no break to reopen from); one that closes and stays closed has no reopening.
    /// </summary>
    private static TargetFit Resumption(CalibrationTarget target, RunResult run, ImmutableArray<double> open)
    {
        var period = target.Period;
        bool closed = false;
        DateOnly? reopened = null;
        bool any = false;
        foreach (int k in period is null ? Enumerable.Range(0, run.Dates.Length) : Points(run, period))
        {
            any = true;
            if (open[k] < 0.5)
            {
                closed = true;
            }
            else if (closed)
            {
                reopened = run.Dates[k];
                break;
            }
        }

        if (!closed && any)
        {
            reopened = period?.First ?? run.Dates[0];
        }

        // After the period, in the model or in the record: the first day past its end.
        var after = (period?.Last ?? run.Dates[^1]).AddDays(1);
        if (target.ObservedDate is not { } observed)
        {
            double early = reopened is { } r ? OutcomeLog.MonthsBetween(r, after) : 0;
            return new TargetFit(target, double.NaN, reopened, Math.Max(0, early) / target.Tolerance);
        }

        return reopened is { } date
            ? Timing(target, date)
            : new TargetFit(target, double.NaN, null, Math.Abs(OutcomeLog.MonthsBetween(observed, after)) / target.Tolerance);
    }

    private static TargetFit Timing(CalibrationTarget target, DateOnly date)
    {
        double months = OutcomeLog.MonthsBetween(target.ObservedDate!.Value, date);
        return new TargetFit(target, months, date, Math.Abs(months) / target.Tolerance);
    }

    private static double Mean(RunResult run, ImmutableArray<double> values, TargetPeriod period)
    {
        double sum = 0;
        int count = 0;
        foreach (int k in Points(run, period))
        {
            sum += values[k];
            count++;
        }

        return sum / count;
    }

    /// <summary>The recorded points dated inside the period; at least one (the period is widened to the nearest point when it falls between two).</summary>
    private static IEnumerable<int> Points(RunResult run, TargetPeriod period)
    {
        var dates = run.Dates;
        int first = -1;
        int last = -1;
        for (int k = 0; k < dates.Length; k++)
        {
            if (period.Contains(dates[k]))
            {
                first = first < 0 ? k : first;
                last = k;
            }
        }

        if (first < 0)
        {
            // A period shorter than a step: the point at or before its start.
            int before = 0;
            while (before + 1 < dates.Length && dates[before + 1] <= period.First)
            {
                before++;
            }

            return [before];
        }

        return Enumerable.Range(first, last - first + 1);
    }
}

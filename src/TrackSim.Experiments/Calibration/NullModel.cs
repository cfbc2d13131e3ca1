using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Recording;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// The null model of the validation: the scenario's events and nothing else. Tension is the
/// dyad's initial tension plus a plain decaying sum of the severities of the events between its
/// two actors (hostile ones adding, cooperative ones subtracting, each halving every
/// <see cref="HalfLifeYears"/>), clipped to [0, 1]; every other series keeps its initial value
/// (no public opinion dynamics, a dialogue that never changes, no agreement ever reached). A
/// target the null model meets is one the events alone explain; the model earns credit only for
/// what it adds.
/// </summary>
public static class NullModel
{
    /// <summary>The half-life of an event's weight in the tension sum, in years (the default of media.half_life, the model's own fading of news).</summary>
    public const double HalfLifeYears = 2;

    /// <summary>The variant name the null model's run carries.</summary>
    public const string Variant = "null-model";

    /// <summary>The null model's run of <paramref name="scenario"/>, on the dates and initial values of <paramref name="template"/> (any run of the scenario).</summary>
    public static RunResult Run(Scenario scenario, RunResult template)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(template);
        var dates = template.Dates;
        var series = ImmutableArray.CreateBuilder<RecordedSeries>(template.Series.Length);
        foreach (var recorded in template.Series)
        {
            double start = recorded.Values[0];
            ImmutableArray<double> values = recorded.Key.Metric == MetricCatalog.Tension.Name
                ? Tension(scenario, recorded.Key.Subject, start, dates)
                : [.. Enumerable.Repeat(start, dates.Length)];
            series.Add(new RecordedSeries(recorded.Key, values));
        }

        return new RunResult(Variant, template.Replicate, dates, series.MoveToImmutable(), []);
    }

    private static ImmutableArray<double> Tension(Scenario scenario, string dyad, double start, ImmutableArray<DateOnly> dates)
    {
        var spec = scenario.Dyads.FirstOrDefault(d => d.Subject == dyad);
        var events = scenario.Events
            .Where(e => spec is not null && e.Actors.Contains(spec.A) && e.Actors.Contains(spec.B) && e.Valence != Valence.Neutral)
            .Select(e => (e.Date, Signed: e.Valence == Valence.Hostile ? e.Severity : -e.Severity))
            .ToArray();
        var values = new double[dates.Length];
        for (int k = 0; k < dates.Length; k++)
        {
            double sum = start;
            foreach (var (date, signed) in events)
            {
                // An event counts from the first recorded point after it.
                if (date < dates[k])
                {
                    double years = (dates[k].DayNumber - date.DayNumber) / Calendar.DaysPerYear;
                    sum += signed * Math.Pow(0.5, years / HalfLifeYears);
                }
            }

            values[k] = Math.Clamp(sum, 0, 1);
        }

        return [.. values];
    }
}

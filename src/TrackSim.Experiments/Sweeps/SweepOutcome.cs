using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Recording;
using Calendar = TrackSim.Core.Domain.Calendar;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// One number per run that a sweep records: the mean of a metric for one subject over a window
/// (<c>whole</c> run, the <c>last:&lt;years&gt;</c>, or <c>from:&lt;date&gt;</c> to the end).
/// </summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Subject">Dyad, state or initiative.</param>
/// <param name="Window">Window text: <c>whole</c>, <c>last:Y</c> or <c>from:YYYY-MM[-DD]</c>.</param>
public sealed record SweepOutcome(string Metric, string Subject, string Window)
{
    /// <summary>The outcome used when none is asked for: mean tension of the first dyad over the whole run.</summary>
    public const string Default = "tension";

    /// <summary>The column name in runs.csv, <c>metric:subject:window</c>.</summary>
    public string Name => $"{Metric}:{Subject}:{Window}";

    /// <summary>
    /// Parses <c>METRIC[:SUBJECT][:WINDOW]</c> against <paramref name="scenario"/>; the subject
    /// defaults to the first of the metric's level (first dyad, state or initiative).
    /// </summary>
    /// <exception cref="ArgumentException">The text names no metric, subject or window the scenario has.</exception>
    public static SweepOutcome Parse(string text, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scenario);
        string[] parts = text.Split(':');
        var metric = MetricCatalog.Find(parts[0])
            ?? throw new ArgumentException($"--outcome {text}: no metric '{parts[0]}'; metrics are {string.Join(", ", MetricCatalog.All.Select(m => m.Name))}");
        string[] subjects = metric.Level switch
        {
            MetricLevel.Dyad => [.. scenario.Dyads.Select(d => d.Subject)],
            MetricLevel.State => [.. scenario.States.Select(s => s.Id)],
            MetricLevel.ThirdParty => [.. scenario.ThirdPartySubjects],
            _ => [.. scenario.Initiatives.Select(i => i.Id)],
        };
        int next = 1;
        string? subject = null;
        if (parts.Length > 1 && parts[1] is not ("whole" or "last" or "from"))
        {
            // An empty subject (tension::last:5) keeps the default.
            subject = parts[1].Length == 0 ? null : parts[1];
            next = 2;
            if (subject is not null && !subjects.Contains(subject))
            {
                throw new ArgumentException($"--outcome {text}: {metric.Name} has no subject '{subject}'; its subjects are {string.Join(", ", subjects)}");
            }
        }

        subject ??= subjects.FirstOrDefault()
            ?? throw new ArgumentException($"--outcome {text}: the scenario has nothing {metric.Name} describes");
        string window = parts.Length > next ? string.Join(':', parts[next..]) : "whole";
        var outcome = new SweepOutcome(metric.Name, subject, window);
        _ = outcome.FirstIndex(scenario.Calendar, text);
        return outcome;
    }

    /// <summary>The mean of the outcome's series over its window in <paramref name="run"/>.</summary>
    public double Evaluate(RunResult run, Calendar calendar)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(calendar);
        var values = run.Get(Metric, Subject).Values;
        int first = Math.Min(FirstIndex(calendar, Name), values.Length - 1);
        double sum = 0;
        for (int i = first; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum / (values.Length - first);
    }

    // Recorded value k is the state at the start of step k; 0 is before the first step.
    private int FirstIndex(Calendar calendar, string text)
    {
        if (Window == "whole")
        {
            return 0;
        }

        if (Window.StartsWith("last:", StringComparison.Ordinal)
            && double.TryParse(Window[5..], NumberStyles.Float, CultureInfo.InvariantCulture, out double years) && years > 0)
        {
            int steps = Math.Max(1, (int)Math.Round(years / calendar.YearsPerStep));
            return Math.Max(0, calendar.StepCount + 1 - steps);
        }

        if (Window.StartsWith("from:", StringComparison.Ordinal))
        {
            string date = Window[5..];
            if (DateOnly.TryParseExact(date, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && calendar.Contains(from))
            {
                return calendar.StepOf(from);
            }

            throw new ArgumentException($"--outcome {text}: '{date}' is not a date (YYYY-MM or YYYY-MM-DD) inside the calendar");
        }

        throw new ArgumentException($"--outcome {text}: the window must be whole, last:<years> or from:<date>, not '{Window}'");
    }
}

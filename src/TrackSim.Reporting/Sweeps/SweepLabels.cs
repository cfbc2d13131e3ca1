using System.Globalization;
using TrackSim.Core.Metrics;
using TrackSim.Core.Parameters;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Sweeps;

/// <summary>
/// Words for the sweep charts: parameters and outcomes named as readers know them, with units from
/// the parameter and metric catalogs where these have them.
/// </summary>
internal static class SweepLabels
{
    private const string ParametersPrefix = "parameters.";

    /// <summary>The short name of a varied path: <c>posture.fear</c> for <c>parameters.posture.fear</c>, else the path.</summary>
    public static string Parameter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith(ParametersPrefix, StringComparison.Ordinal) && ParameterCatalog.Find(path[ParametersPrefix.Length..]) is not null
            ? path[ParametersPrefix.Length..]
            : path;
    }

    /// <summary>Axis labels of a varied path, longest first: with its unit, then without.</summary>
    public static string[] ParameterAxis(string path)
    {
        string name = Parameter(path);
        string? unit = path.StartsWith(ParametersPrefix, StringComparison.Ordinal) ? ParameterCatalog.Find(path[ParametersPrefix.Length..])?.Unit : null;
        if (unit is null && path.EndsWith("].severity", StringComparison.Ordinal))
        {
            unit = "0–1";
        }

        // "1" is the catalog's mark of a pure number: no unit to show.
        return unit is null or "1" ? [name] : [$"{name} ({unit})", name];
    }

    /// <summary>The metric of an outcome (outcomes are parsed against the catalog, so it is always there).</summary>
    public static MetricDefinition Metric(SweepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return MetricCatalog.Find(outcome.Metric) ?? throw new InvalidOperationException($"No metric '{outcome.Metric}'.");
    }

    /// <summary>What the outcome is, for a title: <c>Tension (IN-PK, whole run)</c>, or <c>tension (...)</c> inside a sentence.</summary>
    public static string Outcome(SweepOutcome outcome, bool inSentence = false)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string title = Metric(outcome).Title;
        return $"{(inSentence ? MetricTitle.InSentence(title) : title)} ({outcome.Subject}, {Window(outcome.Window)})";
    }

    /// <summary>The metric's title inside a sentence: <c>tension</c>, <c>Track II trust</c> kept as it is.</summary>
    public static string MetricInSentence(SweepOutcome outcome) => MetricTitle.InSentence(Metric(outcome).Title);

    /// <summary>Axis labels of an outcome, longest first: the run's mean over the window, in the metric's unit.</summary>
    public static string[] OutcomeAxis(SweepOutcome outcome)
    {
        var metric = Metric(outcome);
        string full = ChartRenderer.YLabel(metric, ChartPlanner.IsBinary(metric), step: null);
        if (ChartPlanner.IsBinary(metric))
        {
            // A run's mean of a 0/1 metric is the share of its time the condition held.
            return [$"{metric.Title} (share of time)", metric.Title];
        }

        return [$"Mean {MetricTitle.InSentence(full)}", $"Mean {MetricTitle.InSentence(metric.Title)}", metric.Title];
    }

    /// <summary>A window in words: <c>whole run</c>, <c>last 5 years</c>, <c>from 2008-12</c>.</summary>
    public static string Window(string window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window == "whole")
        {
            return "whole run";
        }

        if (window.StartsWith("last:", StringComparison.Ordinal))
        {
            string years = window[5..];
            return years == "1" ? "last year" : $"last {years} years";
        }

        return window.StartsWith("from:", StringComparison.Ordinal) ? $"from {window[5..]}" : window;
    }

    /// <summary>A number for a tick or cell: invariant, no group separators, at most three decimals.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

using System.Globalization;
using TrackSim.Core.Domain;

namespace TrackSim.Reporting.Report;

/// <summary>What a report says of a scenario file beyond the results folder: its description and each variant's changes, in words.</summary>
public static class ReportScenarioText
{
    /// <summary>The description of <paramref name="scenario"/> and what each of its variants changes from the base.</summary>
    public static ReportScenario From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var changes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var variant in scenario.Variants)
        {
            changes[variant.Name] = Changes(variant);
        }

        return new ReportScenario(scenario.Description, changes);
    }

    /// <summary>What <paramref name="variant"/> changes, one line each, in the order the scenario format lists them.</summary>
    public static IReadOnlyList<string> Changes(VariantSpec variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var lines = new List<string>();
        lines.AddRange(variant.Set.Select(s => $"set {s.Key} = {s.Value}"));
        lines.AddRange(variant.RemoveEvents.Select(id => $"without the event {id}"));
        lines.AddRange(variant.AddEvents.Select(e => $"adds the event {e.Label} ({e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
        lines.AddRange(variant.RemoveInitiatives.Select(id => id == EventEffects.AllInitiatives ? "without any Track II initiative" : $"without the initiative {id}"));
        lines.AddRange(variant.AddInitiatives.Select(i => $"adds the initiative {i.Name} (from {i.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
        lines.AddRange(variant.Parameters.Select(p => $"parameter {p.Key} = {p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        lines.AddRange(variant.Mechanisms.Select(m => $"mechanism {m.Key} {(m.Value ? "on" : "off")}"));
        if (variant.Lens is { } lens)
        {
            lines.Add($"lens {lens}");
        }

        lines.AddRange(variant.RemovedAgreements.Select(id => $"without the agreement {id}"));
        return lines;
    }
}

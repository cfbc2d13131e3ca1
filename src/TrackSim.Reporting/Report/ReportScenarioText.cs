using System.Globalization;
using TrackSim.Core.Domain;

namespace TrackSim.Reporting.Report;

/// <summary>What a report says of a scenario file beyond the results folder: its description, each variant's changes and each event's scripted effects, in words.</summary>
public static class ReportScenarioText
{
    /// <summary>The description of <paramref name="scenario"/>, what each of its variants changes from the base, and what each event scripts.</summary>
    public static ReportScenario From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var changes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var variant in scenario.Variants)
        {
            changes[variant.Name] = Changes(variant);
        }

        return new ReportScenario(scenario.Description, changes, scenario.Events.ToDictionary(e => e.Id, e => Effects(e.Effects), StringComparer.Ordinal));
    }

    /// <summary>The effects an event scripts beyond what its kind and severity do, one line each.</summary>
    public static IReadOnlyList<string> Effects(EventEffects effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var lines = new List<string>();
        if (effects.Dialogue is { } dialogue)
        {
            lines.Add(dialogue == DialogueStatus.Open ? "resumes the official dialogue" : "suspends the official dialogue");
        }

        if (effects.KeepDialogue)
        {
            lines.Add("the governments keep talking");
        }

        if (effects.Cbm > 0)
        {
            lines.Add($"confidence-building measures +{Number(effects.Cbm)}");
        }

        lines.AddRange(effects.CreateLinks.Select(l => $"creates the link {l.Id} ({Names.Snake(l.Sector).Replace('_', ' ')})"));
        lines.AddRange(effects.SuspendLinks.Select(id => $"suspends the link {id}"));
        lines.AddRange(effects.ResumeLinks.Select(id => $"resumes the link {id}"));
        lines.AddRange(effects.Hawkishness.Select(h => $"leadership hawkishness of {h.Key} set to {Number(h.Value)}"));
        lines.AddRange(effects.StartInitiatives.Select(id => id == EventEffects.AllInitiatives ? "starts every initiative" : $"starts the initiative {id}"));
        lines.AddRange(effects.StopInitiatives.Select(id => id == EventEffects.AllInitiatives ? "stops every initiative" : $"stops the initiative {id}"));
        lines.AddRange(effects.Contacts.Select(c => $"contacts with the other side {(c.Value == ContactPolicy.Banned ? "banned" : "allowed")} in {c.Key}"));
        lines.AddRange(effects.Participants.Select(p => $"changes participants of {p.Initiative}"));
        lines.AddRange(effects.UpgradeInitiatives.Select(u => $"upgrades {u.Key} to Track 1.5"));
        lines.AddRange(effects.Agreements.Select(id => $"reaches the agreement {id}"));
        lines.AddRange(effects.Exposures.Select(id => $"exposes {id}"));
        return lines;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
        lines.AddRange(variant.Parameters.Select(p => $"parameter {p.Key} = {Number(p.Value)}"));
        lines.AddRange(variant.Mechanisms.Select(m => $"mechanism {m.Key} {(m.Value ? "on" : "off")}"));
        if (variant.Lens is { } lens)
        {
            lines.Add($"lens {lens}");
        }

        lines.AddRange(variant.RemovedAgreements.Select(id => $"without the agreement {id}"));
        return lines;
    }
}

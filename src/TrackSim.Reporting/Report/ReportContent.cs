using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Report;

/// <summary>
/// What a report is made from, read from a results folder: its manifest, chart inputs and
/// <c>summary.csv</c>, the scenario events with what they did, and the tables of effects,
/// recovery and agreements that the run wrote. Never the per-run series.
/// </summary>
/// <param name="Manifest">The folder's <c>manifest.json</c>.</param>
/// <param name="Inputs">The folder's <c>chart-inputs.json</c>: charts, names, events, variants.</param>
/// <param name="Summary">The folder's <c>summary.csv</c>.</param>
/// <param name="Events">The base scenario's events, each with what it did in the first run.</param>
/// <param name="Effects"><c>effects.csv</c>, or null when the run wrote none (no variant beside the base).</param>
/// <param name="Recovery"><c>recovery.csv</c>, or null when the run wrote none.</param>
/// <param name="Agreements"><c>agreements.csv</c>, or null when the folder has none.</param>
/// <param name="Scenario">What the scenario file adds (its description, what each variant changes), or null when it is not at hand.</param>
public sealed record ReportContent(
    Manifest Manifest,
    ChartInputs Inputs,
    SummaryTable Summary,
    IReadOnlyList<ReportEvent> Events,
    ReportTable? Effects,
    ReportTable? Recovery,
    ReportTable? Agreements,
    ReportScenario? Scenario = null);

/// <summary>A scenario event in the report's timeline.</summary>
/// <param name="Event">The event as the charts mark it.</param>
/// <param name="Effects">What it did, as the event log of the first run of the first variant records it (empty when nothing was logged).</param>
public sealed record ReportEvent(ChartEvent Event, IReadOnlyList<string> Effects);

/// <summary>What the scenario file says beyond the results folder, when the file the run used is at hand.</summary>
/// <param name="Description">The scenario's description, or null.</param>
/// <param name="VariantChanges">For each variant by name, what it changes from the base, in words.</param>
/// <param name="EventEffects">For each base event by id, the effects the scenario scripts for it, in words (none when it scripts none).</param>
public sealed record ReportScenario(
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> VariantChanges,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EventEffects);

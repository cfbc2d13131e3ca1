using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Everything charts need besides <c>summary.csv</c>: titles, names, event markers and style.
/// Saved as <c>chart-inputs.json</c> in the results folder, so <c>tracksim plot</c> redraws the
/// charts without the scenario file and without running anything.
/// </summary>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="ScenarioTitle">Scenario title.</param>
/// <param name="Step">Step unit, for axis labels such as "per month".</param>
/// <param name="Replicates">Replicates per variant, for the band's legend.</param>
/// <param name="Variants">Variants run, base first.</param>
/// <param name="Charts">Metrics to chart.</param>
/// <param name="LabelEvents">Ids of the events to label; empty labels the most severe ones that fit.</param>
/// <param name="Subjects">Display names of subjects.</param>
/// <param name="Events">The base scenario's events.</param>
/// <param name="Style">Size, resolution, font and formats.</param>
public sealed record ChartInputs(
    string ScenarioName,
    string ScenarioTitle,
    StepUnit Step,
    int Replicates,
    ImmutableArray<ChartVariant> Variants,
    ImmutableArray<string> Charts,
    ImmutableArray<string> LabelEvents,
    ImmutableArray<ChartSubject> Subjects,
    ImmutableArray<ChartEvent> Events,
    ChartStyle Style)
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "chart-inputs.json";

    /// <summary>The scenario's <c>outputs.y_range</c>: the y axis of a metric's charts, by metric name.</summary>
    public ImmutableSortedDictionary<string, (double Low, double High)> YRanges { get; init; } = ImmutableSortedDictionary<string, (double Low, double High)>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The inputs for the charts of <paramref name="ensemble"/>, in <paramref name="style"/>.</summary>
    public static ChartInputs FromEnsemble(EnsembleResult ensemble, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(style);
        var scenario = ensemble.Scenario;
        var variants = ensemble.Variants
            .Select(name => new ChartVariant(name, scenario.Variants.FirstOrDefault(v => v.Name == name)?.Description))
            .ToImmutableArray();

        var subjects = new List<ChartSubject>();
        foreach (var dyad in scenario.Dyads)
        {
            subjects.Add(new ChartSubject(dyad.Subject, $"{scenario.State(dyad.A).Name}–{scenario.State(dyad.B).Name}", null));
        }

        subjects.AddRange(scenario.States.Select(s => new ChartSubject(s.Id, s.Name, null)));

        // Directed pairs of public trust (US>CN): the first public's trust toward the second actor.
        foreach (string pair in scenario.PublicPairSubjects().Where(p => p.Contains(CitizenSpec.Toward, StringComparison.Ordinal)))
        {
            string[] ids = pair.Split(CitizenSpec.Toward);
            subjects.Add(new ChartSubject(pair, $"{scenario.State(ids[0]).Name} toward {scenario.State(ids[1]).Name}", null));
        }

        foreach (var thirdParty in scenario.ThirdParties)
        {
            subjects.Add(new ChartSubject(thirdParty.Id, $"{thirdParty.Name} (mean of the sides)", null));
            subjects.AddRange(scenario.States.Select(s => new ChartSubject($"{s.Id}>{thirdParty.Id}", $"{s.Name} in {thirdParty.Name}", null)));
        }

        foreach (var initiative in ensemble.Variants.SelectMany(v => scenario.ForVariant(v).Initiatives))
        {
            if (subjects.All(s => s.Id != initiative.Id))
            {
                subjects.Add(new ChartSubject(initiative.Id, initiative.Name, initiative.Start));
            }
        }

        var events = scenario.Events
            .Select(e => new ChartEvent(e.Id, e.Label, e.Date, e.End, Names.Snake(e.Kind), Names.Snake(e.Valence), e.Severity))
            .ToImmutableArray();

        return new ChartInputs(
            scenario.Name,
            scenario.Title,
            scenario.Calendar.Unit,
            ensemble.Replicates,
            variants,
            scenario.Outputs.Charts,
            scenario.Outputs.LabelEvents,
            [.. subjects],
            events,
            style)
        {
            YRanges = scenario.Outputs.YRanges,
        };
    }

    /// <summary>The display name of a subject id (the id itself when unknown).</summary>
    public string NameOf(string subject) => Subjects.FirstOrDefault(s => s.Id == subject)?.Name ?? subject;

    /// <summary>
    /// How a chart names a variant: its description, shortened (a leading "What if" and the closing
    /// punctuation dropped, at most <see cref="MaxVariantLabel"/> characters, cut at a word), or
    /// its name when it has none; the base without a description is "base (as written)".
    /// </summary>
    public string LabelOf(string variant)
    {
        string? description = Variants.FirstOrDefault(v => v.Name == variant)?.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return variant == Scenario.BaseVariant ? "base (as written)" : variant;
        }

        string text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("What if ", StringComparison.OrdinalIgnoreCase) && text.Length > 8)
        {
            text = char.ToUpperInvariant(text[8]) + text[9..];
        }

        text = text.TrimEnd('?', '.', '!', ' ');
        if (text.Length > MaxVariantLabel)
        {
            int cut = text.LastIndexOf(' ', MaxVariantLabel - 1);
            text = text[..(cut > MaxVariantLabel / 2 ? cut : MaxVariantLabel - 1)].TrimEnd(',', ';', ':', ' ') + "…";
        }

        return text;
    }

    /// <summary>Most characters of a variant's label in a legend or panel header.</summary>
    public const int MaxVariantLabel = 44;

    /// <summary>The first day a subject exists, or null.</summary>
    public DateOnly? StartOf(string subject) => Subjects.FirstOrDefault(s => s.Id == subject)?.Start;
}

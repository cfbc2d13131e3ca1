using System.Collections.Immutable;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Domain;

/// <summary>
/// A validated, immutable scenario: the whole experiment. Build one with the scenario loader;
/// <see cref="ForVariant"/> gives the scenario a variant describes.
/// </summary>
public sealed record Scenario
{
    /// <summary>The name of the scenario without a variant.</summary>
    public const string BaseVariant = "base";

    /// <summary>Short name, used for the default results folder.</summary>
    public required string Name { get; init; }

    /// <summary>Title for charts and descriptions.</summary>
    public required string Title { get; init; }

    /// <summary>Longer description.</summary>
    public string? Description { get; init; }

    /// <summary>The calendar.</summary>
    public required Calendar Calendar { get; init; }

    /// <summary>
    /// The parties to the conflict: the states in file order, then the non-state parties in
    /// file order (so the first <see cref="PublicCount"/> have citizens).
    /// </summary>
    public required ImmutableArray<StateSpec> States { get; init; }

    /// <summary>The dyads (pairs of actors with relations), in file order.</summary>
    public required ImmutableArray<DyadSpec> Dyads { get; init; }

    /// <summary>The citizen layer.</summary>
    public required CitizenSpec Citizens { get; init; }

    /// <summary>Third parties (facilitators, mediators, funders, conveners, guarantors), in file order.</summary>
    public ImmutableArray<ThirdPartySpec> ThirdParties { get; init; } = [];

    /// <summary>
    /// The subjects of the metrics of third parties, in the order of the data files: for each
    /// third party its id (the sides' mean trust in it), then <c>CO&gt;NO</c> for each state
    /// (that side's trust in it).
    /// </summary>
    public IEnumerable<string> ThirdPartySubjects =>
        ThirdParties.SelectMany(t => States.Select(s => $"{s.Id}>{t.Id}").Prepend(t.Id));

    /// <summary>Track II initiatives.</summary>
    public required ImmutableArray<InitiativeSpec> Initiatives { get; init; }

    /// <summary>Dated events, sorted by date (stable for equal dates).</summary>
    public required ImmutableArray<EventSpec> Events { get; init; }

    /// <summary>Official agreements on the table, in file order; the model decides whether they are reached.</summary>
    public ImmutableArray<AgreementSpec> Agreements { get; init; } = [];

    /// <summary>Lens name, or null for the plain defaults.</summary>
    public string? Lens { get; init; }

    /// <summary>Parameter values the scenario file sets, by dotted key (before any variant).</summary>
    public required ImmutableSortedDictionary<string, double> ScenarioParameters { get; init; }

    /// <summary>Resolved parameters: defaults, then the lens, then the scenario, then the variant.</summary>
    public required ParameterSet Parameters { get; init; }

    /// <summary>Mechanisms switched off.</summary>
    public required MechanismSet Mechanisms { get; init; }

    /// <summary>The what-if variants.</summary>
    public required ImmutableArray<VariantSpec> Variants { get; init; }

    /// <summary>Replicates and seed.</summary>
    public required EnsembleSpec Ensemble { get; init; }

    /// <summary>Charts and their look.</summary>
    public required OutputSpec Outputs { get; init; }

    /// <summary>Which variant this is: <see cref="BaseVariant"/> or a variant name.</summary>
    public string Variant { get; init; } = BaseVariant;

    /// <summary>How many of <see cref="States"/> are states with citizens: the first ones.</summary>
    public int PublicCount => States.Count(s => s.HasCitizens);

    /// <summary>
    /// The actors the citizens of state <paramref name="state"/> hold trust toward: those it
    /// has a dyad with, as indices into <see cref="States"/>, in order. Each is one trust value
    /// of every citizen of the state.
    /// </summary>
    public int[] TargetsOf(int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(state, States.Length);
        string id = States[state].Id;
        var targets = new List<int>();
        for (int t = 0; t < States.Length; t++)
        {
            if (t != state && Dyads.Any(d => d.Joins(id, States[t].Id)))
            {
                targets.Add(t);
            }
        }

        return [.. targets];
    }

    /// <summary>
    /// The subjects of a metric of citizens' opinion toward others (<c>public_trust</c>): each
    /// state with citizens by its id (its citizens' trust toward every actor it relates to), and
    /// where a state relates to more than one actor, each directed pair <c>US&gt;CN</c> after it.
    /// </summary>
    public IEnumerable<string> PublicPairSubjects()
    {
        for (int s = 0; s < States.Length; s++)
        {
            if (!States[s].HasCitizens)
            {
                continue;
            }

            yield return States[s].Id;
            int[] targets = TargetsOf(s);
            if (targets.Length > 1)
            {
                foreach (int t in targets)
                {
                    yield return CitizenSpec.PairKey(States[s].Id, States[t].Id);
                }
            }
        }
    }

    /// <summary>The state with the given id.</summary>
    public StateSpec State(string id) =>
        States.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"No state '{id}'.", nameof(id));

    /// <summary>Resolves parameters: defaults, then the lens's values, then the scenario's.</summary>
    public static ParameterSet ResolveParameters(string? lens, IEnumerable<KeyValuePair<string, double>> scenarioValues)
    {
        var parameters = ParameterSet.Defaults;
        if (lens is not null)
        {
            var bundle = TrackSim.Core.Parameters.Lens.Find(lens) ?? throw new ArgumentException($"Unknown lens '{lens}'.", nameof(lens));
            parameters = parameters.With(bundle.Values, $"lens {lens}");
        }

        return parameters.With(scenarioValues, "scenario");
    }

    /// <summary>
    /// The scenario the named variant describes; <see cref="BaseVariant"/> gives this one. A
    /// variant's changes are made on the scenario with its <c>set</c> values in place
    /// (<see cref="VariantSpec.Base"/>), or on this one when it sets none.
    /// </summary>
    public Scenario ForVariant(string name)
    {
        if (name == BaseVariant)
        {
            return this;
        }

        var variant = Variants.FirstOrDefault(v => v.Name == name)
            ?? throw new ArgumentException($"No variant '{name}'. Variants: {string.Join(", ", Variants.Select(v => v.Name))}.", nameof(name));
        var start = variant.Base ?? this;
        string? lens = variant.Lens ?? start.Lens;
        var mechanisms = start.Mechanisms;
        foreach (var (mechanism, on) in variant.Mechanisms)
        {
            mechanisms = mechanisms.With(mechanism, on);
        }

        return start with
        {
            Variant = variant.Name,
            Variants = Variants,
            Lens = lens,
            Parameters = ResolveParameters(lens, start.ScenarioParameters).With(variant.Parameters, $"variant {variant.Name}"),
            Mechanisms = mechanisms,
            Events = [.. start.Events.Where(e => !variant.RemoveEvents.Contains(e.Id)).Concat(variant.AddEvents).OrderBy(e => e.Date)],
            Initiatives = [.. start.Initiatives.Where(i => !variant.RemoveInitiatives.Contains(i.Id)).Concat(variant.AddInitiatives)],
            Agreements = [.. start.Agreements.Where(a => !variant.RemovedAgreements.Contains(a.Id))],
        };
    }

    /// <summary>The base and every variant name, in file order.</summary>
    public IEnumerable<string> VariantNames => Variants.Select(v => v.Name).Prepend(BaseVariant);
}

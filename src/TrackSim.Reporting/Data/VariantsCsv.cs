using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Data;

/// <summary>
/// <c>variants.csv</c>: one row per variant run, with what makes it differ (its description, lens,
/// values set by path, mechanisms switched off) and then the value of every model parameter in it,
/// one column each (a parameter of a state once per state, as <c>group.name[STATE]</c>), so the
/// series can be joined with the settings that made them on <c>variant</c>, as a batch run's table
/// would hold them.
/// </summary>
public static class VariantsCsv
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "variants.csv";

    /// <summary>The columns before the parameters.</summary>
    public const string FixedHeader = "variant,description,lens,set,mechanisms_off";

    /// <summary>The parameter columns of <paramref name="scenario"/>, in catalog order.</summary>
    public static IReadOnlyList<string> ParameterColumns(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var states = scenario.States.Select(s => s.Id).ToList();
        return [.. ParameterCatalog.All.SelectMany(p => p.Scope == ParameterScope.State
            ? states.Select(s => ParameterSet.StateKey(p.Key, s)).Prepend(p.Key)
            : [p.Key])];
    }

    /// <summary>Writes a row for each variant of <paramref name="ensemble"/>, in the order run.</summary>
    public static void Write(TextWriter writer, EnsembleResult ensemble)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ensemble);
        var columns = ParameterColumns(ensemble.Scenario);
        writer.Write(FixedHeader);
        foreach (string column in columns)
        {
            writer.Write(',');
            writer.Write(CsvText.Field(column));
        }

        writer.Write('\n');
        foreach (string name in ensemble.Variants)
        {
            var scenario = ensemble.Scenario.ForVariant(name);
            var spec = ensemble.Scenario.Variants.FirstOrDefault(v => v.Name == name);
            string set = spec is null ? string.Empty : string.Join("; ", spec.Set.Select(p => $"{p.Key}={p.Value}"));
            writer.Write(string.Join(',',
                CsvText.Field(name),
                CsvText.Field(spec?.Description ?? (name == Scenario.BaseVariant ? "the scenario as written" : string.Empty)),
                CsvText.Field(scenario.Lens ?? string.Empty),
                CsvText.Field(set),
                CsvText.Field(string.Join(' ', scenario.Mechanisms.Off))));
            foreach (string column in columns)
            {
                writer.Write(',');
                writer.Write(CsvText.Number(scenario.Parameters[column]));
            }

            writer.Write('\n');
        }
    }
}

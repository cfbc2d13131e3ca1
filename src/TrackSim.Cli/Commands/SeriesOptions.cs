using System.Collections.Immutable;
using System.CommandLine;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Files;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>--series parquet|csv|none</c> and <c>--metrics a,b</c>, shared by <c>run</c> (one series file)
/// and <c>sweep</c> (one per point), checked alike: an unknown format or metric is a usage error,
/// a misspelt metric gets a "did you mean".
/// </summary>
internal sealed class SeriesOptions
{
    /// <summary>The options, with the help texts of the command that takes them.</summary>
    public SeriesOptions(string formatDescription, string metricsDescription)
    {
        Format = new("--series") { Description = formatDescription, HelpName = "parquet|csv|none" };
        Metrics = new Option<string[]>("--metrics") { Description = metricsDescription, Arity = ArgumentArity.OneOrMore }.RequiringValues("a metric name");
    }

    /// <summary>The series file format.</summary>
    public Option<string> Format { get; }

    /// <summary>The metrics the series file keeps.</summary>
    public Option<string[]> Metrics { get; }

    /// <summary>Adds the options to <paramref name="command"/>, with wrong values reported as usage errors.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Format.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? string.Empty;
            if (value is not ("parquet" or "csv" or "none"))
            {
                result.AddError($"--series: unknown format '{value}'; expected parquet, csv or none.");
            }
        });
        Metrics.Validators.Add(result =>
        {
            var known = MetricCatalog.All.Select(m => m.Name).ToList();
            foreach (string name in ChartOptions.Split(result.GetValueOrDefault<string[]>() ?? []).Where(n => !known.Contains(n)))
            {
                string hint = Suggestions.Hint(name, known);
                result.AddError($"--metrics: no metric '{name}'; {hint}the metrics are {string.Join(", ", known)}");
            }
        });
        command.Options.Add(Format);
        command.Options.Add(Metrics);
    }

    /// <summary>The format given (checked by the validator), or <paramref name="fallback"/> when none is.</summary>
    public SeriesFormat FormatOf(ParseResult parseResult, SeriesFormat fallback)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Format) switch
        {
            "parquet" => SeriesFormat.Parquet,
            "csv" => SeriesFormat.Csv,
            "none" => SeriesFormat.None,
            _ => fallback,
        };
    }

    /// <summary>The metrics given, distinct, in the order given; empty (every metric) when none are.</summary>
    public ImmutableArray<string> MetricsOf(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return [.. ChartOptions.Split(parseResult.GetValue(Metrics) ?? []).Distinct(StringComparer.Ordinal)];
    }
}

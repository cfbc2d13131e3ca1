using TrackSim.Core.Domain;

namespace TrackSim.Core.Metrics;

/// <summary>The subjects a metric is recorded for in a scenario: one place for the engine, sweeps and size estimates.</summary>
public static class MetricSubjects
{
    /// <summary>The subjects of <paramref name="metric"/> in <paramref name="scenario"/>, in recording order.</summary>
    public static IReadOnlyList<string> Of(MetricDefinition metric, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(scenario);
        return metric.Level switch
        {
            MetricLevel.Dyad => [.. scenario.Dyads.Select(d => d.Subject)],
            MetricLevel.State => [.. scenario.States.Select(s => s.Id)],
            MetricLevel.Public => [.. scenario.States.Where(s => s.HasCitizens).Select(s => s.Id)],
            MetricLevel.PublicPair => [.. scenario.PublicPairSubjects()],
            MetricLevel.ThirdParty => [.. scenario.ThirdPartySubjects],
            _ => [.. scenario.Initiatives.Select(i => i.Id)],
        };
    }

    /// <summary>Series one run of <paramref name="scenario"/> records: every metric times its subjects.</summary>
    public static long SeriesPerRun(Scenario scenario) => MetricCatalog.All.Sum(m => (long)Of(m, scenario).Count);
}

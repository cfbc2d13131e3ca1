using TrackSim.Core.Engine;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Data;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// A single run whose citizen layer runs on several threads writes the same files as on one:
/// every per-citizen rule and the state summaries are cut into chunks by the population alone,
/// and the summaries' chunk sums are added in chunk order.
/// </summary>
public sealed class ParallelSingleRunTests
{
    /// <summary>
    /// Three states of 40,000 citizens (two chunks and a short third each, so the summaries add
    /// several chunk sums per state, and an odd state is summed alone), with every citizen rule
    /// at work: influence twice a year, noise, turnover, media from the events, contact through
    /// a functional link and outreach from an initiative with a journalist.
    /// </summary>
    private const string Yaml = """
        calendar: { start: 2000-01, end: 2001-12 }
        states: [ { id: AA }, { id: BB }, { id: CC } ]
        citizens: { per_state: 40000 }
        dyads:
          - states: [AA, BB]
            functional_links:
              - { id: river, sector: water, strength: 0.5 }
        initiatives:
          - id: talks
            start: 2000-01
            meeting_interval: 2 months
            participants:
              - { state: AA, role: journalist, count: 3 }
              - { state: BB, role: journalist, count: 3 }
              - { state: CC, role: academic, count: 2 }
        events:
          - { id: clash, date: 2000-06, kind: crisis, severity: 0.8, actors: [AA, BB] }
          - { id: accord, date: 2001-03, kind: agreement, severity: 0.6, actors: [BB, CC] }
        ensemble: { replicates: 1, seed: 7 }
        """;

    [Test]
    public void One_two_and_three_citizen_threads_write_identical_series_and_summary()
    {
        var scenario = EngineScenarios.Load(Yaml);
        var outputs = Enumerable.Range(1, 3).Select(threads => Outputs(Ensemble.Run(scenario, new EnsembleOptions { Threads = threads, Replicates = 1 }))).ToArray();

        using (Assert.EnterMultipleScope())
        {
            // The test is only worth something if the run recorded public opinion that moved.
            Assert.That(outputs[0].Series, Does.Contain("public_trust"));
            Assert.That(outputs[0].Values.Distinct().Count(), Is.GreaterThan(100));
            for (int t = 1; t < outputs.Length; t++)
            {
                Assert.That(outputs[t].Values, Is.EqualTo(outputs[0].Values), $"{t + 1} threads: series values");
                Assert.That(outputs[t].Series, Is.EqualTo(outputs[0].Series), $"{t + 1} threads: series.csv");
                Assert.That(outputs[t].Summary, Is.EqualTo(outputs[0].Summary), $"{t + 1} threads: summary.csv");
            }
        }
    }

    /// <summary>Every recorded value's bits, and the text of <c>series.csv</c> and <c>summary.csv</c>.</summary>
    private static (long[] Values, string Series, string Summary) Outputs(EnsembleResult result)
    {
        long[] values = [.. result.Runs.SelectMany(r => r.Series.SelectMany(s => s.Values)).Select(BitConverter.DoubleToInt64Bits)];
        using var series = new StringWriter();
        SeriesCsv.Write(series, result);
        using var summary = new StringWriter();
        SummaryCsv.Write(summary, SummaryTable.FromEnsemble(result));
        return (values, series.ToString(), summary.ToString());
    }
}

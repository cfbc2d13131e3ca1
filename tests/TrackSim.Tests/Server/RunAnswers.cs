using System.Text.Json;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Server;

/// <summary>A run answer of the classroom API against what <c>tracksim run</c> writes for the same settings.</summary>
internal static class RunAnswers
{
    /// <summary>
    /// Runs <c>tracksim run</c> in-process with <paramref name="args"/> (the scenario and its options),
    /// without charts, into <paramref name="folder"/>, and reads the <c>summary.csv</c> it writes.
    /// </summary>
    public static SummaryTable SummaryOfRun(IEnumerable<string> args, string folder, int replicates)
    {
        var cli = TrackSim.Tests.Cli.CliRun.Of(["run", .. args, "--no-charts", "-q", "-o", folder]);
        Assert.That(cli.ExitCode, Is.Zero, cli.Error);
        using var reader = new StreamReader(Path.Combine(folder, "summary.csv"));
        return TrackSim.Reporting.Data.SummaryCsv.Read(reader, replicates);
    }

    /// <summary>Asserts that every series of a run answer has exactly the p50, p05 and p95 of its row in <paramref name="summary"/>.</summary>
    public static void AssertSeriesEqual(JsonElement run, SummaryTable summary, string variant)
    {
        var series = run.GetProperty("series").EnumerateArray().ToList();
        Assert.That(series, Is.Not.Empty);
        foreach (var s in series)
        {
            var expected = summary.Find(variant, s.GetProperty("metric").GetString()!, s.GetProperty("subject").GetString()!)!;
            Assert.That(expected, Is.Not.Null, $"summary.csv has {variant} {s.GetProperty("metric").GetString()}");
            Assert.That(Values(s, "median"), Is.EqualTo(expected.P50.ToArray()), $"{expected.Metric} {expected.Subject} median");
            Assert.That(Values(s, "p05"), Is.EqualTo(expected.P05.ToArray()), $"{expected.Metric} {expected.Subject} p05");
            Assert.That(Values(s, "p95"), Is.EqualTo(expected.P95.ToArray()), $"{expected.Metric} {expected.Subject} p95");
        }
    }

    private static double[] Values(JsonElement series, string name) =>
        [.. series.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];
}

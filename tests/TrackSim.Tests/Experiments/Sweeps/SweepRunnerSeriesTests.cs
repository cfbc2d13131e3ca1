using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Sweeps;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments.Sweeps;

/// <summary><see cref="SweepRunner"/> with series files: a point's file is written before its rows, so a stop never leaves rows without it.</summary>
public sealed class SweepRunnerSeriesTests
{
    private static readonly Scenario Tiny = TinyScenario.Load();

    private static readonly SweepPlan Plan = new(
        [new ParameterRange("parameters.posture.fear", 0.1, 0.5, 3), new ParameterRange("events[crisis].severity", 0.2, 0.9, 2)],
        SweepDesign.Grid,
        0,
        2,
        7,
        [SweepOutcome.Parse("tension", Tiny)]);

    private static readonly SweepSeries Csv = SweepSeries.Of(SeriesFormat.Csv, ["tension"]);

    private static Scenario At(ImmutableArray<double> values)
    {
        var overrides = Plan.Ranges.Select((r, i) => new Override(r.Path, SweepPlan.Format(values[i]))).ToList();
        return ScenarioLoader.LoadText(TinyScenario.Yaml, "tiny.yaml", overrides).Scenario!;
    }

    private static int Run(string folder, bool resume, int threads, IProgress<int>? progress = null, CancellationToken token = default)
    {
        using var output = OutputFolder.Open(folder);
        return SweepRunner.Run(folder, Plan, SweepShard.All, At, threads, resume, new SweepSeriesFiles(output, Csv), progress, token);
    }

    [Test]
    public void A_cancelled_sweep_has_a_series_file_for_every_point_in_runs_csv_and_resumes_to_the_same_files()
    {
        using var temp = new TempFolder();
        string clean = temp.File("clean");
        Directory.CreateDirectory(clean);
        Run(clean, resume: false, threads: 2);
        string folder = temp.File("resumed");
        Directory.CreateDirectory(folder);
        using var cancel = new CancellationTokenSource();
        var stopHalfway = new Reported(done =>
        {
            if (done >= 6)
            {
                cancel.Cancel();
            }
        });

        Assert.That(() => Run(folder, resume: false, threads: 1, stopHalfway, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        var points = File.ReadAllLines(Path.Combine(folder, RunsCsv.FileName)).Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.That(points, Has.Count.InRange(1, 5), "the first attempt stopped midway");
        Assert.That(points.Where(p => !File.Exists(Path.Combine(folder, $"series/point-{p:D6}.csv"))), Is.Empty, "every point in runs.csv has its series file");

        int ran = Run(folder, resume: true, threads: 2);

        Assert.That(ran, Is.EqualTo(12 - (points.Count * 2)));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, RunsCsv.FileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(clean, RunsCsv.FileName))));
        foreach (int point in Enumerable.Range(0, 6))
        {
            string file = $"series/point-{point:D6}.csv";
            Assert.That(File.ReadAllBytes(Path.Combine(folder, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(clean, file))), file);
        }
    }

    [Test]
    public void Resume_reruns_from_the_first_point_whose_series_file_is_missing()
    {
        using var temp = new TempFolder();
        string folder = temp.File("out");
        Directory.CreateDirectory(folder);
        Run(folder, resume: false, threads: 2);
        byte[] runs = File.ReadAllBytes(Path.Combine(folder, RunsCsv.FileName));
        File.Delete(Path.Combine(folder, "series/point-000004.csv"));

        int ran = Run(folder, resume: true, threads: 1);

        Assert.That(ran, Is.EqualTo(2 * 2), "points 4 and 5 run again");
        Assert.That(File.Exists(Path.Combine(folder, "series/point-000004.csv")), Is.True);
        Assert.That(File.ReadAllBytes(Path.Combine(folder, RunsCsv.FileName)), Is.EqualTo(runs));
    }

    // Reports synchronously, on the reporting thread (System.Progress posts to the thread pool).
    private sealed class Reported(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

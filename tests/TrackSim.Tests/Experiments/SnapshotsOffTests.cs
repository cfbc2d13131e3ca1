using TrackSim.Experiments.Ensembles;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments;

/// <summary>
/// Sweeps, calibrations and the classroom page run ensembles without the distribution and network
/// records: the runs hold none, and every series and event is as with them.
/// </summary>
[TestFixture]
public sealed class SnapshotsOffTests
{
    [Test]
    public void An_ensemble_without_snapshots_records_none_and_the_same_series_and_events()
    {
        var scenario = TinyScenario.Load();
        var with = Ensemble.Run(scenario, new EnsembleOptions { Threads = 1 });
        var without = Ensemble.Run(scenario, new EnsembleOptions { Threads = 1, Snapshots = false });

        Assert.That(with.Runs.All(r => !r.Distributions.IsEmpty && !r.Networks.IsEmpty), Is.True, "the tiny scenario records both by default");
        Assert.That(without.Runs.All(r => r.Distributions.IsEmpty && r.Networks.IsEmpty), Is.True);
        for (int i = 0; i < with.Runs.Length; i++)
        {
            var a = with.Runs[i];
            var b = without.Runs[i];
            Assert.That(b.Series.Select(s => s.Key), Is.EqualTo(a.Series.Select(s => s.Key)));
            for (int k = 0; k < a.Series.Length; k++)
            {
                Assert.That(b.Series[k].Values, Is.EqualTo(a.Series[k].Values), $"{a.Variant} {a.Replicate} {a.Series[k].Key}");
            }

            Assert.That(b.Log, Is.EqualTo(a.Log));
        }
    }
}

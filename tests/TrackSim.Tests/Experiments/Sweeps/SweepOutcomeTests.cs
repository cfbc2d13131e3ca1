using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Sweeps;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments.Sweeps;

public sealed class SweepOutcomeTests
{
    [TestCase("tension", "tension:AA-BB:whole")]
    [TestCase("tension::last:1", "tension:AA-BB:last:1")]
    [TestCase("public_trust:BB", "public_trust:BB:whole")]
    [TestCase("public_trust:BB:from:2001-06", "public_trust:BB:from:2001-06")]
    [TestCase("track2_trust:last:2", "track2_trust:talks:last:2")]
    public void Outcome_specs_resolve_default_subjects_and_windows(string spec, string name) =>
        Assert.That(SweepOutcome.Parse(spec, TinyScenario.Load()).Name, Is.EqualTo(name));

    [TestCase("nope", "no metric 'nope'")]
    [TestCase("tension:XX-YY", "no subject 'XX-YY'")]
    [TestCase("tension:AA-BB:soon", "the window must be")]
    [TestCase("tension:AA-BB:from:1990-01", "inside the calendar")]
    public void Bad_outcome_specs_say_what_is_wrong(string spec, string message) =>
        Assert.That(() => SweepOutcome.Parse(spec, TinyScenario.Load()), Throws.ArgumentException.With.Message.Contain(message));

    [Test]
    public void The_last_years_window_averages_only_the_final_values()
    {
        var scenario = TinyScenario.Load();
        var run = Ensemble.Run(scenario, new EnsembleOptions { Replicates = 1, Threads = 1, Variants = ["base"] }).Runs[0];
        var values = run.Get("tension", "AA-BB").Values;

        double last = SweepOutcome.Parse("tension::last:1", scenario).Evaluate(run, scenario.Calendar);

        // One year of a monthly calendar: the last 12 recorded values.
        Assert.That(last, Is.EqualTo(values.Skip(values.Length - 12).Average()).Within(1e-12));
    }
}

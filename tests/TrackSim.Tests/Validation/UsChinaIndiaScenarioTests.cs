using TrackSim.Core.Engine;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>The US-China-India scenario with directed trust: each public's trust in each other state is a series of its own.</summary>
public sealed class UsChinaIndiaScenarioTests
{
    [Test]
    public void Americans_trust_in_China_and_in_India_are_different_series_and_the_tariffs_move_only_the_first()
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryFiles.PathOf("scenarios/us-china-india-climate.yaml"));
        Assert.That(loaded.Errors, Is.Empty);
        var scenario = loaded.Scenario! with { Citizens = loaded.Scenario!.Citizens with { PerState = 500 } };
        var run = new Simulation(scenario, 0, citizenThreads: 1);

        // Monthly from 2013-01: step 66 is July 2018, the month the tariffs take effect.
        const int beforeTariffs = 66;
        while (run.StepsDone < beforeTariffs)
        {
            run.Step();
        }

        double china = run.Current("public_trust", "US>CN");
        double india = run.Current("public_trust", "US>IN");
        run.Step();

        // The scenario starts Americans at 0.35 toward China and 0.55 toward India; the tariffs
        // (a US-China crisis of severity 0.6) take 0.1 x 2 x 0.6 = 0.12 off a fully exposed
        // American's trust in China, about 0.07 at the mean exposure of 0.6, and nothing off their trust in India.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(india - china, Is.GreaterThan(0.1));
            Assert.That(run.Current("public_trust", "US>CN") - china, Is.LessThan(-0.03));
            Assert.That(Math.Abs(run.Current("public_trust", "US>IN") - india), Is.LessThan(0.005), "only noise and influence move it in a month");
        }
    }
}

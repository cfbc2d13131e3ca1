using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// At the size a calibration runs (the India-Pakistan scenario at 2,000 citizens per state, the
/// citizen layer on the run's thread as in an ensemble), a warm run allocates nothing in the steps
/// that log nothing: the citizen rules, which make up most of such a step, reuse their arrays as
/// the other rules do (<see cref="AllocationTests"/> checks the rest of the model at 10 citizens).
/// </summary>
[NonParallelizable]
public sealed class SmallRunAllocationTests
{
    private const string File = "scenarios/india-pakistan-1984-2021.yaml";

    [Test]
    public void A_warm_run_at_two_thousand_citizens_per_state_allocates_nothing_in_steps_that_log_nothing()
    {
        var result = ScenarioLoader.LoadText(RepositoryFiles.Read(File), File);
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        var shipped = result.Scenario!;
        var scenario = shipped with { Citizens = shipped.Citizens with { PerState = 2_000 }, Outputs = shipped.Outputs.WithoutSnapshots() };
        new Simulation(scenario, 0, citizenThreads: 1).Run();

        var simulation = new Simulation(scenario, 1, citizenThreads: 1);
        var log = simulation.World.Log;
        int quiet = 0;
        long quietBytes = 0;
        var offenders = new List<string>();
        while (!simulation.IsFinished)
        {
            int entries = log.Count;
            long before = GC.GetAllocatedBytesForCurrentThread();
            simulation.Step();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (log.Count == entries)
            {
                quiet++;
                quietBytes += bytes;
                if (bytes != 0)
                {
                    offenders.Add($"step {simulation.StepsDone - 1}: {bytes} bytes");
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(quiet, Is.GreaterThan(scenario.Calendar.StepCount / 2));
            Assert.That(quietBytes, Is.Zero, string.Join(Environment.NewLine, offenders));
        }
    }
}

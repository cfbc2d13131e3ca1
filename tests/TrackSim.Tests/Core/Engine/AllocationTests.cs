using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Rules;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Core.Rules;

namespace TrackSim.Tests.Core.Engine;

/// <summary>
/// A warm run allocates nothing in a step that writes nothing to the event log: the rules
/// reuse what the run holds, and only log entries, which are the run's output, take new memory.
/// Measured on the shipped India-Pakistan scenario at 10 citizens per state, where the rules
/// other than the citizens' make up the step, and at 2,000, the size a calibration runs, where
/// the citizen rules make up most of it.
/// </summary>
/// <remarks>
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> counts this thread only, so the tests
/// keep the citizen layer on the calling thread; they do not run beside other tests so that
/// nothing else (such as the JIT warming a method for the first time) lands in the window.
/// </remarks>
[NonParallelizable]
public sealed class AllocationTests
{
    private const string File = "scenarios/india-pakistan-1984-2021.yaml";

    private static Scenario IndiaPakistan(int perState = 10)
    {
        var result = ScenarioLoader.LoadText(RepositoryFiles.Read(File), File);
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        // Histograms and network snapshots are output, like log entries, and take memory at the
        // steps they are recorded: off here, so that these tests also show what a run without them costs.
        var outputs = result.Scenario!.Outputs with { Distributions = new DistributionOutput(0, DistributionOutput.DefaultBins), Networks = new NetworkOutput([]) };
        return result.Scenario! with { Citizens = result.Scenario!.Citizens with { PerState = perState }, Outputs = outputs };
    }

    [TestCase(10)]
    [TestCase(2_000)]
    public void A_warm_run_allocates_nothing_in_steps_that_log_nothing(int perState)
    {
        var scenario = IndiaPakistan(perState);
        new Simulation(scenario, 0, citizenThreads: 1).Run();
        var simulation = new Simulation(scenario, 0, citizenThreads: 1);
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
            // Most months of the scenario log nothing, so the check covers most of the run.
            Assert.That(quiet, Is.GreaterThan(scenario.Calendar.StepCount / 2));
            Assert.That(quietBytes, Is.Zero, string.Join(Environment.NewLine, offenders));
        }
    }

    [Test]
    public void The_meeting_rule_allocates_nothing_but_its_log_entries()
    {
        var scenario = IndiaPakistan();
        for (int warm = 0; warm < 2; warm++)
        {
            var world = Simulation.CreateWorld(scenario, 0, new StreamFactory(scenario.Ensemble.Seed));
            int quiet = 0;
            int meetings = 0;
            long quietBytes = 0;
            long ruleBytes = 0;
            for (int step = 0; step < scenario.Calendar.StepCount; step++)
            {
                world.Step = step;
                world.Date = world.Calendar.DateOf(step);
                world.StepEnd = world.Calendar.DateOf(step + 1).AddDays(-1);
                int entries = world.Log.Count;
                long before = GC.GetAllocatedBytesForCurrentThread();
                RuleWorlds.Track2(world);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                if (world.Log.Count == entries)
                {
                    quiet++;
                    quietBytes += bytes;
                }

                // What the rule reads for the metrics and for a meeting's chances, logged or not.
                before = GC.GetAllocatedBytesForCurrentThread();
                foreach (var initiative in world.Initiatives)
                {
                    meetings += initiative.MeetingsHeld;
                    _ = T2MeetRule.AgreementShare(initiative);
                    _ = T2MeetRule.MeetingChance(world, initiative);
                    _ = T2TransferRule.AdoptionChance(world, initiative);
                }

                ruleBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            if (warm == 1)
            {
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(meetings, Is.Positive, "no meeting was held, so the test checks nothing");
                    Assert.That(quiet, Is.Positive);
                    Assert.That(quietBytes, Is.Zero);
                    Assert.That(ruleBytes, Is.Zero);
                }
            }
        }
    }
}

using TrackSim.Core.Domain;

namespace TrackSim.Core.Engine;

/// <summary>
/// Runs every variant times every replicate, in parallel, one engine per run. Replicate r of
/// every variant draws from the same random streams (common random numbers); the result is
/// bit-identical for any number of threads because runs share nothing and are stored by index.
/// </summary>
public static class Ensemble
{
    /// <summary>Runs the ensemble; <paramref name="progress"/> receives the number of runs finished.</summary>
    public static EnsembleResult Run(Scenario scenario, EnsembleOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new EnsembleOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        int replicates = options.Replicates ?? scenario.Ensemble.Replicates;
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        ulong seed = options.Seed ?? scenario.Ensemble.Seed;
        string[] variants = [.. options.Variants ?? scenario.VariantNames];
        var resolved = variants.Select(scenario.ForVariant).ToArray();

        int total = variants.Length * replicates;
        var runs = new Recording.RunResult[total];
        int finished = 0;

        // With several runs in flight the citizen layer stays on its run's thread; a single run may use all cores.
        int citizenThreads = total >= options.Threads ? 1 : options.Threads;
        Parallel.For(
            0,
            total,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            job =>
            {
                var simulation = new Simulation(resolved[job / replicates], job % replicates, seed, citizenThreads);
                runs[job] = simulation.Run(cancellationToken);
                progress?.Report(Interlocked.Increment(ref finished));
            });

        return new EnsembleResult(scenario, [.. variants], replicates, seed, [.. runs]);
    }
}

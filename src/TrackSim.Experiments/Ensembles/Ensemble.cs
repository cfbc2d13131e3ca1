using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;

namespace TrackSim.Experiments.Ensembles;

/// <summary>
/// Runs every variant times every replicate, in parallel, one engine per run. Replicate r of
/// every variant draws from the same random streams (common random numbers); the result is
/// bit-identical for any number of threads because runs share nothing they change and are
/// stored by index. What they share is read-only: the variants of a replicate that would draw
/// the same citizens' network use one copy (see <see cref="NetworkCache"/>).
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
        var resolved = variants.Select(scenario.ForVariant)
            .Select(s => options.Snapshots ? s : s with { Outputs = s.Outputs.WithoutSnapshots() })
            .ToArray();

        int total = variants.Length * replicates;
        var runs = new RunResult[total];
        int finished = 0;

        var streams = new StreamFactory(seed);
        var networks = options.Networks ?? new NetworkCache();
        for (int replicate = 0; replicate < replicates; replicate++)
        {
            foreach (var variant in resolved)
            {
                networks.Expect(NetworkCache.KeyOf(variant, streams.SeedOf(replicate, World.CitizenStream)));
            }
        }

        // Runs start in replicate-major order, each worker taking the next one as it finishes,
        // so the variants of a replicate run close together: its network is built once and let
        // go once they have all started, and about one replicate's network per worker is alive.
        // With several runs in flight the citizen layer stays on its run's thread; a single run may use all cores.
        int citizenThreads = total >= options.Threads ? 1 : options.Threads;
        int next = -1;
        Parallel.For(
            0,
            Math.Min(options.Threads, total),
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            _ =>
            {
                for (int order = Interlocked.Increment(ref next); order < total; order = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int replicate = order / resolved.Length;
                    int variant = order % resolved.Length;
                    var simulation = new Simulation(resolved[variant], replicate, seed, citizenThreads, networks);
                    runs[(variant * replicates) + replicate] = simulation.Run(cancellationToken);
                    progress?.Report(Interlocked.Increment(ref finished));
                }
            });

        return new EnsembleResult(scenario, [.. variants], replicates, seed, [.. runs]);
    }
}

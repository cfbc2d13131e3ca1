using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.ExceptionServices;
using MathNet.Numerics.Distributions;
using TrackSim.Core.Randomness;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni, Welch, Strelkowa,
/// Ipsen and Stumpf 2009, "Approximate Bayesian computation scheme for parameter inference and
/// model selection in dynamical systems", J. R. Soc. Interface 6) with the adaptive Gaussian
/// kernel of Beaumont, Cornuet, Marin and Robert (2009, "Adaptive approximate Bayesian
/// computation", Biometrika 96) and an adaptive tolerance schedule (Del Moral, Doucet and Jasra
/// 2012, "An adaptive sequential Monte Carlo method for approximate Bayesian computation",
/// Statistics and Computing 22).
/// </summary>
/// <remarks>
/// <para>
/// Generation 0 draws parameters from the independent uniform priors and keeps the first N whose
/// simulated distance is at most the initial tolerance (all of them by default). Each later
/// generation t sets its tolerance to a quantile (the median by default) of generation t-1's
/// distances (or, when ties put that quantile at generation t-1's tolerance, to the largest
/// distance below it), then proposes by picking a particle of generation t-1 by its weight and moving each
/// parameter k by a Gaussian step of variance 2 Var_w(θ_k), twice the weighted variance of
/// generation t-1 (Beaumont et al. 2009). Proposals outside the prior are rejected without a
/// simulation; the first N proposals whose distance is at most the tolerance are kept, with
/// weights w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j), normalised to sum to 1.
/// </para>
/// <para>
/// Determinism: proposal i of generation t takes its randomness from its own generator, seeded by
/// (seed, t, i), and its simulation gets a seed derived the same way; proposals are simulated in
/// batches (in parallel when <see cref="AbcSmcOptions.Threads"/> is above 1) and accepted strictly
/// in index order. The particles kept are therefore the same whatever the number of threads.
/// </para>
/// </remarks>
public static class AbcSmc
{
    /// <summary>The name of the random streams the proposals are drawn from (one per generation, keyed by proposal index).</summary>
    public const string ProposalStreamName = "calibration.abc.propose";

    /// <summary>The name of the random streams the simulations' seeds are derived from (one per generation, keyed by proposal index).</summary>
    public const string SimulationStreamName = "calibration.abc.simulate";

    /// <summary>Simulations in flight per thread in one batch: enough to keep every thread busy, few enough that little is simulated past the N-th acceptance.</summary>
    private const int BatchPerThread = 8;

    /// <summary>Runs ABC-SMC and returns every generation; the same arguments give bit-identical particles whatever <see cref="AbcSmcOptions.Threads"/>.</summary>
    /// <param name="priors">The parameters' independent uniform priors, at least one, names distinct.</param>
    /// <param name="model">Simulates at a parameter vector and seed and returns the distance to the observed data.</param>
    /// <param name="options">Population size, stopping rule, tolerance schedule, simulation cap and threads.</param>
    /// <param name="seed">The seed of the run.</param>
    /// <param name="cancellationToken">Stops between batches of simulations.</param>
    /// <param name="completed">
    /// Generations of an earlier run with the same priors, options and seed to continue from (as
    /// read back from its checkpoint); the result is the same as that of an uninterrupted run.
    /// </param>
    /// <param name="finished">Called with each generation as it is completed (not with those in <paramref name="completed"/>), to checkpoint it.</param>
    /// <param name="progress">Told after each batch of simulations how the generation under way stands.</param>
    /// <exception cref="ArgumentException">
    /// A prior list that is empty or names a parameter twice, an invalid option, or a simulation cap
    /// reached before generation 0 had N particles (there is then no population to return).
    /// </exception>
    /// <exception cref="InvalidOperationException">The model returned NaN or a negative distance.</exception>
    public static AbcResult Run(
        IReadOnlyList<UniformPrior> priors,
        AbcSimulator model,
        AbcSmcOptions options,
        ulong seed,
        IReadOnlyList<AbcGeneration>? completed = null,
        Action<AbcGeneration>? finished = null,
        IProgress<AbcProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var prior = CheckPriors(priors);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        long cap = CheckOptions(options);
        var streams = new StreamFactory(seed);
        var sampler = new Sampler(prior, model, options, cap, streams, progress, cancellationToken);
        var generations = ImmutableArray.CreateBuilder<AbcGeneration>();
        if (completed is { Count: > 0 })
        {
            generations.AddRange(CheckCompleted(completed, prior.Length, options.Population));
        }
        else
        {
            var first = sampler.Populate(0, options.InitialTolerance, previous: null, kernelSd: []);
            if (first.Generation is null)
            {
                throw new ArgumentException(
                    $"Generation 0 reached the cap of {cap} simulations with only {first.Accepted} of {options.Population} particles "
                    + $"within the initial tolerance {Format(options.InitialTolerance)}; raise the cap or the initial tolerance.",
                    OptionName(nameof(AbcSmcOptions.MaxSimulationsPerGeneration)));
            }

            generations.Add(first.Generation);
            finished?.Invoke(first.Generation);
        }

        while (true)
        {
            var last = generations[^1];
            if (options.FinalTolerance is { } final && last.Tolerance <= final)
            {
                return Done(AbcStop.FinalTolerance, $"Generation {last.Index} reached the final tolerance {Format(final)}.");
            }

            if (options.Generations is { } most && generations.Count >= most)
            {
                return Done(AbcStop.Generations, $"Ran the {most} generations asked for; the last tolerance is {Format(last.Tolerance)}.");
            }

            double quantile = Quantiles.Type7Unsorted(last.Particles.Select(p => p.Distance), options.Quantile);
            if (!(quantile < last.Tolerance))
            {
                // Ties at the tolerance (many particles at one distance, such as a capped one):
                // the largest distance below it, so that the particles below still lead on.
                double below = last.Particles.Select(p => p.Distance).Where(d => d < last.Tolerance).DefaultIfEmpty(double.NaN).Max();
                quantile = double.IsNaN(below) ? quantile : below;
            }

            double tolerance = Math.Max(quantile, options.FinalTolerance ?? double.NegativeInfinity);
            if (!(tolerance < last.Tolerance))
            {
                return Done(
                    AbcStop.ToleranceStalled,
                    $"The {Format(options.Quantile)} quantile of generation {last.Index}'s distances ({Format(quantile)}) is not below its tolerance {Format(last.Tolerance)}.");
            }

            var kernelSd = ImmutableArray.CreateBuilder<double>(prior.Length);
            for (int k = 0; k < prior.Length; k++)
            {
                kernelSd.Add(Math.Sqrt(2 * last.Variance(k)));
            }

            int collapsed = kernelSd.IndexOf(0);
            if (collapsed >= 0)
            {
                return Done(AbcStop.Collapsed, $"Every particle of generation {last.Index} has the same value of '{prior[collapsed].Name}'.");
            }

            var next = sampler.Populate(last.Index + 1, tolerance, last, kernelSd.MoveToImmutable());
            if (next.Generation is null)
            {
                return Done(
                    AbcStop.SimulationCap,
                    $"Generation {last.Index + 1} reached the cap of {cap} simulations with only {next.Accepted} of {options.Population} particles "
                    + $"within tolerance {Format(tolerance)}; the result stops at generation {last.Index}.");
            }

            generations.Add(next.Generation);
            finished?.Invoke(next.Generation);
        }

        AbcResult Done(AbcStop stop, string message) => new(prior, options, seed, generations.ToImmutable(), stop, message);
    }

    private static ImmutableArray<UniformPrior> CheckPriors(IReadOnlyList<UniformPrior> priors)
    {
        ArgumentNullException.ThrowIfNull(priors);
        if (priors.Count == 0)
        {
            throw new ArgumentException("At least one prior is needed.", nameof(priors));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prior in priors)
        {
            if (prior is null)
            {
                throw new ArgumentException("A prior is null.", nameof(priors));
            }

            if (!seen.Add(prior.Name))
            {
                throw new ArgumentException($"The parameter '{prior.Name}' has two priors.", nameof(priors));
            }
        }

        return [.. priors];
    }

    private static IEnumerable<AbcGeneration> CheckCompleted(IReadOnlyList<AbcGeneration> completed, int parameters, int population)
    {
        for (int g = 0; g < completed.Count; g++)
        {
            var generation = completed[g];
            if (generation is null || generation.Index != g)
            {
                throw new ArgumentException($"The completed generations must be numbered 0, 1, 2... in order; entry {g} is not generation {g}.", nameof(completed));
            }

            if (generation.Particles.Length != population || generation.Particles.Any(p => p.Parameters.Length != parameters))
            {
                throw new ArgumentException(
                    $"Generation {g} to continue from has {generation.Particles.Length} particles of {generation.Particles.FirstOrDefault()?.Parameters.Length ?? 0} parameters; this run has a population of {population} and {parameters} parameters.",
                    nameof(completed));
            }
        }

        return completed;
    }

    // Returns the simulation cap per generation.
    private static long CheckOptions(AbcSmcOptions options)
    {
        if (options.Population < 2)
        {
            // One particle has no variance, so the kernel of the next generation would have no width.
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.Population)), options.Population, "The population must be at least 2.");
        }

        if (options.Generations is null && options.FinalTolerance is null)
        {
            throw new ArgumentException("Give a number of generations, a final tolerance or both.", OptionName(nameof(AbcSmcOptions.Generations)));
        }

        if (options.Generations is < 1)
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.Generations)), options.Generations, "The number of generations must be at least 1.");
        }

        if (options.FinalTolerance is { } final && !(final >= 0 && double.IsFinite(final)))
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.FinalTolerance)), final, "The final tolerance must be a finite number, at least 0.");
        }

        if (!(options.Quantile > 0 && options.Quantile < 1))
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.Quantile)), options.Quantile, "The quantile must be in (0, 1).");
        }

        if (!(options.InitialTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.InitialTolerance)), options.InitialTolerance, "The initial tolerance must be at least 0 (it may be infinite).");
        }

        if (options.Threads < 1)
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(AbcSmcOptions.Threads)), options.Threads, "The number of threads must be at least 1.");
        }

        long cap = options.MaxSimulationsPerGeneration ?? (1000L * options.Population);
        if (cap < options.Population)
        {
            throw new ArgumentOutOfRangeException(
                OptionName(nameof(AbcSmcOptions.MaxSimulationsPerGeneration)), cap, $"The simulation cap must be at least the population ({options.Population}).");
        }

        return cap;
    }

    private static string OptionName(string property) => "options." + property;

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A generation's outcome: the generation, or null and the particles accepted when the cap stopped it.</summary>
    private readonly record struct Attempt(AbcGeneration? Generation, int Accepted);

    /// <summary>One proposal of a batch: its index, its values (null when outside the prior) and its distance once simulated.</summary>
    private sealed class Proposal(long index, double[]? parameters)
    {
        public long Index { get; } = index;

        public double[]? Parameters { get; } = parameters;

        public double Distance { get; set; }
    }

    /// <summary>The state shared by the generations of one run.</summary>
    private sealed class Sampler(
        ImmutableArray<UniformPrior> prior,
        AbcSimulator model,
        AbcSmcOptions options,
        long cap,
        StreamFactory streams,
        IProgress<AbcProgress>? progress,
        CancellationToken token)
    {
        private readonly int _batch = options.Threads == 1 ? 1 : options.Threads * BatchPerThread;

        /// <summary>Runs proposals of generation <paramref name="index"/> in index order until N are within <paramref name="tolerance"/> or the cap is reached.</summary>
        public Attempt Populate(int index, double tolerance, AbcGeneration? previous, ImmutableArray<double> kernelSd)
        {
            int n = options.Population;
            ulong proposalKey = streams.SeedOf(index, ProposalStreamName);
            ulong simulationKey = streams.SeedOf(index, SimulationStreamName);
            double[] cumulative = previous is null ? [] : previous.CumulativeWeights();
            var accepted = new List<(Proposal Proposal, double[] Parameters)>(n);
            long simulations = 0;
            long outside = 0;
            long next = 0;
            while (true)
            {
                token.ThrowIfCancellationRequested();
                long room = Math.Min(_batch, cap - simulations);
                if (room == 0)
                {
                    return new Attempt(null, accepted.Count);
                }

                // Proposals are drawn in index order until the batch holds `room` inside the prior;
                // those outside are kept in the list so they are counted where they fell.
                var batch = new List<Proposal>();
                int inside = 0;
                while (inside < room)
                {
                    var random = new Xoshiro256(StableHash.Combine(proposalKey, (ulong)next));
                    var parameters = previous is null ? FromPrior(random) : Perturb(random, previous, cumulative, kernelSd);
                    batch.Add(new Proposal(next, parameters));
                    inside += parameters is null ? 0 : 1;
                    next++;
                }

                Simulate(batch, simulationKey);
                foreach (var proposal in batch)
                {
                    if (proposal.Parameters is null)
                    {
                        outside++;
                        continue;
                    }

                    simulations++;
                    double distance = proposal.Distance;
                    if (double.IsNaN(distance) || distance < 0)
                    {
                        throw new InvalidOperationException(
                            $"The model returned the distance {distance} for ({string.Join(", ", proposal.Parameters.Select(Format))}); a distance must be at least 0 (infinite for no match).");
                    }

                    // An infinite distance is never accepted, even when the tolerance is infinite.
                    if (double.IsFinite(distance) && distance <= tolerance)
                    {
                        accepted.Add((proposal, proposal.Parameters));
                        if (accepted.Count == n)
                        {
                            var weights = previous is null ? Uniform(n) : Weights(accepted, previous, kernelSd);
                            var particles = ImmutableArray.CreateBuilder<AbcParticle>(n);
                            for (int i = 0; i < n; i++)
                            {
                                particles.Add(new AbcParticle(accepted[i].Proposal.Index, [.. accepted[i].Parameters], weights[i], accepted[i].Proposal.Distance));
                            }

                            progress?.Report(new AbcProgress(index, tolerance, n, n, simulations));
                            return new Attempt(new AbcGeneration(index, tolerance, kernelSd, particles.MoveToImmutable(), simulations, outside), n);
                        }
                    }
                }

                progress?.Report(new AbcProgress(index, tolerance, accepted.Count, n, simulations));
            }
        }

        private void Simulate(List<Proposal> batch, ulong simulationKey)
        {
            void One(Proposal proposal)
            {
                if (proposal.Parameters is { } parameters)
                {
                    // The model gets its own copy: it may keep or change the array.
                    proposal.Distance = model([.. parameters], StableHash.Combine(simulationKey, (ulong)proposal.Index));
                }
            }

            if (options.Threads == 1)
            {
                batch.ForEach(One);
                return;
            }

            try
            {
                Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = token }, One);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                // The model's own exception says what went wrong; the wrapper adds nothing.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        private double[] FromPrior(Random random)
        {
            var values = new double[prior.Length];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = prior[k].At(random.NextDouble());
            }

            return values;
        }

        // Picks a particle by weight and moves it by the Gaussian kernel; null when the move leaves the prior.
        private double[]? Perturb(Random random, AbcGeneration previous, double[] cumulative, ImmutableArray<double> kernelSd)
        {
            var parent = previous.Particles[AbcGeneration.Pick(cumulative, random.NextDouble())].Parameters;
            var values = new double[prior.Length];
            bool inside = true;
            for (int k = 0; k < values.Length; k++)
            {
                // Draw every coordinate even after one falls outside, so the number of draws never depends on the values.
                values[k] = Normal.Sample(random, parent[k], kernelSd[k]);
                inside &= prior[k].Contains(values[k]);
            }

            return inside ? values : null;
        }

        // w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j). The uniform prior's density is the same at every
        // accepted particle (all lie inside it), so it cancels when the weights are normalised.
        private double[] Weights(List<(Proposal Proposal, double[] Parameters)> accepted, AbcGeneration previous, ImmutableArray<double> kernelSd)
        {
            int n = accepted.Count;
            var weights = new double[n];
            void One(int i)
            {
                var theta = accepted[i].Parameters;
                double denominator = 0;
                foreach (var particle in previous.Particles)
                {
                    double kernel = particle.Weight;
                    for (int k = 0; k < theta.Length; k++)
                    {
                        kernel *= Normal.PDF(particle.Parameters[k], kernelSd[k], theta[k]);
                    }

                    denominator += kernel;
                }

                weights[i] = 1 / denominator;
            }

            if (options.Threads == 1)
            {
                for (int i = 0; i < n; i++)
                {
                    One(i);
                }
            }
            else
            {
                Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = token }, One);
            }

            double sum = 0;
            foreach (double w in weights)
            {
                sum += w;
            }

            for (int i = 0; i < n; i++)
            {
                weights[i] /= sum;
            }

            return weights;
        }

        private static double[] Uniform(int n)
        {
            var weights = new double[n];
            Array.Fill(weights, 1.0 / n);
            return weights;
        }
    }
}

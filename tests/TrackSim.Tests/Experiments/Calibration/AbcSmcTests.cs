using MathNet.Numerics.Distributions;
using TrackSim.Core.Randomness;
using TrackSim.Experiments.Calibration;

namespace TrackSim.Tests.Experiments.Calibration;

/// <summary>
/// ABC-SMC on toys whose exact posterior is known: the mean of normal data (one parameter) and
/// the intercept and slope of a linear model with centred x (two independent parameters).
/// </summary>
public sealed class AbcSmcTests
{
    // Twenty draws from Normal(1.3, 1), fixed here so the exact posterior is fixed too.
    private static readonly double[] Observed =
        [1.04, 1.81, 1.07, 0.98, 0.37, 1.09, 2.41, 1.72, 2.34, 1.55, 1.69, 1.49, -0.37, 2.16, 1.81, 1.80, -0.39, -0.44, 0.41, 0.83];

    // x = -4.75, -4.25, ..., 4.75 (centred, so the least-squares intercept and slope are independent);
    // y = 0.5 - 0.8 x + Normal(0, 1) noise, drawn once and fixed here.
    private static readonly double[] X = [.. Enumerable.Range(0, 20).Select(i => -4.75 + (0.5 * i))];

    private static readonly double[] Y =
        [3.08, 4.28, 4.49, 2.59, 1.37, 2.23, 2.38, 2.60, -0.12, -0.59, 1.01, 0.37, 1.03, 0.08, -1.40, -1.97, 0.47, -2.79, -3.68, -4.44];

    private static readonly UniformPrior[] MeanPrior = [new("mu", -10, 10)];

    private static readonly UniformPrior[] LinePrior = [new("a", -10, 10), new("b", -5, 5)];

    private static double ObservedMean => Observed.Average();

    private static double SumXSquared => X.Sum(x => x * x);

    // The simulator of the one-parameter toy: n draws from Normal(mu, 1), compared by their mean.
    private static double MeanDistance(double[] parameters, ulong seed)
    {
        var random = new Xoshiro256(seed);
        double sum = 0;
        for (int i = 0; i < Observed.Length; i++)
        {
            sum += Normal.Sample(random, parameters[0], 1);
        }

        return Math.Abs((sum / Observed.Length) - ObservedMean);
    }

    // The least-squares intercept and slope of y on the centred x.
    private static (double A, double B) Fit(double[] y)
    {
        double mean = y.Average();
        double sxy = 0;
        for (int i = 0; i < X.Length; i++)
        {
            sxy += X[i] * y[i];
        }

        return (mean, sxy / SumXSquared);
    }

    // The simulator of the two-parameter toy: y = a + b x + Normal(0, 1), compared by the Euclidean distance of the fitted (a, b).
    private static double LineDistance(double[] parameters, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var y = new double[X.Length];
        for (int i = 0; i < X.Length; i++)
        {
            y[i] = parameters[0] + (parameters[1] * X[i]) + Normal.Sample(random, 0, 1);
        }

        var (a, b) = Fit(y);
        var (a0, b0) = Fit(Y);
        return Math.Sqrt(((a - a0) * (a - a0)) + ((b - b0) * (b - b0)));
    }

    [Test]
    public void The_mean_of_normal_data_is_recovered_with_the_exact_posterior_sd()
    {
        // The exact posterior is Normal(ybar, 1/sqrt(n)) (the prior's truncation at 5 SD from ybar
        // is negligible). Accepting |mean_sim - ybar| <= eps adds a Uniform(-eps, eps) error, so
        // the ABC posterior's variance is 1/n + eps^2/3: at eps = 0.02, 0.22390 against 0.22361.
        var result = AbcSmc.Run(MeanPrior, MeanDistance, new AbcSmcOptions { Population = 400, FinalTolerance = 0.02 }, seed: 2026);
        var posterior = result.Posterior;
        double exactSd = 1 / Math.Sqrt(Observed.Length);
        TestContext.Out.WriteLine(Describe(result));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stop, Is.EqualTo(AbcStop.FinalTolerance));
            Assert.That(posterior.Tolerance, Is.EqualTo(0.02));

            // The Monte Carlo error of the weighted mean is about SD / sqrt(ESS), somewhat more
            // because the particles of a generation share parents: over 80 seeds the spread of
            // (mean - ybar) / (SD / sqrt(ESS)) was 1.3. Five of them is about four such spreads.
            Assert.That(posterior.EffectiveSampleSize, Is.GreaterThanOrEqualTo(150));
            Assert.That(posterior.Mean(0), Is.EqualTo(ObservedMean).Within(5 * exactSd / Math.Sqrt(posterior.EffectiveSampleSize)));

            // The relative error of the posterior SD had a spread of 5.5% over the same 80 seeds
            // (mean +0.04%: no bias); 20% is about 3.6 spreads, and the eps inflation is 0.1%.
            Assert.That(posterior.StandardDeviation(0), Is.EqualTo(exactSd).Within(20).Percent);
        }
    }

    [Test]
    public void A_larger_final_tolerance_widens_the_posterior_as_the_uniform_window_predicts()
    {
        // At eps = 1 the ABC posterior is Normal(ybar, 1/sqrt(n)) convolved with Uniform(-1, 1):
        // SD sqrt(0.05 + 1/3) = 0.619, almost three times the exact 0.224.
        var result = AbcSmc.Run(MeanPrior, MeanDistance, new AbcSmcOptions { Population = 400, FinalTolerance = 1 }, seed: 2026);
        var wide = result.Posterior;
        double predicted = Math.Sqrt((1.0 / Observed.Length) + (1.0 / 3));
        TestContext.Out.WriteLine(Describe(result));

        using (Assert.EnterMultipleScope())
        {
            // Tolerances as in the test at eps = 0.02 (over 30 seeds the SD's relative error here had a spread of 1.9%).
            Assert.That(wide.StandardDeviation(0), Is.EqualTo(predicted).Within(20).Percent);
            Assert.That(wide.Mean(0), Is.EqualTo(ObservedMean).Within(5 * predicted / Math.Sqrt(wide.EffectiveSampleSize)));
        }
    }

    [Test]
    public void The_intercept_and_slope_of_a_line_are_recovered_each_with_its_own_posterior_sd()
    {
        // With centred x and unit noise the exact posterior is a ~ Normal(a_hat, 1/sqrt(n)) and
        // b ~ Normal(b_hat, 1/sqrt(sum x^2)), independent: SDs 0.224 and 0.078, a factor of three
        // apart, so one kernel width for both would show. Accepting within a disc of radius eps
        // adds eps^2/4 to each variance: at eps = 0.03, +0.4% and +1.9% on the SDs.
        var result = AbcSmc.Run(LinePrior, LineDistance, new AbcSmcOptions { Population = 400, FinalTolerance = 0.03 }, seed: 7);
        var posterior = result.Posterior;
        var (aHat, bHat) = Fit(Y);
        double sdA = 1 / Math.Sqrt(X.Length);
        double sdB = 1 / Math.Sqrt(SumXSquared);
        TestContext.Out.WriteLine(Describe(result));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stop, Is.EqualTo(AbcStop.FinalTolerance));
            Assert.That(posterior.EffectiveSampleSize, Is.GreaterThanOrEqualTo(150));
            // Over 30 seeds the errors of the means had spreads of 1.3 (a) and 1.5 (b) times
            // SD / sqrt(ESS), and the SDs' relative errors spreads of 5.5% and 6.4% (largest +18%):
            // six standard errors and 25% are about four spreads.
            double ess = posterior.EffectiveSampleSize;
            Assert.That(posterior.Mean(0), Is.EqualTo(aHat).Within(6 * sdA / Math.Sqrt(ess)));
            Assert.That(posterior.Mean(1), Is.EqualTo(bHat).Within(6 * sdB / Math.Sqrt(ess)));
            Assert.That(posterior.StandardDeviation(0), Is.EqualTo(sdA).Within(25).Percent);
            Assert.That(posterior.StandardDeviation(1), Is.EqualTo(sdB).Within(25).Percent);

            // The kernel follows each parameter's own spread (the exact ratio is 2.9; one width for
            // both would give 1). Over 30 seeds the ratio of the last kernel's widths was 1.8 to 3.2.
            Assert.That(posterior.KernelSd[0] / posterior.KernelSd[1], Is.GreaterThan(1.5));
        }
    }

    [Test]
    public void The_same_seed_gives_bit_identical_particles_with_one_and_two_threads_and_another_seed_other_particles()
    {
        var options = new AbcSmcOptions { Population = 100, FinalTolerance = 0.1 };
        var one = AbcSmc.Run(LinePrior, LineDistance, options with { Threads = 1 }, seed: 5);
        var two = AbcSmc.Run(LinePrior, LineDistance, options with { Threads = 2 }, seed: 5);
        var other = AbcSmc.Run(LinePrior, LineDistance, options with { Threads = 2 }, seed: 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(two.Generations, Has.Length.EqualTo(one.Generations.Length));
            Assert.That(Flatten(two), Is.EqualTo(Flatten(one)), "values, weights, distances and tolerances, bit for bit");
            Assert.That(two.Generations.Select(g => g.Simulations), Is.EqualTo(one.Generations.Select(g => g.Simulations)));
            Assert.That(Flatten(other), Is.Not.EqualTo(Flatten(one)));
        }

        static double[] Flatten(AbcResult result) =>
            [.. result.Generations.SelectMany(g => g.Particles.SelectMany(p => p.Parameters.Append(p.Weight).Append(p.Distance)).Append(g.Tolerance))];
    }

    [Test]
    public void Each_generation_follows_the_schedule_the_kernel_and_the_weights_it_states()
    {
        var result = AbcSmc.Run(LinePrior, LineDistance, new AbcSmcOptions { Population = 50, Generations = 5, Quantile = 0.3 }, seed: 3);

        Assert.That(result.Stop, Is.EqualTo(AbcStop.Generations));
        Assert.That(result.Generations, Has.Length.EqualTo(5));
        for (int t = 1; t < result.Generations.Length; t++)
        {
            var previous = result.Generations[t - 1];
            var current = result.Generations[t];
            double[] sorted = [.. previous.Particles.Select(p => p.Distance).Order()];
            double h = (sorted.Length - 1) * 0.3;
            int lo = (int)h;
            double quantile = sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));

            // The weights written out from their definition: 1 / sum_j w_j prod_k phi(theta_k; theta_jk, sd_k).
            double[] raw = [.. current.Particles.Select(p => 1 / previous.Particles.Sum(q =>
                q.Weight * Normal.PDF(q.Parameters[0], current.KernelSd[0], p.Parameters[0]) * Normal.PDF(q.Parameters[1], current.KernelSd[1], p.Parameters[1])))];

            using (Assert.EnterMultipleScope())
            {
                Assert.That(current.Tolerance, Is.EqualTo(quantile).Within(1e-12), $"generation {t}'s tolerance is the 0.3 quantile of {t - 1}'s distances");
                Assert.That(current.Particles.Select(p => p.Distance), Has.All.LessThanOrEqualTo(current.Tolerance));
                Assert.That(current.KernelSd[0], Is.EqualTo(Math.Sqrt(2 * previous.Variance(0))).Within(1e-12));
                Assert.That(current.KernelSd[1], Is.EqualTo(Math.Sqrt(2 * previous.Variance(1))).Within(1e-12));
                Assert.That(current.Particles.Sum(p => p.Weight), Is.EqualTo(1).Within(1e-12));
                Assert.That(current.Particles.Select(p => p.Weight), Is.EqualTo(raw.Select(w => w / raw.Sum())).Within(1e-12));
                Assert.That(current.EffectiveSampleSize, Is.EqualTo(1 / current.Particles.Sum(p => p.Weight * p.Weight)).Within(1e-9).And.InRange(1, 50));
                Assert.That(current.AcceptanceRate, Is.EqualTo(50.0 / current.Simulations));
                Assert.That(current.Particles.Select(p => p.Parameters[0]), Has.All.InRange(-10, 10));
                Assert.That(current.Particles.Select(p => p.Parameters[1]), Has.All.InRange(-5, 5));
                Assert.That(current.Particles.Select(p => p.Proposal), Is.Ordered.Ascending);
            }
        }
    }

    [Test]
    public void An_infinite_distance_is_never_accepted_even_at_an_infinite_tolerance()
    {
        // Generation 0 accepts every finite distance; a model that matches nothing below mu = 0 leaves it only mu >= 0.
        var result = AbcSmc.Run(MeanPrior, (p, s) => p[0] < 0 ? double.PositiveInfinity : MeanDistance(p, s), new AbcSmcOptions { Population = 100, Generations = 1 }, seed: 1);
        var first = result.Posterior;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Particles.Select(p => p.Parameters[0]), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(first.Tolerance, Is.EqualTo(double.PositiveInfinity));

            // Half the prior is below 0, so about 200 simulations for 100 particles (binomial SD about 14).
            Assert.That(first.Simulations, Is.InRange(150, 260));
        }
    }

    [Test]
    public void The_rows_hold_every_value_of_every_particle_in_generation_particle_and_prior_order()
    {
        var result = AbcSmc.Run(LinePrior, LineDistance, new AbcSmcOptions { Population = 10, Generations = 3 }, seed: 4);
        var rows = result.Rows().ToArray();
        var last = result.Posterior.Particles[9];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Has.Length.EqualTo(3 * 10 * 2));
            Assert.That(rows[0], Is.EqualTo(new AbcRow(0, 0, "a", result.Generations[0].Particles[0].Parameters[0], 0.1, result.Generations[0].Particles[0].Distance, double.PositiveInfinity)));
            Assert.That(rows[^1], Is.EqualTo(new AbcRow(2, 9, "b", last.Parameters[1], last.Weight, last.Distance, result.Posterior.Tolerance)));
        }
    }

    [Test]
    public void Bad_priors_are_refused_with_the_argument_named()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => AbcSmc.Run([], MeanDistance, new AbcSmcOptions { Generations = 2 }, 1), Throws.ArgumentException.With.Property("ParamName").EqualTo("priors"));
            Assert.That(() => AbcSmc.Run([new("mu", 0, 1), new("mu", 2, 3)], MeanDistance, new AbcSmcOptions { Generations = 2 }, 1),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("priors").And.Message.Contains("'mu'"));
            Assert.That(() => new UniformPrior("mu", 1, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("high"));
            Assert.That(() => new UniformPrior("mu", 2, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("high"));
            Assert.That(() => new UniformPrior("mu", double.NaN, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("low"));
            Assert.That(() => new UniformPrior(" ", 0, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("name"));
        }
    }

    [TestCase(1, 5, null, 0.5, "options.Population")]
    [TestCase(100, null, null, 0.5, "options.Generations")]
    [TestCase(100, 0, null, 0.5, "options.Generations")]
    [TestCase(100, 5, -1.0, 0.5, "options.FinalTolerance")]
    [TestCase(100, 5, null, 1.0, "options.Quantile")]
    public void Bad_options_are_refused_with_the_option_named(int population, int? generations, double? finalTolerance, double quantile, string name)
    {
        var options = new AbcSmcOptions { Population = population, Generations = generations, FinalTolerance = finalTolerance, Quantile = quantile };
        Assert.That(() => AbcSmc.Run(MeanPrior, MeanDistance, options, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo(name));
    }

    [Test]
    public void A_cap_below_the_population_or_reached_in_generation_0_is_refused_with_the_option_named()
    {
        // An initial tolerance of 1e-9 accepts about one draw in 10^9: the cap of 1000 ends it at once.
        var unreachable = new AbcSmcOptions { Population = 10, Generations = 3, InitialTolerance = 1e-9, MaxSimulationsPerGeneration = 1000 };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => AbcSmc.Run(MeanPrior, MeanDistance, new AbcSmcOptions { Population = 10, Generations = 3, MaxSimulationsPerGeneration = 9 }, 1),
                Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("options.MaxSimulationsPerGeneration"));
            Assert.That(() => AbcSmc.Run(MeanPrior, MeanDistance, unreachable, 1),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("options.MaxSimulationsPerGeneration").And.Message.Contains("cap of 1000"));
        }
    }

    [Test]
    public void A_later_generation_that_reaches_the_cap_ends_the_run_with_the_generations_before_it()
    {
        // A final tolerance of 0 cannot be met by a continuous distance: the acceptance rate falls
        // with every generation until one needs more than 500 simulations for 50 particles.
        int calls = 0;
        double Counted(double[] p, ulong s)
        {
            Interlocked.Increment(ref calls);
            return MeanDistance(p, s);
        }

        var result = AbcSmc.Run(MeanPrior, Counted, new AbcSmcOptions { Population = 50, FinalTolerance = 0, MaxSimulationsPerGeneration = 500 }, seed: 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stop, Is.EqualTo(AbcStop.SimulationCap));
            Assert.That(result.Message, Does.Contain("cap of 500").And.Contain($"stops at generation {result.Posterior.Index}"));
            Assert.That(result.Generations.Select(g => g.Simulations), Has.All.LessThanOrEqualTo(500));
            Assert.That(result.Generations, Has.Length.GreaterThan(3));
            Assert.That(calls, Is.EqualTo(result.Generations.Sum(g => g.Simulations) + 500), "every completed generation's simulations and the capped one's 500");
        }
    }

    [Test]
    public void Ties_at_a_capped_distance_lower_the_tolerance_to_the_largest_distance_below_it()
    {
        // Capped at 3, as TrackSim's distance is: on the prior (-10, 10) about 85 % of the draws
        // sit at 3, so the median of generation 0 is 3 and the median of generation 1 is 3 again.
        static double Capped(double[] p, ulong s) => Math.Min(Math.Abs(p[0] - 1) * 2, 3);
        var result = AbcSmc.Run(MeanPrior, Capped, new AbcSmcOptions { Population = 100, Generations = 6 }, seed: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stop, Is.EqualTo(AbcStop.Generations), result.Message);
            Assert.That(result.Generations[1].Tolerance, Is.EqualTo(3));
            double below = result.Generations[1].Particles.Select(p => p.Distance).Where(d => d < 3).Max();
            Assert.That(result.Generations[2].Tolerance, Is.EqualTo(below), "the largest distance below the tied tolerance");

            // Tolerance 3 - 1e-9 or below means |mu - 1| < 1.5 for every particle; six generations close further in.
            Assert.That(result.Posterior.Particles.Select(p => p.Parameters[0]), Has.All.InRange(-0.5, 2.5));
            Assert.That(result.Posterior.Tolerance, Is.LessThan(1));
        }
    }

    [Test]
    public void A_distance_that_cannot_fall_below_the_tolerance_stops_the_run_instead_of_looping()
    {
        // Every simulation returns 1: generation 1's tolerance would be the median, 1, again.
        var result = AbcSmc.Run(MeanPrior, (_, _) => 1, new AbcSmcOptions { Population = 20, FinalTolerance = 0.5, InitialTolerance = 1 }, seed: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stop, Is.EqualTo(AbcStop.ToleranceStalled));
            Assert.That(result.Generations, Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void A_distance_that_is_not_a_number_or_negative_is_refused()
    {
        var options = new AbcSmcOptions { Population = 10, Generations = 2 };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => AbcSmc.Run(MeanPrior, (_, _) => double.NaN, options, 1), Throws.InvalidOperationException.With.Message.Contains("NaN"));
            Assert.That(() => AbcSmc.Run(MeanPrior, (_, _) => -1, options with { Threads = 2 }, 1), Throws.InvalidOperationException.With.Message.Contains("-1"));
        }
    }

    [Test]
    public void A_cancelled_run_stops_between_batches()
    {
        // The model cancels at its 100th call; the run must stop at the next batch, long before the 0-tolerance cap of 10^6.
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        double Cancelling(double[] p, ulong s)
        {
            if (Interlocked.Increment(ref calls) == 100)
            {
                cancel.Cancel();
            }

            return MeanDistance(p, s);
        }

        var options = new AbcSmcOptions { Population = 50, FinalTolerance = 0, MaxSimulationsPerGeneration = 1_000_000 };
        Assert.That(() => AbcSmc.Run(MeanPrior, Cancelling, options, 1, cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(calls, Is.EqualTo(100), "one thread simulates one proposal per batch");
    }

    private static string Describe(AbcResult result) =>
        string.Join(
            "\n",
            result.Generations.Select(g =>
                $"gen {g.Index}: eps {g.Tolerance:G4} sims {g.Simulations} outside {g.OutsidePrior} acc {g.AcceptanceRate:0.000} ess {g.EffectiveSampleSize:0} "
                + string.Join(" ", result.Priors.Select((p, k) => $"{p.Name} {g.Mean(k):0.0000}±{g.StandardDeviation(k):0.0000}"))))
        + "\n" + result.Message;
}

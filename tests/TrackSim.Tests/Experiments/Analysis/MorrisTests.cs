using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class MorrisTests
{
    // x1 inert, x2 linear with slope 5 over a range of 3, x3 and x4 interacting through x3 x4.
    private static readonly ParameterRange[] Ranges = [new("inert", 0, 10), new("linear", 0, 3), new("x3", 0, 1), new("x4", 1, 2)];

    private static double Screening(IReadOnlyList<double> x) => (5 * x[1]) + (x[2] * x[3]);

    private static MorrisResult[] Run(ParameterRange[] ranges, Func<IReadOnlyList<double>, double> f, int trajectories, ulong seed = 1)
    {
        var design = Morris.Create(ranges, trajectories, seed);
        return [.. Morris.Analyze(design, TestFunctions.Evaluate(design, f), seed)];
    }

    [Test]
    public void Each_trajectory_moves_every_parameter_once_by_delta_of_its_range()
    {
        var design = Morris.Create(Ranges, trajectories: 10, seed: 3);
        int k = Ranges.Length;
        Assert.That(design.Points, Has.Length.EqualTo(10 * (k + 1)));
        Assert.That(design.Delta, Is.EqualTo(2.0 / 3));
        Assert.Multiple(() =>
        {
            foreach (var trajectory in design.Trajectories)
            {
                Assert.That(trajectory.Steps.Select(s => s.Parameter).Order(), Is.EqualTo(Enumerable.Range(0, k)));
                for (int s = 0; s < k; s++)
                {
                    var before = design.Points[trajectory.FirstPoint + s];
                    var after = design.Points[trajectory.FirstPoint + s + 1];
                    var step = trajectory.Steps[s];
                    for (int i = 0; i < k; i++)
                    {
                        double expected = i == step.Parameter ? step.UnitChange * Ranges[i].Width : 0;
                        Assert.That(after[i] - before[i], Is.EqualTo(expected).Within(1e-12), $"step {s}, parameter {i}");
                    }

                    Assert.That(Math.Abs(step.UnitChange), Is.EqualTo(design.Delta).Within(1e-15));
                }
            }
        });
    }

    [Test]
    public void Points_lie_on_the_grid_of_levels_and_every_level_is_visited()
    {
        var design = Morris.Create(Ranges, trajectories: 40, seed: 5, levels: 6);
        var range = Ranges[1];
        var levels = design.Points.Select(p => Math.Round((p[1] - range.Low) / range.Width * 5, 9)).Distinct().Order();
        Assert.That(levels, Is.EqualTo(new double[] { 0, 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void The_same_seed_gives_the_same_trajectories()
    {
        var first = Morris.Create(Ranges, 8, seed: 21);
        var again = Morris.Create(Ranges, 8, seed: 21);
        Assert.Multiple(() =>
        {
            Assert.That(again.Points.SelectMany(p => p), Is.EqualTo(first.Points.SelectMany(p => p)));
            Assert.That(again.Trajectories.SelectMany(t => t.Steps), Is.EqualTo(first.Trajectories.SelectMany(t => t.Steps)));
            Assert.That(Morris.Create(Ranges, 8, seed: 22).Points.SelectMany(p => p), Is.Not.EqualTo(first.Points.SelectMany(p => p)));
        });
    }

    [Test]
    public void An_inert_parameter_has_zero_mu_star_and_zero_sigma()
    {
        var inert = Run(Ranges, Screening, 50)[0];
        Assert.Multiple(() =>
        {
            Assert.That(inert.MuStar, Is.Zero);
            Assert.That(inert.Sigma, Is.Zero);
            Assert.That(inert.MuStarHigh, Is.Zero);
        });
    }

    [Test]
    public void A_linear_parameter_has_mu_star_equal_to_slope_times_range_and_zero_sigma()
    {
        // Slope 5 over a range of width 3: every elementary effect is exactly 15 per full range,
        // up to the rounding of differences of outputs near 15 (about 1e-14).
        var linear = Run(Ranges, Screening, 50)[1];
        Assert.Multiple(() =>
        {
            Assert.That(linear.MuStar, Is.EqualTo(15).Within(1e-9));
            Assert.That(linear.Mu, Is.EqualTo(15).Within(1e-9));
            Assert.That(linear.Sigma, Is.EqualTo(0).Within(1e-9));
            Assert.That(linear.Trajectories, Is.EqualTo(50));
        });
    }

    [Test]
    public void An_interacting_parameter_has_a_positive_sigma()
    {
        // The effect of x3 (range 1) is the value of x4 at the time of the step, a level of
        // {1, 4/3, 5/3, 2} visited uniformly: mu* = 1.5 and sigma = 0.37. With 50 trajectories
        // mu* has a standard error of 0.053, so 1.5 +/- 0.25 is beyond four of them.
        var x3 = Run(Ranges, Screening, 50)[2];
        Assert.Multiple(() =>
        {
            Assert.That(x3.MuStar, Is.EqualTo(1.5).Within(0.25));
            Assert.That(x3.Sigma, Is.GreaterThan(0.2));
            Assert.That(x3.MuStarLow, Is.LessThan(1.5), "interval holds the expected mu*");
            Assert.That(x3.MuStarHigh, Is.GreaterThan(1.5), "interval holds the expected mu*");
        });
    }

    [Test]
    public void Ishigami_measures_match_their_exact_values_on_the_four_level_grid()
    {
        // With p = 4 the levels are -pi, -pi/3, pi/3, pi and delta is 2/3 of the range, so the
        // expected effects follow exactly (per full range, dividing by delta = 2/3):
        //  x2: 7 (sin^2 changes by 3/4) / (2/3) = +/-7.875 every time, so mu* = 7.875 exactly;
        //  x1: sin x1 changes by sqrt(3)/2 in the direction of the step, times (1 + 0.1 x3^4),
        //      so every effect is positive and mu* = 1.5 (sqrt(3)/2) (1 + 0.05 pi^4 82/81) = 7.704;
        //  x3: x3^4 changes by pi^4 80/81 times 0.1 sin x1, which is 0 for half the levels of x1,
        //      so mu* = 0.5 (1.5) 0.1 pi^4 (80/81) (sqrt(3)/2) = 6.249 and mu = 0: x3 acts only
        //      through its interaction with x1, the classic reading of a sigma above mu*.
        // This is the published pattern (for example SALib's Morris example on Ishigami: mu* of
        // x1 and x2 close, x3 clearly lowest with mu near 0). The random effects of x1 and x3
        // take two values of equal probability 6.25 either side of the mean, so with 1000
        // trajectories mu* has a standard error of 0.2; 0.8 is four of them.
        var results = Run(TestFunctions.IshigamiRanges, TestFunctions.Ishigami, 1000, seed: 11);
        double half = Math.Sqrt(3) / 2;
        double pi4 = Math.Pow(Math.PI, 4);
        double x1 = 1.5 * half * (1 + (0.05 * pi4 * 82 / 81));
        double x3 = 0.5 * 1.5 * 0.1 * pi4 * 80 / 81 * half;
        Assert.Multiple(() =>
        {
            Assert.That(results[1].MuStar, Is.EqualTo(7.875).Within(1e-9), "x2");
            Assert.That(results[0].MuStar, Is.EqualTo(x1).Within(0.8), "x1");
            Assert.That(results[0].Mu, Is.EqualTo(results[0].MuStar).Within(1e-9), "x1 effects all positive");
            Assert.That(results[2].MuStar, Is.EqualTo(x3).Within(0.8), "x3");
            Assert.That(Math.Abs(results[2].Mu), Is.LessThan(1.0), "x3 mu near 0");
            Assert.That(results[2].Sigma, Is.GreaterThan(results[2].MuStar), "x3 interacts");
            Assert.That(results[2].MuStar, Is.LessThan(Math.Min(results[0].MuStar, results[1].MuStar)), "x3 ranked last");
            Assert.That(x1, Is.InRange(results[0].MuStarLow, results[0].MuStarHigh), "x1 interval");
            Assert.That(x3, Is.InRange(results[2].MuStarLow, results[2].MuStarHigh), "x3 interval");
        });
    }

    [Test]
    public void An_odd_number_of_levels_and_a_single_trajectory_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Morris.Create(Ranges, 10, seed: 1, levels: 5));
            Assert.Throws<ArgumentOutOfRangeException>(() => Morris.Create(Ranges, 1, seed: 1));
        });
    }

    [Test]
    public void Outputs_must_match_the_design()
    {
        var design = Morris.Create(Ranges, 4, seed: 1);
        Assert.Throws<ArgumentException>(() => Morris.Analyze(design, [1.0, 2.0], seed: 1));
    }
}

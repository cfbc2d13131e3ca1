using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrackSim.Core.Randomness;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// Morris elementary-effects screening (Morris 1991), with the mean absolute effect mu* of
/// Campolongo, Cariboni and Saltelli (2007).
/// </summary>
/// <remarks>
/// Trajectories are drawn as in Morris (1991) and Saltelli et al., <i>Global Sensitivity
/// Analysis: The Primer</i> (2008), section 3.3: on the grid <c>{0, 1/(p-1), ..., 1}</c> of each
/// parameter a base level is chosen uniformly among those from which a step of
/// <c>delta = p / (2 (p - 1))</c> stays on the grid, a random direction decides whether the
/// parameter starts there and moves up or starts a delta higher and moves down, and the
/// parameters move once each in a random order. With an even p every level is then equally
/// likely to be visited. Campolongo's optimised selection of trajectories (choosing r of many
/// candidates to maximise their spread) is not used: with the tens of trajectories a sweep
/// affords, plain random trajectories are the documented baseline and keep the design a pure
/// function of the seed and r.
/// </remarks>
public static class Morris
{
    /// <summary>The default number of grid levels, the common choice p = 4 (delta = 2/3).</summary>
    public const int DefaultLevels = 4;

    /// <summary>The default number of bootstrap resamples for the interval of mu*.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The name of the random stream the trajectories are drawn from.</summary>
    public const string StreamName = "analysis.morris";

    /// <summary>The name of the random stream of the bootstrap.</summary>
    public const string BootstrapStreamName = "analysis.morris.bootstrap";

    /// <summary>
    /// Draws <paramref name="trajectories"/> trajectories of <c>k + 1</c> points each, so
    /// <c>r (k + 1)</c> points in all; the same arguments and seed give the same design.
    /// </summary>
    /// <param name="ranges">The parameters (k of them), at least one.</param>
    /// <param name="trajectories">The number of trajectories r, at least 2 (sigma needs two effects).</param>
    /// <param name="seed">The seed of the design.</param>
    /// <param name="levels">The number of grid levels p, even and at least 2.</param>
    public static MorrisDesign Create(IReadOnlyList<ParameterRange> ranges, int trajectories, ulong seed, int levels = DefaultLevels)
    {
        var parameters = AnalysisGuards.Ranges(ranges, nameof(ranges));
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "The number of Morris levels must be even, so every level is visited equally often.");
        }

        int k = parameters.Length;
        if ((long)trajectories * (k + 1) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, "Too many trajectories for one design.");
        }

        int half = levels / 2;
        double delta = levels / (2.0 * (levels - 1));
        var random = new StreamFactory(seed).Create(0, StreamName);

        var points = ImmutableArray.CreateBuilder<ImmutableArray<double>>(trajectories * (k + 1));
        var paths = ImmutableArray.CreateBuilder<MorrisTrajectory>(trajectories);
        var start = new int[k];
        var end = new int[k];
        var order = new int[k];
        var unit = new double[k];
        for (int t = 0; t < trajectories; t++)
        {
            for (int i = 0; i < k; i++)
            {
                int low = random.Next(half);
                bool up = random.Next(2) == 0;
                start[i] = up ? low : low + half;
                end[i] = up ? low + half : low;
                unit[i] = LevelValue(start[i], levels);
                order[i] = i;
            }

            AnalysisGuards.Shuffle(order, random);
            int first = points.Count;
            points.Add(AnalysisGuards.Scale(parameters, unit));
            var steps = new MorrisStep[k];
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                double before = unit[i];
                unit[i] = LevelValue(end[i], levels);
                steps[s] = new MorrisStep(i, unit[i] - before);
                points.Add(AnalysisGuards.Scale(parameters, unit));
            }

            paths.Add(new MorrisTrajectory(first, ImmutableCollectionsMarshal.AsImmutableArray(steps)));
        }

        return new MorrisDesign(parameters, points.MoveToImmutable(), paths.MoveToImmutable(), levels, delta, seed);
    }

    /// <summary>
    /// The Morris measures of each parameter, in parameter order, from one output per design point
    /// (for a stochastic model, for example the mean over replicates at that point).
    /// </summary>
    /// <param name="design">The design the outputs were computed on.</param>
    /// <param name="outputs">The output at each design point, in point order; all finite.</param>
    /// <param name="seed">The seed of the bootstrap of mu*'s interval.</param>
    /// <param name="resamples">The number of bootstrap resamples, at least 100 for a percentile interval to mean anything.</param>
    public static ImmutableArray<MorrisResult> Analyze(MorrisDesign design, IReadOnlyList<double> outputs, ulong seed, int resamples = DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(design);
        double[] y = AnalysisGuards.Outputs(outputs, design.Points.Length, nameof(outputs));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);

        int k = design.Parameters.Length;
        int r = design.Trajectories.Length;
        var effects = new double[k][];
        for (int i = 0; i < k; i++)
        {
            effects[i] = new double[r];
        }

        for (int t = 0; t < r; t++)
        {
            var trajectory = design.Trajectories[t];
            for (int s = 0; s < trajectory.Steps.Length; s++)
            {
                var step = trajectory.Steps[s];
                int from = trajectory.FirstPoint + s;
                effects[step.Parameter][t] = (y[from + 1] - y[from]) / step.UnitChange;
            }
        }

        var random = new StreamFactory(seed).Create(0, BootstrapStreamName);
        var draws = new int[resamples][];
        for (int b = 0; b < resamples; b++)
        {
            draws[b] = new int[r];
            for (int t = 0; t < r; t++)
            {
                draws[b][t] = random.Next(r);
            }
        }

        var results = ImmutableArray.CreateBuilder<MorrisResult>(k);
        var boot = new double[resamples];
        for (int i = 0; i < k; i++)
        {
            double[] ee = effects[i];
            double mu = ee.Average();
            double muStar = ee.Average(Math.Abs);
            double sumSquares = 0;
            foreach (double e in ee)
            {
                sumSquares += (e - mu) * (e - mu);
            }

            for (int b = 0; b < resamples; b++)
            {
                double sum = 0;
                foreach (int t in draws[b])
                {
                    sum += Math.Abs(ee[t]);
                }

                boot[b] = sum / r;
            }

            Array.Sort(boot);
            results.Add(new MorrisResult(
                design.Parameters[i].Path,
                mu,
                muStar,
                Quantiles.Type7(boot, 0.025),
                Quantiles.Type7(boot, 0.975),
                Math.Sqrt(sumSquares / (r - 1)),
                r));
        }

        return results.MoveToImmutable();
    }

    private static double LevelValue(int level, int levels) => (double)level / (levels - 1);
}

using System.Collections.Immutable;
using MathNet.Numerics.Distributions;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// The sensitivity indices of a finished sweep (what sensitivity.csv holds), from its runs. Each point's outcome is its mean over replicates.
/// Grid and Latin hypercube: Pearson correlation of parameter and outcome over the points, with a
/// Fisher-z 95% interval. Morris: mu, mu* (bootstrap 95% interval) and sigma. Sobol': first-order
/// S1 and total-order ST with bootstrap 95% intervals.
/// </summary>
public static class Sensitivity
{
    /// <summary>The indices for every parameter and outcome; <paramref name="rows"/> must hold every point's runs.</summary>
    public static ImmutableArray<SensitivityRow> Compute(SweepPlan plan, IReadOnlyList<RunsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var design = plan.CreateDesign();
        int points = design.Points.Length;
        int k = plan.Outcomes.Length;
        var sums = new double[k, points];
        var counts = new int[points];
        foreach (var row in rows)
        {
            double[] values = RunsCsv.Outcomes(row, k);
            for (int o = 0; o < k; o++)
            {
                sums[o, row.Point] += values[o];
            }

            counts[row.Point]++;
        }

        if (counts.Any(c => c == 0))
        {
            throw new InvalidDataException($"the sweep is incomplete: {counts.Count(c => c == 0)} of {points} points have no runs");
        }

        var result = ImmutableArray.CreateBuilder<SensitivityRow>();
        for (int o = 0; o < k; o++)
        {
            double[] y = [.. Enumerable.Range(0, points).Select(p => sums[o, p] / counts[p])];
            string outcome = plan.Outcomes[o].Name;
            switch (design)
            {
                case MorrisDesign morris:
                    foreach (var m in Morris.Analyze(morris, y, plan.Seed))
                    {
                        result.Add(new SensitivityRow(m.Path, outcome, "mu", m.Mu, null, null));
                        result.Add(new SensitivityRow(m.Path, outcome, "mu_star", m.MuStar, m.MuStarLow, m.MuStarHigh));
                        result.Add(new SensitivityRow(m.Path, outcome, "sigma", m.Sigma, null, null));
                    }

                    break;
                case SaltelliDesign saltelli:
                    foreach (var s in Sobol.Analyze(saltelli, y, plan.Seed))
                    {
                        result.Add(new SensitivityRow(s.Path, outcome, "S1", s.S1, s.S1Low, s.S1High));
                        result.Add(new SensitivityRow(s.Path, outcome, "ST", s.ST, s.STLow, s.STHigh));
                    }

                    break;
                default:
                    for (int i = 0; i < design.Parameters.Length; i++)
                    {
                        double[] x = [.. design.Points.Select(p => p[i])];
                        result.Add(Correlation(design.Parameters[i].Path, outcome, x, y));
                    }

                    break;
            }
        }

        return result.ToImmutable();
    }

    // A constant parameter or outcome has no correlation: NaN, written as an empty cell.
    private static SensitivityRow Correlation(string path, string outcome, double[] x, double[] y)
    {
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        double? low = null;
        double? high = null;
        if (x.Length > 3 && double.IsFinite(r) && Math.Abs(r) < 1)
        {
            double z = Math.Atanh(r);
            double half = Normal.InvCDF(0, 1, 0.975) / Math.Sqrt(x.Length - 3);
            low = Math.Tanh(z - half);
            high = Math.Tanh(z + half);
        }

        return new SensitivityRow(path, outcome, "pearson_r", r, low, high);
    }
}

using System.Collections.Immutable;
using TrackSim.Core.Randomness;

namespace TrackSim.Experiments.Analysis;

/// <summary>Estimators of first- and total-order Sobol' indices from a <see cref="SaltelliDesign"/>.</summary>
/// <remarks>
/// With <c>f_A</c>, <c>f_B</c>, <c>f_ABi</c> the outputs on rows of A, B and AB_i and V the
/// variance of the outputs on A and B together (Saltelli et al. 2010, table 2):
/// <c>S1_i = mean(f_B (f_ABi - f_A)) / V</c> (Saltelli et al. 2010, estimator b) and
/// <c>ST_i = mean((f_A - f_ABi)^2) / (2 V)</c> (Jansen 1999). The outputs are centred on their
/// mean first: the first-order estimator is shift-invariant only in expectation, and a large mean
/// (a tension near 0.5 that varies by hundredths) would otherwise inflate its sampling error.
/// Intervals are percentile intervals of B bootstrap resamples of the N rows (the same resample
/// for every parameter, as in SALib). With the Sobol' sampler the rows are not independent, so
/// the bootstrap treats them as if they were; the intervals are then on the wide side.
/// A constant output has no variance to share out, and all its indices are reported as 0.
/// </remarks>
public static class Sobol
{
    /// <summary>The default number of bootstrap resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The name of the random stream of the bootstrap.</summary>
    public const string BootstrapStreamName = "analysis.sobol.bootstrap";

    /// <summary>
    /// The indices of each parameter, in parameter order, from one output per design point (for a
    /// stochastic model, for example the mean over replicates at that point).
    /// </summary>
    /// <param name="design">The design the outputs were computed on.</param>
    /// <param name="outputs">The output at each design point, in point order; all finite.</param>
    /// <param name="seed">The seed of the bootstrap.</param>
    /// <param name="resamples">The number of bootstrap resamples, at least 100.</param>
    public static ImmutableArray<SobolResult> Analyze(SaltelliDesign design, IReadOnlyList<double> outputs, ulong seed, int resamples = DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(design);
        double[] y = AnalysisGuards.Outputs(outputs, design.Points.Length, nameof(outputs));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);

        int n = design.BaseSamples;
        int k = design.Parameters.Length;
        var fA = new double[n];
        var fB = new double[n];
        var fAB = new double[k][];
        for (int i = 0; i < k; i++)
        {
            fAB[i] = new double[n];
        }

        double centre = 0;
        for (int j = 0; j < n; j++)
        {
            fA[j] = y[design.IndexOfA(j)];
            fB[j] = y[design.IndexOfB(j)];
            centre += fA[j] + fB[j];
        }

        centre /= 2.0 * n;

        // A variance within rounding of the outputs' size is a constant output, whose rounding
        // noise over noise is not an index.
        double scale = 0;
        foreach (double value in y)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        double floor = 1e-12 * scale * (1e-12 * scale);
        for (int j = 0; j < n; j++)
        {
            fA[j] -= centre;
            fB[j] -= centre;
            for (int i = 0; i < k; i++)
            {
                fAB[i][j] = y[design.IndexOfAB(i, j)] - centre;
            }
        }

        var rows = new int[n];
        for (int j = 0; j < n; j++)
        {
            rows[j] = j;
        }

        var s1 = new double[k];
        var st = new double[k];
        Estimate(fA, fB, fAB, rows, floor, s1, st);

        var random = new StreamFactory(seed).Create(0, BootstrapStreamName);
        var bootS1 = new double[k][];
        var bootST = new double[k][];
        for (int i = 0; i < k; i++)
        {
            bootS1[i] = new double[resamples];
            bootST[i] = new double[resamples];
        }

        var s1b = new double[k];
        var stb = new double[k];
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++)
            {
                rows[j] = random.Next(n);
            }

            Estimate(fA, fB, fAB, rows, floor, s1b, stb);
            for (int i = 0; i < k; i++)
            {
                bootS1[i][b] = s1b[i];
                bootST[i][b] = stb[i];
            }
        }

        var results = ImmutableArray.CreateBuilder<SobolResult>(k);
        for (int i = 0; i < k; i++)
        {
            Array.Sort(bootS1[i]);
            Array.Sort(bootST[i]);
            results.Add(new SobolResult(
                design.Parameters[i].Path,
                s1[i],
                Quantiles.Type7(bootS1[i], 0.025),
                Quantiles.Type7(bootS1[i], 0.975),
                st[i],
                Quantiles.Type7(bootST[i], 0.025),
                Quantiles.Type7(bootST[i], 0.975)));
        }

        return results.MoveToImmutable();
    }

    /// <summary>Writes the estimates from the rows <paramref name="rows"/> (a resample, possibly with repeats) into <paramref name="s1"/> and <paramref name="st"/>.</summary>
    private static void Estimate(double[] fA, double[] fB, double[][] fAB, int[] rows, double floor, double[] s1, double[] st)
    {
        int n = rows.Length;
        double sum = 0;
        double sumSquares = 0;
        foreach (int j in rows)
        {
            sum += fA[j] + fB[j];
            sumSquares += (fA[j] * fA[j]) + (fB[j] * fB[j]);
        }

        double mean = sum / (2.0 * n);
        double variance = (sumSquares / (2.0 * n)) - (mean * mean);
        bool constant = variance <= floor;
        for (int i = 0; i < fAB.Length; i++)
        {
            double first = 0;
            double total = 0;
            double[] ab = fAB[i];
            foreach (int j in rows)
            {
                first += fB[j] * (ab[j] - fA[j]);
                double d = fA[j] - ab[j];
                total += d * d;
            }

            s1[i] = constant ? 0 : first / n / variance;
            st[i] = constant ? 0 : total / (2.0 * n) / variance;
        }
    }
}

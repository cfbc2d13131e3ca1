using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

/// <summary>Functions with known sensitivity indices, and helpers to evaluate them on a design.</summary>
internal static class TestFunctions
{
    /// <summary>The Ishigami and Homma (1990) constants used in the published indices.</summary>
    public const double IshigamiA = 7;

    /// <summary>The second Ishigami constant.</summary>
    public const double IshigamiB = 0.1;

    /// <summary>The three Ishigami parameters, each uniform on [-pi, pi].</summary>
    public static readonly ParameterRange[] IshigamiRanges =
    [
        new("x1", -Math.PI, Math.PI),
        new("x2", -Math.PI, Math.PI),
        new("x3", -Math.PI, Math.PI),
    ];

    /// <summary>f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1.</summary>
    public static double Ishigami(IReadOnlyList<double> x) =>
        Math.Sin(x[0]) + (IshigamiA * Math.Pow(Math.Sin(x[1]), 2)) + (IshigamiB * Math.Pow(x[2], 4) * Math.Sin(x[0]));

    /// <summary>
    /// The analytic indices from the partial variances (Ishigami and Homma 1990; Saltelli et al.
    /// 2008, section 4.6): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V13 = b^2 pi^8 (1/18 - 1/50),
    /// and no other terms, so V = V1 + V2 + V13, ST1 = (V1 + V13) / V and ST3 = V13 / V.
    /// </summary>
    public static (double[] S1, double[] ST) IshigamiIndices()
    {
        double pi4 = Math.Pow(Math.PI, 4);
        double v1 = 0.5 * Math.Pow(1 + (IshigamiB * pi4 / 5), 2);
        double v2 = IshigamiA * IshigamiA / 8;
        double v13 = IshigamiB * IshigamiB * Math.Pow(Math.PI, 8) * ((1.0 / 18) - (1.0 / 50));
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>The outputs of <paramref name="f"/> at every point of <paramref name="design"/>.</summary>
    public static double[] Evaluate(ExperimentDesign design, Func<IReadOnlyList<double>, double> f) =>
        [.. design.Points.Select(point => f(point))];
}

using System.Collections.Immutable;
using TrackSim.Core.Randomness;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979): each parameter's range is cut into
/// <c>N</c> equal strata and every stratum holds exactly one of the <c>N</c> points; the strata of
/// different parameters are matched by independent random permutations, and each point lies at a
/// uniformly random position inside its stratum.
/// </summary>
public static class LatinHypercube
{
    /// <summary>The name of the random stream the sample is drawn from.</summary>
    public const string StreamName = "analysis.lhs";

    /// <summary>Draws <paramref name="samples"/> points; the same arguments and seed give the same points.</summary>
    /// <param name="ranges">The parameters, at least one.</param>
    /// <param name="samples">The number of points (and of strata per parameter), at least 1.</param>
    /// <param name="seed">The seed of the sample.</param>
    public static LatinHypercubeDesign Create(IReadOnlyList<ParameterRange> ranges, int samples, ulong seed)
    {
        var parameters = AnalysisGuards.Ranges(ranges, nameof(ranges));
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);

        var random = new StreamFactory(seed).Create(0, StreamName);
        int k = parameters.Length;
        var unit = new double[samples, k];
        var strata = new int[samples];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < samples; j++)
            {
                strata[j] = j;
            }

            AnalysisGuards.Shuffle(strata, random);
            for (int j = 0; j < samples; j++)
            {
                // NextDouble is in [0, 1), so the point stays inside its stratum's half-open interval.
                unit[j, i] = (strata[j] + random.NextDouble()) / samples;
            }
        }

        var points = ImmutableArray.CreateBuilder<ImmutableArray<double>>(samples);
        var row = new double[k];
        for (int j = 0; j < samples; j++)
        {
            for (int i = 0; i < k; i++)
            {
                row[i] = unit[j, i];
            }

            points.Add(AnalysisGuards.Scale(parameters, row));
        }

        return new LatinHypercubeDesign(parameters, points.MoveToImmutable(), seed);
    }
}

using System.Collections.Immutable;
using TrackSim.Core.Randomness;

namespace TrackSim.Experiments.Analysis;

/// <summary>Saltelli's sampling scheme for first- and total-order Sobol' indices (Saltelli et al. 2010).</summary>
public static class Saltelli
{
    /// <summary>The name of the random stream of the base sample (the Sobol' shift or the pseudo-random points).</summary>
    public const string StreamName = "analysis.saltelli";

    /// <summary>The most parameters the Sobol' sampler takes: it needs 2k dimensions of the sequence.</summary>
    public static int MaxSobolParameters => SobolSequence.MaxDimensions / 2;

    /// <summary>
    /// The design for <paramref name="baseSamples"/> base rows: <c>N (k + 2)</c> points in blocks
    /// (see <see cref="SaltelliDesign"/>). The same arguments and seed give the same points.
    /// </summary>
    /// <param name="ranges">The parameters (k of them), at least one; at most <see cref="MaxSobolParameters"/> with the Sobol' sampler.</param>
    /// <param name="baseSamples">The base sample size N, at least 2; a power of two with the Sobol' sampler (512, 1024, ...) gives its best balance.</param>
    /// <param name="seed">The seed of the base sample.</param>
    /// <param name="sampler">Where the base sample comes from; Sobol' by default.</param>
    public static SaltelliDesign Create(
        IReadOnlyList<ParameterRange> ranges, int baseSamples, ulong seed, SaltelliSampler sampler = SaltelliSampler.Sobol)
    {
        var parameters = AnalysisGuards.Ranges(ranges, nameof(ranges));
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        int k = parameters.Length;
        if ((long)baseSamples * (k + 2) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "Too many base samples for one design.");
        }

        var random = new StreamFactory(seed).Create(0, StreamName);
        Action<int, Span<double>> draw;
        switch (sampler)
        {
            case SaltelliSampler.Sobol:
                if (k > MaxSobolParameters)
                {
                    throw new ArgumentException(
                        $"The Sobol' sampler takes at most {MaxSobolParameters} parameters; use the pseudo-random sampler for {k}.", nameof(ranges));
                }

                var shift = new uint[2 * k];
                for (int d = 0; d < shift.Length; d++)
                {
                    shift[d] = (uint)(random.NextUInt64() >> 32);
                }

                var sequence = new SobolSequence(2 * k, shift);
                draw = (row, point) => sequence.Point((uint)row, point);
                break;
            case SaltelliSampler.PseudoRandom:
                draw = (_, point) =>
                {
                    for (int d = 0; d < point.Length; d++)
                    {
                        point[d] = random.NextDouble();
                    }
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(sampler), sampler, "Unknown sampler.");
        }

        var points = ImmutableArray.CreateBuilder<ImmutableArray<double>>(baseSamples * (k + 2));
        var both = new double[2 * k];
        var mixed = new double[k];
        for (int j = 0; j < baseSamples; j++)
        {
            draw(j, both);
            var a = both.AsSpan(0, k);
            var b = both.AsSpan(k, k);
            points.Add(AnalysisGuards.Scale(parameters, a));
            for (int i = 0; i < k; i++)
            {
                a.CopyTo(mixed);
                mixed[i] = b[i];
                points.Add(AnalysisGuards.Scale(parameters, mixed));
            }

            points.Add(AnalysisGuards.Scale(parameters, b));
        }

        return new SaltelliDesign(parameters, points.MoveToImmutable(), baseSamples, sampler, seed);
    }
}

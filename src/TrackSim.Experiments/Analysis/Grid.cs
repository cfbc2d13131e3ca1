using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace TrackSim.Experiments.Analysis;

/// <summary>The full factorial grid design.</summary>
public static class Grid
{
    /// <summary>The default number of levels of a parameter whose range gives no count.</summary>
    public const int DefaultCount = 5;

    /// <summary>The largest number of points a grid may have; a typo in a count should fail here, not exhaust memory.</summary>
    public const int MaxPoints = 10_000_000;

    /// <summary>
    /// Every combination of the parameters' levels. A parameter has <see cref="ParameterRange.Count"/>
    /// (or <paramref name="defaultCount"/>) equally spaced levels from its low to its high value, both
    /// ends included exactly; a single level (allowed only when low equals high) is that value.
    /// </summary>
    /// <param name="ranges">The parameters, at least one.</param>
    /// <param name="defaultCount">Levels for a range without a count, at least 2.</param>
    public static GridDesign Create(IReadOnlyList<ParameterRange> ranges, int defaultCount = DefaultCount)
    {
        var parameters = AnalysisGuards.Ranges(ranges, nameof(ranges));
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultCount, 2);

        var levels = ImmutableArray.CreateBuilder<ImmutableArray<double>>(parameters.Length);
        long total = 1;
        foreach (var range in parameters)
        {
            int count = range.Count ?? defaultCount;
            var values = new double[count];
            for (int l = 0; l < count; l++)
            {
                values[l] = count == 1 ? range.Low : range.At((double)l / (count - 1));
            }

            levels.Add(ImmutableCollectionsMarshal.AsImmutableArray(values));
            total *= count;
            if (total > MaxPoints)
            {
                throw new ArgumentException($"The grid would have more than {MaxPoints} points; lower the counts.", nameof(ranges));
            }
        }

        var axes = levels.MoveToImmutable();
        var points = ImmutableArray.CreateBuilder<ImmutableArray<double>>((int)total);
        var index = new int[axes.Length];
        for (int p = 0; p < total; p++)
        {
            var point = new double[axes.Length];
            for (int i = 0; i < point.Length; i++)
            {
                point[i] = axes[i][index[i]];
            }

            points.Add(ImmutableCollectionsMarshal.AsImmutableArray(point));

            // Odometer increment, last parameter fastest.
            for (int i = axes.Length - 1; i >= 0; i--)
            {
                if (++index[i] < axes[i].Length)
                {
                    break;
                }

                index[i] = 0;
            }
        }

        return new GridDesign(parameters, points.MoveToImmutable(), axes);
    }
}

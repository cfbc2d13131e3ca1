using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace TrackSim.Experiments.Analysis;

/// <summary>Argument checks shared by the designs and estimators.</summary>
internal static class AnalysisGuards
{
    /// <summary>Copies the ranges, refusing an empty list, a null entry and a path given twice.</summary>
    public static ImmutableArray<ParameterRange> Ranges(IReadOnlyList<ParameterRange> ranges, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ranges, paramName);
        if (ranges.Count == 0)
        {
            throw new ArgumentException("At least one parameter range is needed.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            if (range is null)
            {
                throw new ArgumentException("A parameter range is null.", paramName);
            }

            if (!seen.Add(range.Path))
            {
                throw new ArgumentException($"The parameter '{range.Path}' is varied twice.", paramName);
            }
        }

        return [.. ranges];
    }

    /// <summary>Copies the outputs, refusing a count other than the design's and any value that is not finite.</summary>
    public static double[] Outputs(IReadOnlyList<double> outputs, int expected, string paramName)
    {
        ArgumentNullException.ThrowIfNull(outputs, paramName);
        if (outputs.Count != expected)
        {
            throw new ArgumentException($"The design has {expected} points but {outputs.Count} outputs were given.", paramName);
        }

        return Finite(outputs, paramName);
    }

    /// <summary>Copies the values, refusing NaN and infinities (they would silently poison every mean).</summary>
    public static double[] Finite(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double value = values[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"The value at index {i} is {value}; every value must be finite.", paramName);
            }

            copy[i] = value;
        }

        return copy;
    }

    /// <summary>Maps a point of the unit cube onto the ranges.</summary>
    public static ImmutableArray<double> Scale(ImmutableArray<ParameterRange> ranges, ReadOnlySpan<double> unit)
    {
        var values = new double[ranges.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ranges[i].At(unit[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher and Yates), with the project's generator so the order is fixed by the seed.</summary>
    public static void Shuffle(Span<int> items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

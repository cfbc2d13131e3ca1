using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// A full factorial grid: every combination of each parameter's levels, the first parameter
/// varying slowest (the order of nested loops, NumPy's <c>indexing="ij"</c>). Made by <see cref="Grid.Create"/>.
/// </summary>
public sealed record GridDesign : ExperimentDesign
{
    internal GridDesign(
        ImmutableArray<ParameterRange> parameters,
        ImmutableArray<ImmutableArray<double>> points,
        ImmutableArray<ImmutableArray<double>> levels)
        : base(parameters, points)
    {
        Levels = levels;
    }

    /// <summary>The levels of each parameter, ascending, in parameter order (the axes of a heatmap).</summary>
    public ImmutableArray<ImmutableArray<double>> Levels { get; }

    /// <inheritdoc />
    public override string Kind => "grid";

    /// <summary>The index of the point whose level indices are <paramref name="levelIndices"/> (one per parameter).</summary>
    public int IndexOf(ReadOnlySpan<int> levelIndices)
    {
        if (levelIndices.Length != Levels.Length)
        {
            throw new ArgumentException($"One level index per parameter is needed ({Levels.Length}).", nameof(levelIndices));
        }

        int index = 0;
        for (int i = 0; i < Levels.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(levelIndices[i], nameof(levelIndices));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(levelIndices[i], Levels[i].Length, nameof(levelIndices));
            index = (index * Levels[i].Length) + levelIndices[i];
        }

        return index;
    }
}

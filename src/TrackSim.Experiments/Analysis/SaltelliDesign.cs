using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// A Saltelli design for Sobol' indices (Saltelli et al. 2010): base matrices A and B of
/// <see cref="BaseSamples"/> rows, and for each parameter i the matrix AB_i, which is A with
/// column i taken from B. Row j of every matrix is stored together, as the block
/// <c>A_j, AB_1j, ..., AB_kj, B_j</c> of <c>k + 2</c> consecutive points, so any prefix of whole
/// blocks is itself a complete (smaller) design. Made by <see cref="Saltelli.Create"/>, read by
/// <see cref="Sobol.Analyze"/>.
/// </summary>
public sealed record SaltelliDesign : ExperimentDesign
{
    internal SaltelliDesign(
        ImmutableArray<ParameterRange> parameters,
        ImmutableArray<ImmutableArray<double>> points,
        int baseSamples,
        SaltelliSampler sampler,
        ulong seed)
        : base(parameters, points)
    {
        BaseSamples = baseSamples;
        Sampler = sampler;
        Seed = seed;
    }

    /// <summary>The number of rows N of each matrix; the design has <c>N (k + 2)</c> points.</summary>
    public int BaseSamples { get; }

    /// <summary>Where the base sample came from.</summary>
    public SaltelliSampler Sampler { get; }

    /// <summary>The seed of the base sample.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public override string Kind => "sobol";

    /// <summary>The number of points in one block, <c>k + 2</c>.</summary>
    public int BlockSize => Parameters.Length + 2;

    /// <summary>The index of row <paramref name="row"/> of A.</summary>
    public int IndexOfA(int row) => CheckedRow(row) * BlockSize;

    /// <summary>The index of row <paramref name="row"/> of B.</summary>
    public int IndexOfB(int row) => (CheckedRow(row) * BlockSize) + Parameters.Length + 1;

    /// <summary>The index of row <paramref name="row"/> of AB_i, A with column <paramref name="parameter"/> from B.</summary>
    public int IndexOfAB(int parameter, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, Parameters.Length);
        return (CheckedRow(row) * BlockSize) + 1 + parameter;
    }

    private int CheckedRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, BaseSamples);
        return row;
    }
}

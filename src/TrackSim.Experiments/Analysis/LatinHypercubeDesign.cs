using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>A Latin hypercube sample, made by <see cref="LatinHypercube.Create"/>.</summary>
public sealed record LatinHypercubeDesign : ExperimentDesign
{
    internal LatinHypercubeDesign(ImmutableArray<ParameterRange> parameters, ImmutableArray<ImmutableArray<double>> points, ulong seed)
        : base(parameters, points)
    {
        Seed = seed;
    }

    /// <summary>The seed the sample was drawn with.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public override string Kind => "lhs";
}

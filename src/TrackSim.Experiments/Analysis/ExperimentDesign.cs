using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// A set of design points for a sweep. Every design lists its points in a fixed order, each
/// point an array of values in the order of <see cref="Parameters"/>; the same arguments and
/// seed always give the same points, so a sweep can be resumed or split into shards by point
/// index. The derived records carry what their estimator needs besides the points.
/// </summary>
public abstract record ExperimentDesign
{
    /// <summary>Creates a design from its parameters and points (values in parameter order).</summary>
    private protected ExperimentDesign(ImmutableArray<ParameterRange> parameters, ImmutableArray<ImmutableArray<double>> points)
    {
        Parameters = parameters;
        Points = points;
    }

    /// <summary>The varied parameters, in the order of each point's values.</summary>
    public ImmutableArray<ParameterRange> Parameters { get; }

    /// <summary>The design points; point <c>j</c> sets parameter <c>i</c> to <c>Points[j][i]</c>.</summary>
    public ImmutableArray<ImmutableArray<double>> Points { get; }

    /// <summary>The design's short name as the command line spells it: grid, lhs, morris or sobol.</summary>
    public abstract string Kind { get; }
}

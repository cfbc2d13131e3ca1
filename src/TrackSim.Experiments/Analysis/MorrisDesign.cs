using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// A Morris elementary-effects design: <see cref="Trajectories"/> one-at-a-time trajectories
/// on a grid of <see cref="Levels"/> levels per parameter, laid out one after another in
/// <see cref="ExperimentDesign.Points"/>. Made by <see cref="Morris.Create"/>, read by <see cref="Morris.Analyze"/>.
/// </summary>
public sealed record MorrisDesign : ExperimentDesign
{
    internal MorrisDesign(
        ImmutableArray<ParameterRange> parameters,
        ImmutableArray<ImmutableArray<double>> points,
        ImmutableArray<MorrisTrajectory> trajectories,
        int levels,
        double delta,
        ulong seed)
        : base(parameters, points)
    {
        Trajectories = trajectories;
        Levels = levels;
        Delta = delta;
        Seed = seed;
    }

    /// <summary>The trajectories, in point order.</summary>
    public ImmutableArray<MorrisTrajectory> Trajectories { get; }

    /// <summary>The number of grid levels per parameter, p.</summary>
    public int Levels { get; }

    /// <summary>The step as a share of each range, <c>p / (2 (p - 1))</c>.</summary>
    public double Delta { get; }

    /// <summary>The seed the trajectories were drawn with.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public override string Kind => "morris";
}

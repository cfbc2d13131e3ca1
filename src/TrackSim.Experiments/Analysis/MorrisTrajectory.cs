using System.Collections.Immutable;

namespace TrackSim.Experiments.Analysis;

/// <summary>
/// One Morris trajectory: <c>k + 1</c> consecutive design points from <see cref="FirstPoint"/>,
/// where point <c>FirstPoint + s + 1</c> differs from point <c>FirstPoint + s</c> in parameter
/// <c>Steps[s].Parameter</c> only. Each parameter moves exactly once.
/// </summary>
/// <param name="FirstPoint">The index of the trajectory's first point in the design.</param>
/// <param name="Steps">The k steps, in the order they are taken.</param>
public sealed record MorrisTrajectory(int FirstPoint, ImmutableArray<MorrisStep> Steps);

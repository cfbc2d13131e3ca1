namespace TrackSim.Experiments.Analysis;

/// <summary>One step of a Morris trajectory: which parameter moved, and by how much in the unit cube.</summary>
/// <param name="Parameter">The index of the parameter that moved (in the design's parameter order).</param>
/// <param name="UnitChange">The signed change of that parameter as a share of its range: plus or minus the design's delta.</param>
public sealed record MorrisStep(int Parameter, double UnitChange);

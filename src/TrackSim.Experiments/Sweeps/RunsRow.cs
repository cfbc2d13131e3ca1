namespace TrackSim.Experiments.Sweeps;

/// <summary>One row of runs.csv with the design point and replicate it holds.</summary>
/// <param name="Point">Index of the design point.</param>
/// <param name="Replicate">Replicate index.</param>
/// <param name="Text">The row as written, without its newline.</param>
public sealed record RunsRow(int Point, int Replicate, string Text);

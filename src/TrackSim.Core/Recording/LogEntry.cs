namespace TrackSim.Core.Recording;

/// <summary>One line of a run's event log: a scenario event applied or a rule that changed the world.</summary>
/// <param name="Step">The step in which it happened.</param>
/// <param name="Date">The first day of that step.</param>
/// <param name="Rule">Rule id (<c>EVENT</c> for scenario events).</param>
/// <param name="Subject">What it concerns: a dyad, state, initiative or link id.</param>
/// <param name="Detail">A short human-readable description.</param>
public sealed record LogEntry(int Step, DateOnly Date, string Rule, string Subject, string Detail);

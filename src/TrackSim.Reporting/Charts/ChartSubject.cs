namespace TrackSim.Reporting.Charts;

/// <summary>A subject of recorded series (a dyad, a state or an initiative) as charts name it.</summary>
/// <param name="Id">Subject id as in the data files (<c>IN-PK</c>, <c>IN</c>, <c>neemrana</c>).</param>
/// <param name="Name">Display name (<c>India–Pakistan</c>, <c>India</c>, <c>Neemrana Dialogue</c>).</param>
/// <param name="Start">First day the subject exists (an initiative's start), or null for the whole run; charts draw nothing before it.</param>
public sealed record ChartSubject(string Id, string Name, DateOnly? Start);

namespace TrackSim.Experiments.Outcomes;

/// <summary>How the official dialogue changed.</summary>
public enum DialogueChangeKind
{
    /// <summary>A government broke the talks off (after a hostile event), or a decided event suspended them.</summary>
    Suspended,

    /// <summary>The talks lapsed because a government's readiness fell too low.</summary>
    Lapsed,

    /// <summary>The talks resumed.</summary>
    Resumed,
}

/// <summary>One change of a dyad's official dialogue in a run, as its event log records it.</summary>
/// <param name="Step">The step in which it happened.</param>
/// <param name="Date">The first day of that step.</param>
/// <param name="Dyad">The dyad (<c>IN-PK</c>).</param>
/// <param name="Kind">Suspended, lapsed or resumed.</param>
/// <param name="Scripted">Whether a decided event of the scenario made the change, rather than the governments' decision rules.</param>
public sealed record DialogueChange(int Step, DateOnly Date, string Dyad, DialogueChangeKind Kind, bool Scripted)
{
    /// <summary>Whether the change closed the dialogue (a suspension or a lapse).</summary>
    public bool Closes => Kind != DialogueChangeKind.Resumed;
}

namespace TrackSim.Experiments.Outcomes;

/// <summary>What happened to an agreement.</summary>
public enum AgreementChangeKind
{
    /// <summary>The governments reached it (decided by the model, or scripted by a decided event).</summary>
    Reached,

    /// <summary>It eroded below its collapse level and is back on the table.</summary>
    Collapsed,
}

/// <summary>One agreement reached or collapsed in a run, as its event log records it.</summary>
/// <param name="Step">The step in which it happened.</param>
/// <param name="Date">The first day of that step.</param>
/// <param name="Agreement">The agreement's id.</param>
/// <param name="Kind">Reached or collapsed.</param>
/// <param name="Scripted">Whether a decided event of the scenario reached it, rather than the model.</param>
public sealed record AgreementChange(int Step, DateOnly Date, string Agreement, AgreementChangeKind Kind, bool Scripted);

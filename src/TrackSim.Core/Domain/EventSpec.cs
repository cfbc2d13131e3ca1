using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>A dated scenario event (a crisis, a summit, an agreement...).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Label">Short label for chart markers.</param>
/// <param name="Date">The day the event happens or starts.</param>
/// <param name="End">Last day of a multi-day event; null for a dated event.</param>
/// <param name="Kind">Kind, which sets the valence.</param>
/// <param name="Severity">Severity (or, for cooperative kinds, significance) in [0,1].</param>
/// <param name="Actors">Ids of the states involved, the first the initiator where there is one; third parties named among them are not states (EVENT passes over them; T2-THIRD-TRUST moves the sides' trust in them).</param>
/// <param name="Effects">Explicit effects.</param>
/// <param name="Source">Citation or link for the record.</param>
/// <param name="Decided">Whether the modeller scripts the governments' decisions in its effects
/// (suspending or resuming the dialogue, reaching agreements) instead of leaving them to the model.</param>
public sealed record EventSpec(
    string Id,
    string Name,
    string Label,
    DateOnly Date,
    DateOnly? End,
    EventKind Kind,
    double Severity,
    ImmutableArray<string> Actors,
    EventEffects Effects,
    string? Source,
    bool Decided = false)
{
    /// <summary>The valence set by the kind.</summary>
    public Valence Valence => EventKinds.ValenceOf(Kind);

    /// <summary>Whether the event covers more than one day.</summary>
    public bool IsSpan => End is { } end && end > Date;
}

namespace TrackSim.Core.Domain;

/// <summary>Scenario names and valences of <see cref="EventKind"/> values.</summary>
public static class EventKinds
{
    /// <summary>The valence of an event kind.</summary>
    public static Valence ValenceOf(EventKind kind) => kind switch
    {
        EventKind.War or EventKind.Crisis or EventKind.MilitaryOperation or EventKind.TerrorAttack
            or EventKind.Incident or EventKind.WeaponsTest => Valence.Hostile,
        EventKind.Summit or EventKind.Agreement or EventKind.Cbm or EventKind.Functional
            or EventKind.Track2 => Valence.Cooperative,
        _ => Valence.Neutral,
    };
}

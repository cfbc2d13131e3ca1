namespace TrackSim.Core.Domain;

/// <summary>What kind of event a dated scenario event is; the kind sets its valence.</summary>
public enum EventKind
{
    /// <summary>Open war between the actors.</summary>
    War,

    /// <summary>Diplomatic or military crisis short of war.</summary>
    Crisis,

    /// <summary>Military operation or exercise seen as hostile by the other side.</summary>
    MilitaryOperation,

    /// <summary>Terror attack attributed to actors based in the initiator state.</summary>
    TerrorAttack,

    /// <summary>Border skirmish or ceasefire violation.</summary>
    Incident,

    /// <summary>Nuclear or missile test.</summary>
    WeaponsTest,

    /// <summary>Meeting of heads of state or government.</summary>
    Summit,

    /// <summary>Signed agreement or treaty.</summary>
    Agreement,

    /// <summary>Confidence-building measure (hotline, notification, ceasefire).</summary>
    Cbm,

    /// <summary>Functional cooperation step (a bus service, a trade route, a corridor).</summary>
    Functional,

    /// <summary>Track II event (an initiative founded, revived, or a notable meeting).</summary>
    Track2,

    /// <summary>Domestic political change (a coup, a new government, unrest).</summary>
    Domestic,

    /// <summary>National election.</summary>
    Election,

    /// <summary>Anything else; neutral unless its effects say otherwise.</summary>
    Other,
}

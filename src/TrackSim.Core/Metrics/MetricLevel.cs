namespace TrackSim.Core.Metrics;

/// <summary>What a metric is measured on, which sets its subject.</summary>
public enum MetricLevel
{
    /// <summary>A pair of actors with relations; subject <c>IN-PK</c>.</summary>
    Dyad,

    /// <summary>One actor (a state or a non-state party); subject its id.</summary>
    State,

    /// <summary>The public of one state (states with citizens only); subject its id.</summary>
    Public,

    /// <summary>
    /// The public of one state toward others: subject the state's id (toward every actor it
    /// relates to), and where it relates to more than one, the directed pairs <c>US&gt;CN</c>.
    /// </summary>
    PublicPair,

    /// <summary>One Track II initiative; subject its id.</summary>
    Initiative,

    /// <summary>One third party; subject its id (the sides' mean trust in it), or <c>CO&gt;NO</c> (one side's trust in it).</summary>
    ThirdParty,
}

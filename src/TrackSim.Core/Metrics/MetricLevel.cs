namespace TrackSim.Core.Metrics;

/// <summary>What a metric is measured on, which sets its subject.</summary>
public enum MetricLevel
{
    /// <summary>A pair of states; subject <c>IN-PK</c>.</summary>
    Dyad,

    /// <summary>One state; subject its id.</summary>
    State,

    /// <summary>One Track II initiative; subject its id.</summary>
    Initiative,

    /// <summary>One third party; subject its id (the sides' mean trust in it), or <c>CO&gt;NO</c> (one side's trust in it).</summary>
    ThirdParty,
}

namespace TrackSim.Core.Parameters;

/// <summary>Whether a parameter has one value for the whole model or one per state.</summary>
public enum ParameterScope
{
    /// <summary>One value for every state.</summary>
    Model,

    /// <summary>A property of a state: one value for all states unless a state sets its own.</summary>
    State,
}

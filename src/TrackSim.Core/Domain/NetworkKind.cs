namespace TrackSim.Core.Domain;

/// <summary>How the citizens' social network is generated.</summary>
public enum NetworkKind
{
    /// <summary>Watts-Strogatz small world within each state, plus cross-border ties.</summary>
    SmallWorld,

    /// <summary>Erdős-Rényi random graph within each state, plus cross-border ties.</summary>
    Random,

    /// <summary>No fixed ties: each interaction picks a partner uniformly from the whole population (full mixing).</summary>
    WellMixed,
}

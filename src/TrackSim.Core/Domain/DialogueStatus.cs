namespace TrackSim.Core.Domain;

/// <summary>Whether the official (Track I) dialogue of a dyad is running.</summary>
public enum DialogueStatus
{
    /// <summary>Official dialogue is running.</summary>
    Open,

    /// <summary>Official dialogue is suspended.</summary>
    Suspended,
}

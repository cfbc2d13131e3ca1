namespace TrackSim.Core.Domain;

/// <summary>Whether a government lets its nationals meet the other side in Track II.</summary>
public enum ContactPolicy
{
    /// <summary>Its nationals may take part in Track II meetings.</summary>
    Allowed,

    /// <summary>A law bans contacts with the other side: its nationals stay away from Track II meetings and its government receives nothing from Track II.</summary>
    Banned,
}

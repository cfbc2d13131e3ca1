namespace TrackSim.Core.Domain;

/// <summary>Whether an event kind worsens or improves relations.</summary>
public enum Valence
{
    /// <summary>Raises grievances and tension, lowers trust.</summary>
    Hostile,

    /// <summary>Acts only through its explicit effects.</summary>
    Neutral,

    /// <summary>Raises official and public trust.</summary>
    Cooperative,
}

namespace TrackSim.Core.Domain;

/// <summary>The nine tracks of multi-track diplomacy (Diamond and McDonald 1996).</summary>
public enum Track
{
    /// <summary>Track 1: government, peacemaking through diplomacy.</summary>
    Government = 1,

    /// <summary>Track 2: nongovernment and professional conflict resolution.</summary>
    ConflictResolution = 2,

    /// <summary>Track 3: business, peacemaking through commerce.</summary>
    Business = 3,

    /// <summary>Track 4: private citizens, peacemaking through personal involvement.</summary>
    PrivateCitizen = 4,

    /// <summary>Track 5: research, training and education.</summary>
    Research = 5,

    /// <summary>Track 6: activism, peacemaking through advocacy.</summary>
    Activism = 6,

    /// <summary>Track 7: religion, peacemaking through faith in action.</summary>
    Religion = 7,

    /// <summary>Track 8: funding, peacemaking through providing resources.</summary>
    Funding = 8,

    /// <summary>Track 9: communications and the media, peacemaking through information.</summary>
    Media = 9,
}

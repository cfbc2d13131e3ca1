namespace TrackSim.Core.Domain;

/// <summary>A technical sector of functional cooperation; neighbouring sectors receive spillover.</summary>
public enum Sector
{
    /// <summary>Shared rivers and water treaties.</summary>
    Water,

    /// <summary>Trade in goods and services.</summary>
    Trade,

    /// <summary>Energy: pipelines, power grids.</summary>
    Energy,

    /// <summary>Transport and transit: roads, rail, bus services, overflight.</summary>
    Transit,

    /// <summary>Visas, travel and people-to-people movement.</summary>
    Travel,

    /// <summary>Pilgrim corridors and religious sites.</summary>
    Pilgrimage,

    /// <summary>Public health and disaster relief.</summary>
    Health,

    /// <summary>Climate and environment.</summary>
    Environment,

    /// <summary>Science, education and culture.</summary>
    Culture,

    /// <summary>Communications: post, telecommunication, media.</summary>
    Communications,
}

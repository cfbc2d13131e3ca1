namespace TrackSim.Core.Domain;

/// <summary>What a third party does for the sides of a conflict.</summary>
public enum ThirdPartyKind
{
    /// <summary>Brings the sides together and runs their meetings (Norway at Oslo, the Quakers).</summary>
    Facilitator,

    /// <summary>Carries proposals and texts between the sides (Oman as go-between, a special envoy).</summary>
    Mediator,

    /// <summary>Pays for the meetings (a foundation, a donor ministry).</summary>
    Funder,

    /// <summary>Lends its name and venue to a dialogue (the Aspen Institute, a university).</summary>
    Convener,

    /// <summary>Vouches for the sides keeping their word (Cuba and Norway at Havana).</summary>
    Guarantor,
}

namespace TrackSim.Core.Domain;

/// <summary>
/// What kind of official agreement a scenario puts on the table. The kind sets how ready both
/// governments must be to make progress on it and how long it takes to negotiate (see
/// <see cref="AgreementKinds"/>); a scenario can override both per agreement.
/// </summary>
public enum AgreementKind
{
    /// <summary>A ceasefire or its reaffirmation, reachable through military channels without formal talks.</summary>
    Ceasefire,

    /// <summary>A confidence-building measure (a hotline, advance notice, a list exchange).</summary>
    Cbm,

    /// <summary>A joint declaration of principles or intent.</summary>
    Declaration,

    /// <summary>A framework for further talks (an agenda, a structured dialogue).</summary>
    Framework,

    /// <summary>A settlement of a core issue.</summary>
    Settlement,
}

namespace TrackSim.Core.Domain;

/// <summary>
/// The defaults each agreement kind gives: the readiness both governments need before talks make
/// progress on it, the years of negotiation it takes at full readiness, whether it needs the
/// official dialogue to be open, and the event kind of its signing.
/// </summary>
/// <remarks>
/// The ordering (a ceasefire or a measure is easier than a declaration, a framework or a
/// settlement) follows the incremental reading of confidence building (Osgood's GRIT; Pruitt
/// 2007 on readiness); the numbers are TrackSim's own assumptions, documented in docs/MODEL.md.
/// </remarks>
public static class AgreementKinds
{
    /// <summary>Readiness both governments need before talks on an agreement of the kind make progress.</summary>
    public static double Threshold(AgreementKind kind) => kind switch
    {
        AgreementKind.Ceasefire => 0.2,
        AgreementKind.Cbm => 0.2,
        AgreementKind.Declaration => 0.25,
        AgreementKind.Framework => 0.25,
        _ => 0.4,
    };

    /// <summary>Years of negotiation an agreement of the kind takes with both governments fully ready.</summary>
    public static double Work(AgreementKind kind) => kind switch
    {
        AgreementKind.Ceasefire => 0.25,
        AgreementKind.Cbm => 0.5,
        AgreementKind.Declaration => 0.5,
        AgreementKind.Framework => 1.0,
        _ => 3.0,
    };

    /// <summary>Whether an agreement of the kind needs the official dialogue to be open (a ceasefire does not).</summary>
    public static bool NeedsTalks(AgreementKind kind) => kind != AgreementKind.Ceasefire;

    /// <summary>The event kind of the signing.</summary>
    public static EventKind SigningKind(AgreementKind kind) => kind is AgreementKind.Ceasefire or AgreementKind.Cbm ? EventKind.Cbm : EventKind.Agreement;
}

using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// An official agreement on the table for a pair of states: the model decides whether and when
/// it is reached (TI-AGREE); the dates history gives are targets for validation, not inputs.
/// </summary>
/// <param name="Id">Unique id among agreements.</param>
/// <param name="Name">Display name.</param>
/// <param name="Label">Short label for charts.</param>
/// <param name="States">The two states that would sign it.</param>
/// <param name="Topic">The topic it settles; Track II texts on a topic of the same id make it more likely and earlier. Null: no Track II topic.</param>
/// <param name="Kind">Kind, which sets the defaults of the next three.</param>
/// <param name="Threshold">Readiness both governments need before talks on it make progress.</param>
/// <param name="Work">Years of negotiation it takes at full readiness.</param>
/// <param name="NeedsTalks">Whether progress needs the official dialogue to be open.</param>
/// <param name="Severity">Significance of the signing in [0,1]: the cooperative shock it gives official trust and the publics.</param>
/// <param name="Terms">What it changes while in force.</param>
/// <param name="Reversible">Whether it can erode and collapse.</param>
/// <param name="From">First day it is on the table; null: from the start.</param>
/// <param name="Historical">The days history reached it (targets for validation), in order; empty when it was never reached.</param>
/// <param name="Source">Citation for the record.</param>
/// <param name="Secret">Whether it is negotiated in secret: spoilers cannot see its progress until it is signed or an event exposes it (T2-SECRECY).</param>
public sealed record AgreementSpec(
    string Id,
    string Name,
    string Label,
    ImmutableArray<string> States,
    string? Topic,
    AgreementKind Kind,
    double Threshold,
    double Work,
    bool NeedsTalks,
    double Severity,
    AgreementTerms Terms,
    bool Reversible,
    DateOnly? From,
    ImmutableArray<DateOnly> Historical,
    string? Source,
    bool Secret = false)
{
    /// <summary>Ids of the third parties that guarantee it (TI-GUARANTEE).</summary>
    public ImmutableArray<string> Guarantors { get; init; } = [];
}

/// <summary>What an agreement changes: at its signing and while it is in force.</summary>
/// <param name="IncidentReduction">Share of the dyad's incidents it prevents while in force (a ceasefire), in [0,1].</param>
/// <param name="Restraint">Restraint it adds to both postures while in force (1/year).</param>
/// <param name="Cbm">Confidence-building measures added to the dyad's stock at the signing.</param>
/// <param name="CreateLinks">Functional links the signing creates.</param>
public sealed record AgreementTerms(
    double IncidentReduction,
    double Restraint,
    double Cbm,
    ImmutableArray<FunctionalLinkSpec> CreateLinks)
{
    /// <summary>No terms beyond the signing's cooperative shock.</summary>
    public static AgreementTerms None { get; } = new(0, 0, 0, []);
}

using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>A pair of states and their official relations at the start of a run.</summary>
/// <param name="A">Id of the first state (the alphabetically smaller id).</param>
/// <param name="B">Id of the second state.</param>
/// <param name="Tension">Initial tension in [0,1].</param>
/// <param name="OfficialTrust">Initial official trust in [0,1].</param>
/// <param name="Dialogue">Initial status of the official dialogue.</param>
/// <param name="CbmStock">Initial stock of confidence-building measures, at least 0.</param>
/// <param name="Links">Functional links between the two states.</param>
public sealed record DyadSpec(
    string A,
    string B,
    double Tension,
    double OfficialTrust,
    DialogueStatus Dialogue,
    double CbmStock,
    ImmutableArray<FunctionalLinkSpec> Links)
{
    /// <summary>The metric subject of this dyad: both ids in ordinal order joined by '-' (for example <c>IN-PK</c>).</summary>
    public string Subject => SubjectOf(A, B);

    /// <summary>The metric subject of the dyad of two states, in ordinal order joined by '-'.</summary>
    public static string SubjectOf(string first, string second) =>
        string.CompareOrdinal(first, second) <= 0 ? $"{first}-{second}" : $"{second}-{first}";

    /// <summary>Whether this dyad joins the two given states, in either order.</summary>
    public bool Joins(string first, string second) =>
        (A == first && B == second) || (A == second && B == first);
}

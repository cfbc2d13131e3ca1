using System.Collections.Immutable;

namespace TrackSim.Core.Recording;

/// <summary>The networks of a run at one recorded point: the Track II participants and the cross-border ties of citizens.</summary>
/// <param name="Step">The recorded point (0 is the initial state, k the state after k steps).</param>
/// <param name="Date">First day of the point.</param>
/// <param name="Participants">Every participant of every initiative, by initiative and then index.</param>
/// <param name="Meetings">Pairs of participants of one initiative who have attended at least one meeting together.</param>
/// <param name="TiePairs">Cross-border citizen ties per pair of states, in the states' order.</param>
/// <param name="TieStride">The sample takes every <c>TieStride</c>-th cross-border tie in citizen order (1 takes them all).</param>
/// <param name="TieSample">The deterministic sample of cross-border ties.</param>
public sealed record NetworkSnapshot(
    int Step,
    DateOnly Date,
    ImmutableArray<Track2Node> Participants,
    ImmutableArray<Track2Edge> Meetings,
    ImmutableArray<CitizenTiePair> TiePairs,
    int TieStride,
    ImmutableArray<CitizenTie> TieSample)
{
    /// <summary>Cross-border citizen ties in all.</summary>
    public long CrossBorderTies => TiePairs.Sum(p => p.Ties);
}

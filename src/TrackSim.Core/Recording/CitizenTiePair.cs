namespace TrackSim.Core.Recording;

/// <summary>The cross-border ties between the citizens of two states.</summary>
/// <param name="A">The first state's id.</param>
/// <param name="B">The second state's id (after <paramref name="A"/> in the scenario's order).</param>
/// <param name="Ties">Ties in the citizens' network.</param>
/// <param name="Active">Ties whose two citizens are not dormant (generational turnover leaves a newcomer's ties dormant).</param>
public sealed record CitizenTiePair(string A, string B, long Ties, long Active);

namespace TrackSim.Core.Recording;

/// <summary>A cross-border tie of the sample.</summary>
/// <param name="CitizenA">Index of the first citizen (the lower one).</param>
/// <param name="StateA">State id of the first citizen.</param>
/// <param name="TrustA">Trust of the first citizen toward the second one's state (NaN when it holds none).</param>
/// <param name="CitizenB">Index of the second citizen.</param>
/// <param name="StateB">State id of the second citizen.</param>
/// <param name="TrustB">Trust of the second citizen toward the first one's state (NaN when it holds none).</param>
/// <param name="Active">Whether neither citizen is dormant.</param>
public sealed record CitizenTie(int CitizenA, string StateA, double TrustA, int CitizenB, string StateB, double TrustB, bool Active);

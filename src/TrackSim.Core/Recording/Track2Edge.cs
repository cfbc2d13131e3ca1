namespace TrackSim.Core.Recording;

/// <summary>Two participants of one initiative who have met.</summary>
/// <param name="Initiative">Id of the initiative.</param>
/// <param name="A">Index of the first participant.</param>
/// <param name="B">Index of the second participant, above <paramref name="A"/>.</param>
/// <param name="Together">Meetings both have attended.</param>
/// <param name="TrustAB">Interpersonal trust of A in B at the point.</param>
/// <param name="TrustBA">Interpersonal trust of B in A at the point.</param>
public sealed record Track2Edge(string Initiative, int A, int B, int Together, double TrustAB, double TrustBA);

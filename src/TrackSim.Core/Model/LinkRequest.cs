using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A functional link asked for in a step, added by FN-CREATE.</summary>
/// <param name="Dyad">The dyad the link joins.</param>
/// <param name="Id">The link's id.</param>
/// <param name="Sector">The link's sector.</param>
/// <param name="Strength">Initial strength.</param>
/// <param name="Threshold">Suspension threshold.</param>
/// <param name="ActiveFrom">The date from which it exists (null: at once).</param>
/// <param name="OnlyIfSectorFree">Whether it is added only where the dyad has no link in the sector yet.</param>
/// <param name="Detail">What asked for it, for the log.</param>
internal sealed record LinkRequest(DyadRuntime Dyad, string Id, Sector Sector, double Strength, double Threshold, DateOnly? ActiveFrom, bool OnlyIfSectorFree, string Detail);

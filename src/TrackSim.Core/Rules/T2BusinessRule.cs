using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-BUSINESS: Track 3, peacemaking through commerce (Diamond and McDonald 1996; Killick,
/// Srikantha and Gündüz 2005 on business in peacebuilding). Business participants of a running
/// initiative that has met create trade links between their states, at a rate that grows with
/// their number and their cross-side trust (see <see cref="TrackLinkRule"/>; rate
/// <c>tracks.business_link_rate</c>).
/// </summary>
internal sealed class T2BusinessRule() : TrackLinkRule(
    Id,
    Switch,
    Track.Business,
    Sector.Trade,
    LinkRate,
    "business participants",
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press; Killick, N., Srikantha, V. S., and Gündüz, C. (2005). The role of local business in peacebuilding. Berghof Handbook for Conflict Transformation.")
{
    public const string Id = "T2-BUSINESS";

    public static readonly Mechanism Switch = new("business_track", Id, "trade links created by the business participants of Track II initiatives");

    public static readonly ParameterDefinition LinkRate = new("tracks", "business_link_rate", 0.05, 0, 10, "links per participant-year", "Rate at which one business participant who fully trusts the other side creates a trade link between the states (an assumption).");
}

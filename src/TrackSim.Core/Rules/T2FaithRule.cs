using TrackSim.Core.Domain;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-FAITH: Track 7, peacemaking through faith in action (Diamond and McDonald 1996; Johnston
/// and Sampson 1994 on religion in statecraft). Religious leaders of a running initiative that
/// has met create links of faith and pilgrimage between their states, at a rate that grows with
/// their number and their cross-side trust (see <see cref="TrackLinkRule"/>; rate
/// <c>tracks.faith_link_rate</c>). Their public voice is their reach, heard through T2-OUTREACH.
/// </summary>
internal sealed class T2FaithRule() : TrackLinkRule(
    Id,
    Switch,
    Track.Religion,
    Sector.Pilgrimage,
    LinkRate,
    "religious leaders",
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press; Johnston, D., and Sampson, C. (eds.) (1994). Religion, the Missing Dimension of Statecraft. Oxford University Press.")
{
    public const string Id = "T2-FAITH";

    public static readonly Mechanism Switch = new("faith_track", Id, "pilgrimage links created by the religious leaders of Track II initiatives");

    public static readonly ParameterDefinition LinkRate = new("tracks", "faith_link_rate", 0.05, 0, 10, "links per participant-year", "Rate at which one religious leader who fully trusts the other side creates a link of faith and pilgrimage between the states (an assumption).");
}

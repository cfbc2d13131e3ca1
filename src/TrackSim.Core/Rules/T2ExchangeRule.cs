using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-EXCHANGE: Track 4, citizen exchanges (Diamond and McDonald 1996); the friends that
/// participants bring home widen contact beyond them (the extended contact effect: Wright, Aron,
/// McLaughlin-Volpe and Ropp 1997).
/// <para>
/// For every state s, E_s = ε·Σ_p t̄_p over the private citizens and youth participants p of s
/// whose group takes part on the step's first day in a running initiative that has met, with
/// t̄_p their mean trust in the participants of the other sides who take part (as in
/// T2-OUTREACH) and ε = <c>tracks.exchange_contact</c>. CIT-CONTACT adds E_s to the link strength
/// L_s through which s's citizens meet the other side, so its contact rate, effect, negative
/// share and Allport's conditions apply to it. Switched off, E_s = 0.
/// </para>
/// </summary>
internal sealed class T2ExchangeRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press; Wright, S. C., Aron, A., McLaughlin-Volpe, T., and Ropp, S. A. (1997). The extended contact effect. Journal of Personality and Social Psychology 73(1).")
{
    public const string Id = "T2-EXCHANGE";

    public static readonly Mechanism Switch = new("exchange_track", Id, "citizen exchanges in Track II raising their states' cross-border contact");

    public static readonly ParameterDefinition Contact = new("tracks", "exchange_contact", 0.05, 0, 10, "link strength per participant", "Cross-border contact of a state's citizens, in units of link strength, that one exchange participant who fully trusts the other side brings (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Contact];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var contact = world.ExchangeContact;
        Array.Clear(contact);
        if (!world.On(Switch))
        {
            return;
        }

        // Exchanges go on in secret channels too: they are contact, not speech.
        TrackVoices.Sum(world, Track.PrivateCitizen, publicOnly: false, contact, static (_, trust) => trust, world.P[Contact]);
    }
}

using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-MEDIA: Track 9, journalists in Track II frame the news for their own public (peace
/// journalism: Galtung 1998; Lynch and McGoldrick 2005).
/// <para>
/// For every state s, v_s = clamp(Σ_p ρ_p·(2·t̄_p − 1), −1, 1) over the journalists p of s whose
/// group takes part on the step's first day in a running initiative that has met and is not
/// secret, with ρ_p their reach and t̄_p their mean trust in the participants of the other sides
/// who take part (as in T2-OUTREACH). The media shift a hostile event brings to s's public
/// (EVENT) is multiplied by 1 − φ·v_s and that of a cooperative event by 1 + φ·max(v_s, 0),
/// φ = <c>tracks.media_framing</c>: journalists who trust the other side (t̄ &gt; 1/2) dampen
/// the hostile news and amplify the cooperative; those who distrust it amplify the hostile. It
/// runs before EVENT, so the framing of a step comes from the trust at its start. Switched off,
/// or with no journalist, both multipliers are 1.
/// </para>
/// </summary>
internal sealed class T2MediaRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Galtung, J. (1998). High road, low road: charting the course for peace journalism. Track Two 7(4); Lynch, J., and McGoldrick, A. (2005). Peace Journalism. Hawthorn Press.")
{
    public const string Id = "T2-MEDIA";

    public static readonly Mechanism Switch = new("media_track", Id, "journalists in Track II framing the media effect of events on their public");

    public static readonly ParameterDefinition Framing = new("tracks", "media_framing", 0.5, 0, 1, "1", "Change in the media effect of events on a public whose journalists of full reach fully trust, or fully distrust, the other side (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Framing];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Array.Fill(world.HostileFraming, 1.0);
        Array.Fill(world.CooperativeFraming, 1.0);
        if (!world.On(Switch))
        {
            return;
        }

        // The cooperative array holds the sum of voices until the multipliers are set below.
        var voice = world.CooperativeFraming;
        TrackVoices.Sum(world, Track.Media, publicOnly: true, voice, static (participant, trust) => participant.Reach * ((2 * trust) - 1));

        double framing = world.P[Framing];
        for (int s = 0; s < voice.Length; s++)
        {
            double v = Math.Clamp(voice[s], -1, 1);
            world.HostileFraming[s] = 1 - (framing * v);
            world.CooperativeFraming[s] = 1 + (framing * Math.Max(v, 0));
        }
    }
}

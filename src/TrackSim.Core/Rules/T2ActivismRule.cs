using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-ACTIVISM: Track 6, peacemaking through advocacy (Diamond and McDonald 1996; Keck and
/// Sikkink 1998 on advocacy networks).
/// <para>
/// For every state s, A_s = α·clamp(Σ_p ρ_p·t̄_p, 0, 1) over the activists and NGO workers p of s
/// whose group takes part on the step's first day in a running initiative that has met and is
/// not secret, with ρ_p their reach, t̄_p their mean trust in the participants of the other
/// sides who take part (as in T2-OUTREACH) and α = <c>tracks.activism_effect</c>. A_s is public
/// pressure for peace: TI-READINESS adds it to the motivation of s's government as one more
/// source of a noisy-or, beside its public's trust (the peace constituency). It runs right
/// before TI-READINESS. Switched off, A_s = 0.
/// </para>
/// </summary>
internal sealed class T2ActivismRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Diamond, L., and McDonald, J. (1996). Multi-Track Diplomacy: A Systems Approach to Peace. Kumarian Press; Keck, M. E., and Sikkink, K. (1998). Activists beyond Borders: Advocacy Networks in International Politics. Cornell University Press.")
{
    public const string Id = "T2-ACTIVISM";

    public static readonly Mechanism Switch = new("activism_track", Id, "activists and NGO workers in Track II raising public pressure for peace");

    public static readonly ParameterDefinition Effect = new("tracks", "activism_effect", 0.3, 0, 1, "1", "Motivation a government draws from advocates of full reach who fully trust the other side (an assumption).");

    private static readonly ParameterDefinition[] Declared = [Effect];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var advocacy = world.Advocacy;
        Array.Clear(advocacy);
        if (!world.On(Switch))
        {
            return;
        }

        TrackVoices.Sum(world, Track.Activism, publicOnly: true, advocacy, static (participant, trust) => participant.Reach * trust);

        for (int s = 0; s < advocacy.Length; s++)
        {
            advocacy[s] = world.P[Effect] * Math.Clamp(advocacy[s], 0, 1);
        }
    }
}

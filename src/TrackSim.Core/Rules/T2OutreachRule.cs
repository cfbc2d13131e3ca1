using TrackSim.Core.Citizens;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-OUTREACH: participants with public reach re-humanise the other side (Montville's second process).
/// <para>
/// Outreach travels in the language shared across the border (the cross-border press and
/// broadcasts): for every state s of a running initiative, the push on its shared-language
/// citizens' trust toward each other state (or non-state party) t of the initiative is Δt · ω · clamp(Σ_p ρ_p (2 t_p − 1), −1, 1), the sum running over the participants p
/// who speak the shared language and whose group takes part on the step's first day (its
/// <c>from</c> and <c>until</c> dates; a ban on contacts keeps nobody from speaking in public) in
/// every running initiative that includes s, has met and is not secret (T2-SECRECY: a secret
/// channel says nothing in public until it is exposed), with
/// reach ρ_p (the share of the audience reached, applied as a mean-field weight), mean trust t_p
/// in the participants of the other sides who take part (a participant whose counterparts have all
/// left, or not yet joined, says nothing), and ω = <c>outreach.effect</c>; the clamp applies to the sum over all initiatives. Participants who trust the other side speak well of it, those who
/// distrust it speak ill. Citizens move by push·(1 − x) toward trust, or push·x away from it
/// (the kernel <see cref="Outreach"/>). It runs among the citizen rules, after CIT-CONTACT.
/// </para>
/// </summary>
internal sealed class T2OutreachRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Davidson, W. D., and Montville, J. V. (1981). Foreign policy according to Freud. Foreign Policy 45.")
{
    public const string Id = "T2-OUTREACH";

    public static readonly Mechanism Switch = new("outreach", Id, "participants with public reach moving citizens");

    public static readonly ParameterDefinition Effect = new("outreach", "effect", 0.05, 0, 1, "trust per year", "Yearly trust change of a citizen who hears a participant of full reach and full trust.");

    private static readonly ParameterDefinition[] Declared = [Effect];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Compute(world);
        if (world.On(Switch))
        {
            // Each layer's push: state s's citizens hear of the actor that is their k-th target.
            var population = world.Citizens.Population;
            for (int k = 0; k < population.Layers; k++)
            {
                Outreach.Apply(population, k, world.Citizens.InLayer(world.OutreachPush, k), world.Citizens.Threads);
            }
        }
    }

    /// <summary>Computes this step's push per directed pair into <see cref="World.OutreachPush"/>.</summary>
    public static void Compute(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Array.Clear(world.OutreachPush);
        if (!world.On(Switch))
        {
            return;
        }

        // The push array doubles as the sum of voices until it is scaled below.
        var voice = world.OutreachPush;
        foreach (var initiative in world.Initiatives)
        {
            if (!initiative.IsRunning(world.Date) || initiative.MeetingsHeld == 0 || initiative.Secret)
            {
                continue;
            }

            double sum = 0;
            for (int q = 0; q < initiative.Participants.Length; q++)
            {
                var participant = initiative.Participants[q];
                // A participant of a third party speaks to no public of the sides.
                if (participant.SharedLanguage && !participant.OfThirdParty && participant.IsMember(world.Date) && initiative.TryCrossSideTrustOf(q, world.Date, out double trust))
                {
                    sum += participant.Reach * ((2 * trust) - 1);
                }
            }

            // The voice speaks of the other side: each member's public hears it about each other member.
            foreach (int s in initiative.States)
            {
                foreach (int t in initiative.States)
                {
                    if (t != s)
                    {
                        voice[s, t] += sum;
                    }
                }
            }
        }

        double scale = world.Dt * world.P[Effect];
        for (int s = 0; s < voice.GetLength(0); s++)
        {
            for (int t = 0; t < voice.GetLength(1); t++)
            {
                voice[s, t] = scale * Math.Clamp(voice[s, t], -1, 1);
            }
        }
    }
}

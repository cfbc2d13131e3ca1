using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-DIALOGUE: suspension and resumption of the official dialogue.
/// <para>
/// Severe hostile events (see <see cref="EventRule"/>) and explicit event effects suspend it. While
/// suspended, the years C that tension has stayed below <c>dialogue.resume_tension</c> accumulate
/// (any step above resets C to 0). Track II meetings held during the suspension prepare the
/// ground: preparation π = 1 − exp(−k·M) with k = <c>dialogue.preparation_per_meeting</c> and M
/// the meetings held since the suspension. The dialogue resumes when
/// C ≥ D·(1 − e·π), with D = <c>dialogue.resume_delay</c> and e = <c>dialogue.preparation_effect</c>
/// ("unbroken engagement": Montville 1991; Kaye 2007 on Track II while Track I is frozen).
/// </para>
/// </summary>
internal static class DialogueRule
{
    public const string Id = "ST-DIALOGUE";

    /// <summary>Updates every suspended dialogue at the end of a step.</summary>
    public static void Apply(World world)
    {
        if (!world.On("dialogue"))
        {
            return;
        }

        var p = world.P;
        foreach (var dyad in world.Dyads)
        {
            if (dyad.DialogueOpen)
            {
                continue;
            }

            dyad.CalmYears = dyad.Tension < p.ResumeTension ? dyad.CalmYears + world.Dt : 0;
            double preparation = 1 - Math.Exp(-p.PreparationPerMeeting * dyad.MeetingsWhileSuspended);
            double delay = p.ResumeDelay * (1 - (p.PreparationEffect * preparation));
            if (dyad.CalmYears >= delay)
            {
                Resume(world, dyad, $"resumed after {dyad.CalmYears:0.##} calm years ({dyad.MeetingsWhileSuspended} Track II meetings during the suspension)");
            }
        }
    }

    /// <summary>Suspends the dialogue of a dyad (no change when already suspended).</summary>
    public static void Suspend(World world, DyadRuntime dyad, string cause)
    {
        if (!dyad.DialogueOpen)
        {
            return;
        }

        dyad.DialogueOpen = false;
        dyad.CalmYears = 0;
        dyad.MeetingsWhileSuspended = 0;
        world.Record(Id, dyad.Subject, $"dialogue suspended by {cause}");
    }

    /// <summary>Resumes the dialogue of a dyad (no change when already open).</summary>
    public static void Resume(World world, DyadRuntime dyad, string detail)
    {
        if (dyad.DialogueOpen)
        {
            return;
        }

        dyad.DialogueOpen = true;
        world.Record(Id, dyad.Subject, $"dialogue {detail}");
    }
}

using System.Globalization;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-DIALOGUE: suspension and resumption of the official dialogue.
/// <para>
/// Severe hostile events (EVENT) and explicit event effects suspend it; every change of the
/// dialogue, whichever rule makes it, is logged under this id. While suspended, the years C that
/// tension has stayed below <c>dialogue.resume_tension</c> accumulate (any step above resets C
/// to 0). Track II meetings held during the suspension prepare the ground: preparation
/// π = 1 − exp(−k·M) with k = <c>dialogue.preparation_per_meeting</c> and M the meetings held
/// since the suspension. The dialogue resumes when C ≥ D·(1 − e·π), with
/// D = <c>dialogue.resume_delay</c> and e = <c>dialogue.preparation_effect</c>
/// ("unbroken engagement": Montville 1991; Kaye 2007 on Track II while Track I is frozen).
/// </para>
/// </summary>
internal sealed class StDialogueRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Montville, J. V. (1991). Transnationalism and the role of Track Two diplomacy; Kaye, D. D. (2007). Talking to the Enemy. RAND.")
{
    public const string Id = "ST-DIALOGUE";

    public static readonly Mechanism Switch = new("dialogue", Id, "suspension and resumption of official dialogue by the model");

    public static readonly ParameterDefinition SuspendSeverity = new("dialogue", "suspend_severity", 0.7, 0, 1, "severity", "Hostile events at least this severe suspend the dialogue of their actors.");
    public static readonly ParameterDefinition ResumeTension = new("dialogue", "resume_tension", 0.5, 0, 1, "tension", "Tension below which the dialogue can resume.");
    public static readonly ParameterDefinition ResumeDelay = new("dialogue", "resume_delay", 1.5, 0, 50, "years", "Time tension must stay below the resumption level before the dialogue resumes.");
    public static readonly ParameterDefinition PreparationEffect = new("dialogue", "preparation_effect", 0.5, 0, 1, "1", "Largest share of the resumption delay that Track II preparation removes.");
    public static readonly ParameterDefinition PreparationPerMeeting = new("dialogue", "preparation_per_meeting", 0.3, 0, 5, "1 per meeting", "Preparation added by each Track II meeting held while the dialogue is suspended (preparation = 1 - exp(-this x meetings)).");

    private static readonly ParameterDefinition[] Declared = [SuspendSeverity, ResumeTension, ResumeDelay, PreparationEffect, PreparationPerMeeting];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.DialogueOpen, (world, d) => world.Dyads[d].DialogueOpen ? 1 : 0)];

    /// <summary>Updates every suspended dialogue at the end of a step.</summary>
    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        var p = world.P;
        double resumeTension = p[ResumeTension];
        foreach (var dyad in world.Dyads)
        {
            if (dyad.DialogueOpen)
            {
                continue;
            }

            dyad.CalmYears = dyad.Tension < resumeTension ? dyad.CalmYears + world.Dt : 0;
            double preparation = 1 - Math.Exp(-p[PreparationPerMeeting] * dyad.MeetingsWhileSuspended);
            double delay = p[ResumeDelay] * (1 - (p[PreparationEffect] * preparation));
            // Calm time is a sum of step lengths; the tolerance keeps 18 months of 1/12 equal to 1.5 years.
            if (dyad.CalmYears >= delay - 1e-9)
            {
                world.ResumeDialogue(dyad, Id, string.Create(CultureInfo.InvariantCulture, $"resumed after {dyad.CalmYears:0.##} calm years ({dyad.MeetingsWhileSuspended} Track II meetings during the suspension)"));
            }
        }
    }
}

using System.Globalization;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// TI-TALKS: governments open, suspend and resume the official dialogue by decision rules on
/// readiness (TI-READINESS) and on the hostile events of the step.
/// <para>
/// While the dialogue is open, a hostile event of severity s against government i (EVENT;
/// spoiler attacks included) makes i suspend it when s &gt; θ_i + R_i, θ_i = <c>dialogue.tolerance</c>
/// of state i (a parameter of a state: how much its government can bear at home without walking
/// out): the more ready a government is, the more it takes to break the talks off. The dialogue also
/// lapses when the lower readiness of the two falls below <c>dialogue.close_readiness</c>. While
/// it is suspended, it resumes once both governments' readiness is at least
/// <c>dialogue.open_readiness</c> and it has been suspended for at least
/// <c>dialogue.min_suspension</c> years (a government that broke off talks over an attack is seen
/// to answer it: Fearon 1994 on audience costs). The open and close levels differ, so a dialogue
/// does not flap open and shut. A scenario can script the decision instead (an event with
/// <c>decided: true</c>); every change is logged under this id, with its cause.
/// </para>
/// </summary>
internal sealed class TiTalksRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Pruitt, D. G. (2007). Readiness theory and the Northern Ireland conflict. American Behavioral Scientist 50(11); Fearon, J. D. (1994). Domestic political audiences and the escalation of international disputes. American Political Science Review 88(3).")
{
    public const string Id = "TI-TALKS";

    public static readonly Mechanism Switch = new("dialogue", Id, "the governments' decisions to open, suspend and resume the official dialogue");

    public static readonly ParameterDefinition OpenReadiness = new("dialogue", "open_readiness", 0.25, 0, 1, "readiness", "Readiness both governments need to resume a suspended dialogue.");
    public static readonly ParameterDefinition CloseReadiness = new("dialogue", "close_readiness", 0.15, 0, 1, "readiness", "An open dialogue lapses when either government's readiness falls below this.");
    public static readonly ParameterDefinition Tolerance = new("dialogue", "tolerance", 0.5, 0, 1, "severity", "Severity of a hostile event a government with no readiness tolerates without breaking off the talks; readiness adds to it.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition MinSuspension = new("dialogue", "min_suspension", 0.5, 0, 20, "years", "Shortest suspension after a government breaks off the talks.");

    private static readonly ParameterDefinition[] Declared = [OpenReadiness, CloseReadiness, Tolerance, MinSuspension];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.DialogueOpen, (world, d) => world.Dyads[d].DialogueOpen ? 1 : 0)];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        var p = world.P;
        foreach (var dyad in world.Dyads)
        {
            if (dyad.TalksScripted)
            {
                continue;
            }

            if (dyad.DialogueOpen)
            {
                Weigh(world, dyad);
                continue;
            }

            dyad.YearsSuspended += world.Dt;
            double r = dyad.MinReadiness;

            // Suspended time is a sum of step lengths; the tolerance keeps 6 months of 1/12 equal to half a year.
            if (r >= p[OpenReadiness] && dyad.YearsSuspended >= p[MinSuspension] - 1e-9)
            {
                world.ResumeDialogue(dyad, Id, Text($"resumed: both governments ready (readiness {Num(dyad.Readiness[0])} and {Num(dyad.Readiness[1])}, at least {Num(p[OpenReadiness])}; {dyad.MeetingsWhileSuspended} Track II meetings during the suspension)"));
            }
        }
    }

    /// <summary>Whether an open dialogue survives this step's hostile events and the governments' readiness.</summary>
    private static void Weigh(World world, DyadRuntime dyad)
    {
        var p = world.P;
        for (int side = 0; side < 2; side++)
        {
            double severity = dyad.HostileAgainst[side];
            int state = side == 0 ? dyad.A : dyad.B;
            double own = p.Of(Tolerance, state);
            double tolerance = own + dyad.Readiness[side];
            if (severity > 0 && severity > tolerance)
            {
                world.SuspendDialogue(dyad, Id, Text($"suspended by {world.States[state].Id} after a hostile event of severity {Num(severity)} (tolerance {Num(own)} + readiness {Num(dyad.Readiness[side])})"));
                return;
            }
        }

        if (dyad.MinReadiness < p[CloseReadiness])
        {
            world.SuspendDialogue(dyad, Id, Text($"lapsed: readiness {Num(dyad.MinReadiness)} below {Num(p[CloseReadiness])}"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

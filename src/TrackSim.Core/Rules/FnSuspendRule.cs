using System.Globalization;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// FN-SUSPEND: functional links suspended under tension (Mitrany 1943).
/// <para>
/// A link that exists is suspended when the dyad's tension exceeds its threshold θ and resumes
/// when tension falls below θ − <c>functional.resume_margin</c>. Events suspend and resume links
/// by id too (EVENT, logged under this id). Links created in the step are looked at too; links
/// that FN-SPILLOVER creates start next step.
/// </para>
/// </summary>
internal sealed class FnSuspendRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Mitrany, D. (1943). A Working Peace System. Royal Institute of International Affairs.")
{
    public const string Id = "FN-SUSPEND";

    public static readonly Mechanism Switch = new("link_suspension", Id, "suspension of functional links above their tension threshold");

    public static readonly ParameterDefinition ResumeMargin = new("functional", "resume_margin", 0.05, 0, 0.5, "tension", "A suspended link resumes when tension falls this far below its threshold.");

    private static readonly ParameterDefinition[] Declared = [ResumeMargin];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.FunctionalLinksActive, (world, d) => world.Dyads[d].ActiveLinkCount(world.Date))];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.On(Switch))
        {
            return;
        }

        double margin = world.P[ResumeMargin];
        foreach (var dyad in world.Dyads)
        {
            foreach (var link in dyad.Links)
            {
                if (!link.Exists(world.Date))
                {
                    continue;
                }

                if (!link.SuspendedByTension && dyad.Tension > link.Threshold)
                {
                    link.SuspendedByTension = true;
                    world.Record(Id, link.Id, $"suspended: tension {Num(dyad.Tension)} above its threshold {Num(link.Threshold)}");
                }
                else if (link.SuspendedByTension && dyad.Tension < link.Threshold - margin)
                {
                    link.SuspendedByTension = false;
                    world.Record(Id, link.Id, $"resumed: tension {Num(dyad.Tension)} below its threshold");
                }
            }
        }
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

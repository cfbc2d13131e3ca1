using TrackSim.Core.Model;

namespace TrackSim.Core.Rules;

/// <summary>
/// FN-CREATE: functional links created by events and by adopted Track II recommendations.
/// <para>
/// EVENT and T2-TRANSFER ask for links; this rule adds them, in the order asked, before the
/// citizens' contact and the states' restraint read the links. A link an event names is added
/// as given; a link from a recommendation on a sector's topic is added only where the dyad has
/// no link in that sector yet, with strength <c>functional.spillover_strength</c> and threshold
/// <c>functional.spillover_threshold</c>. A link asked for under an id the dyad already has (an
/// agreement reached again after it collapsed) is not added twice: the existing link resumes if
/// it was suspended. It has no switch: switch off T2-TRANSFER or remove the event instead.
/// </para>
/// </summary>
internal sealed class FnCreateRule() : Rule(
    Id,
    null,
    [],
    [],
    "Mitrany, D. (1943). A Working Peace System. Royal Institute of International Affairs.")
{
    public const string Id = "FN-CREATE";

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var request in world.LinkRequests)
        {
            if (request.OnlyIfSectorFree && request.Dyad.HasLinkIn(request.Sector))
            {
                continue;
            }

            if (request.Dyad.Links.Find(link => link.Id == request.Id) is { } existing)
            {
                if (existing.SuspendedByEvent)
                {
                    existing.SuspendedByEvent = false;
                    world.Record(FnSuspendRule.Id, existing.Id, $"resumed: {request.Detail}");
                }

                continue;
            }

            request.Dyad.Links.Add(new LinkRuntime(request.Id, request.Sector, request.Strength, request.Threshold, request.ActiveFrom));
            world.Record(Id, request.Id, request.Detail);
        }

        world.LinkRequests.Clear();
    }
}

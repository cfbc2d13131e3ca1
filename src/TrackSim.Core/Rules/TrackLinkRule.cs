using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// The shape shared by T2-BUSINESS and T2-FAITH: participants of one track in a running
/// initiative that has met create a functional link of one sector between their states.
/// <para>
/// For every dyad of the initiative whose states both allow contacts and have no link in the
/// sector yet, with n the number of the track's participants of the dyad's two states whose
/// group takes part on the step's first day (at least one of each state) and t̄ their mean trust
/// in the participants of the other sides, a link is asked for with probability
/// 1 − exp(−λ·n·t̄·Δt), λ the rule's rate. FN-CREATE adds it unless the dyad has a link in the
/// sector by then, so a dyad never has two links a track created in one sector.
/// </para>
/// </summary>
/// <param name="ruleId">The rule id.</param>
/// <param name="mechanism">The rule's switch.</param>
/// <param name="track">The track whose participants create links.</param>
/// <param name="sector">The sector of the links.</param>
/// <param name="rate">The rule's rate λ (links per participant-year at full trust).</param>
/// <param name="who">The participants, for the log ("business participants").</param>
/// <param name="citation">The work the rule comes from.</param>
internal abstract class TrackLinkRule(string ruleId, Mechanism mechanism, Track track, Sector sector, ParameterDefinition rate, string who, string citation)
    : InitiativeRule(ruleId, mechanism, [rate], [], citation)
{
    /// <summary>Asks for the link of each dyad of the initiative whose draw falls in this step.</summary>
    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        if (!world.On(Mechanism!) || !initiative.IsRunning(world.Date) || initiative.MeetingsHeld == 0)
        {
            return;
        }

        foreach (var dyad in initiative.Dyads)
        {
            // A state that bans contacts with the other side lets no link be made with it.
            if (dyad.HasLinkIn(sector) || world.States[dyad.A].ContactsBanned || world.States[dyad.B].ContactsBanned)
            {
                continue;
            }

            double hazard = world.P[rate] * Weight(world, initiative, dyad);
            if (hazard > 0 && world.TrackStream.NextDouble() < 1 - Math.Exp(-hazard * world.Dt))
            {
                world.LinkRequests.Add(new LinkRequest(dyad, dyad.NewLinkId(sector, world.Step), sector, world.P[FnSpilloverRule.Strength], world.P[FnSpilloverRule.Threshold], null, OnlyIfSectorFree: true, $"created by the {who} of {initiative.Spec.Id}"));
            }
        }
    }

    /// <summary>n·t̄: the number of the track's participants of the dyad's states who take part, times their mean cross-side trust (0 unless both states have one).</summary>
    private double Weight(World world, InitiativeRuntime initiative, DyadRuntime dyad)
    {
        var participants = initiative.Participants;
        // n·t̄ is the sum of the participants' trust.
        double trust = 0;
        bool a = false;
        bool b = false;
        for (int q = 0; q < participants.Length; q++)
        {
            var participant = participants[q];
            if (participant.Role.Track != track || !participant.IsMember(world.Date) || (participant.State != dyad.A && participant.State != dyad.B))
            {
                continue;
            }

            if (initiative.TryCrossSideTrustOf(q, world.Date, out double t))
            {
                trust += t;
                a |= participant.State == dyad.A;
                b |= participant.State == dyad.B;
            }
        }

        return a && b ? trust : 0;
    }
}

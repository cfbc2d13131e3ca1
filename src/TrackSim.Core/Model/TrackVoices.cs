using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>
/// What the participants of one track carry home to their state: the sum, per state, of a weight
/// of each participant of the track who takes part on the step's first day in a running
/// initiative that has met, and who has counterparts of the other sides taking part (their mean
/// trust in those counterparts is the weight's second argument). T2-MEDIA, T2-ACTIVISM and
/// T2-EXCHANGE read their track this way.
/// </summary>
internal static class TrackVoices
{
    /// <summary>The weight of one participant with its mean trust in the other sides' participants.</summary>
    public delegate double Weight(ParticipantRuntime participant, double crossSideTrust);

    /// <summary>Clears <paramref name="byState"/> and adds each participant's weight to its state's entry.</summary>
    /// <param name="world">The run's world.</param>
    /// <param name="track">The track whose participants count.</param>
    /// <param name="publicOnly">Whether a secret initiative is left out (it says nothing in public until exposed).</param>
    /// <param name="byState">One entry per actor; cleared first.</param>
    /// <param name="weight">The weight of a participant (a static lambda, so no call allocates).</param>
    /// <param name="factor">A factor on every weight, the same for all (a parameter the lambda cannot capture without allocating).</param>
    public static void Sum(World world, Track track, bool publicOnly, double[] byState, Weight weight, double factor = 1)
    {
        Array.Clear(byState);
        foreach (var initiative in world.Initiatives)
        {
            if (!initiative.IsRunning(world.Date) || initiative.MeetingsHeld == 0 || (publicOnly && initiative.Secret))
            {
                continue;
            }

            for (int q = 0; q < initiative.Participants.Length; q++)
            {
                var participant = initiative.Participants[q];
                if (participant.Role.Track == track && participant.IsMember(world.Date) && initiative.TryCrossSideTrustOf(q, world.Date, out double trust))
                {
                    byState[participant.State] += weight(participant, trust) * factor;
                }
            }
        }
    }
}
